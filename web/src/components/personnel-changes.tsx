// The feed of observed personnel changes (appointed, dismissed, resigned …), newest first, each
// with the sentence it was read in, linked to the article with that sentence highlighted.
// Paged with the API's nextCursor ("Load more").
import { useEffect, useState } from 'react';
import type { PersonnelChange } from '../../../src/insights/personnel';
import { api, type Params } from '../api/client';
import type { Page } from '../api/types';
import { Link } from 'wouter';
import { Failure, Loading } from './states';
import { evidenceHref, PersonLink } from './personnel-holders';

const PAGE = 50;

function ChangeItem({ c }: { c: PersonnelChange }) {
  return (
    <li className="change-item">
      <div>
        <time dateTime={c.date}>{c.date}</time> <span className={`tag change-${c.change}`}>{c.change}</span> <PersonLink name={c.person} personKey={c.personKey} />
        {c.title ? <>, {c.title}</> : null}
        {c.institution.id ? (
          <>
            {' '}
            — <Link href={`/actors/${encodeURIComponent(c.institution.id)}`}>{c.institution.name}</Link>
          </>
        ) : c.institution.name.startsWith('(') ? null : (
          <> — {c.institution.name}</>
        )}
      </div>
      <Link className="evidence" href={evidenceHref(c.evidence)}>
        “{c.evidence.sentence}”
      </Link>{' '}
      <span className="muted">{c.evidence.outlet ?? ''}</span>
    </li>
  );
}

export function ChangesFeed({ params }: { params: Params }) {
  const key = JSON.stringify(params);
  const [pages, setPages] = useState<{ key: string; items: PersonnelChange[]; next: string | null } | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);

  const fetchPage = async (cursor: string | null, signal?: AbortSignal) => api.get<Page<PersonnelChange>>('/personnel/changes', { ...params, limit: PAGE, cursor }, signal);

  useEffect(() => {
    const ctrl = new AbortController();
    setError(null);
    fetchPage(null, ctrl.signal).then(
      (p) => setPages({ key, items: p.items, next: p.nextCursor }),
      (err: Error) => err.name !== 'AbortError' && setError(err),
    );
    return () => ctrl.abort();
    // key stands for params.
  }, [key, attempt]);

  const more = async () => {
    if (!pages?.next) return;
    setBusy(true);
    try {
      const p = await fetchPage(pages.next);
      setPages({ key, items: [...pages.items, ...p.items], next: p.nextCursor });
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  if (error && (!pages || pages.key !== key)) return <Failure error={error} retry={() => setAttempt((a) => a + 1)} />;
  if (!pages || pages.key !== key) return <Loading what="personnel changes" />;
  const shown = pages.items;
  return (
    <>
      {shown.length === 0 ? (
        <div className="state empty">No personnel change observed in stored articles for these filters.</div>
      ) : (
        <ol className="change-list" aria-label="Personnel changes, newest first">
          {shown.map((c, i) => (
            <ChangeItem key={`${c.evidence.articleId}-${c.personKey}-${c.change}-${i}`} c={c} />
          ))}
        </ol>
      )}
      {error ? <Failure error={error} /> : null}
      {pages.next ? (
        <button type="button" className="secondary" onClick={() => void more()} disabled={busy}>
          {busy ? 'Loading…' : 'Load older changes'}
        </button>
      ) : null}
    </>
  );
}
