// Sources and health: every monitored source with its kind, tags and polling health, the ones
// needing attention flagged in words; one source's detail with ?id=; admins add and remove
// sources, others are told which role that needs. Filters in the URL: health, tag.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Source } from '../../../src/store/types';
import { hasRole, NeedsRole, useRole } from '../components/role';
import { AddSource } from '../components/sources-add';
import { SourceDetail } from '../components/sources-detail';
import { healthOf, type HealthLevel } from '../components/sources-health';
import { SourcesTable } from '../components/sources-table';
import { Loaded } from '../components/states';
import { useApi } from '../lib/use-api';
import { useQueryState, type Query } from '../lib/query-state';
import './sources.css';

const SHOW = 100;

function hrefWith(query: Query, patch: Query): string {
  const p = new URLSearchParams({ ...query, ...patch });
  for (const [k, v] of [...p]) if (!v) p.delete(k);
  const s = p.toString();
  return s ? `/sources?${s}` : '/sources';
}

function Summary({ sources }: { sources: Source[] }) {
  const counts = new Map<HealthLevel, number>();
  for (const s of sources) counts.set(healthOf(s).level, (counts.get(healthOf(s).level) ?? 0) + 1);
  const attention = sources.length - (counts.get('ok') ?? 0);
  const part = (level: HealthLevel, word: string) => (counts.get(level) ? `${counts.get(level)} ${word}` : null);
  return (
    <p className={attention ? 'sources-summary attention' : 'sources-summary'} role="status">
      {sources.length} source{sources.length === 1 ? '' : 's'}:{' '}
      {[part('ok', 'healthy'), part('failing', 'failing'), part('never', 'not polled yet'), part('overdue', 'overdue'), part('disabled', 'disabled')].filter(Boolean).join(', ')}.
      {attention ? ` ${attention} need${attention === 1 ? 's' : ''} attention.` : ''}
    </p>
  );
}

export function Sources() {
  const [query, setQuery] = useQueryState();
  const me = useRole();
  const isAdmin = hasRole(me.role, 'admin');
  const sources = useApi<{ items: Source[] }>('/sources');
  const [notice, setNoticeState] = useState<{ text: string; at: number } | null>(null);
  const setNotice = (text: string) => setNoticeState({ text, at: Date.now() });
  // After an add or a removal, the focus goes to the message saying so (the row or form changed).
  const noticeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  const [shown, setShown] = useState(SHOW);
  const tags = useMemo(() => [...new Set((sources.data?.items ?? []).flatMap((s) => s.tags))].sort(), [sources.data]);

  const filter = (list: Source[]) =>
    list.filter((s) => (query.health === 'attention' ? healthOf(s).level !== 'ok' : true) && (query.tag ? s.tags.includes(query.tag) : true));
  return (
    <section aria-labelledby="sources-title" className="sources-screen">
      <h1 id="sources-title">Sources and health</h1>
      {query.id ? <SourceDetail key={query.id} id={query.id} back={hrefWith(query, { id: '' })} /> : null}
      {notice ? (
        <p className="state saved" role="status" tabIndex={-1} ref={noticeRef}>
          {notice.text}
        </p>
      ) : null}
      <form className="filters" aria-label="Source filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          Show
          <select value={query.health ?? ''} onChange={(e) => setQuery({ health: e.target.value })}>
            <option value="">all sources</option>
            <option value="attention">only those needing attention</option>
          </select>
        </label>
        <label>
          Tag
          <select value={query.tag ?? ''} onChange={(e) => setQuery({ tag: e.target.value })}>
            <option value="">any tag</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
      </form>
      <Loaded state={sources} what="sources" empty={(d) => (d.items.length ? null : 'No sources yet. Add one below (admin) or with `readout sources add URL`, which finds the feed on a page.')}>
        {(d) => {
          const list = filter(d.items);
          return (
            <>
              <Summary sources={d.items} />
              {list.length === 0 ? <div className="state empty">No source matches these filters.</div> : null}
              {list.length ? (
                <SourcesTable
                  sources={list.slice(0, shown)}
                  canRemove={isAdmin}
                  detailHref={(id) => hrefWith(query, { id: String(id) })}
                  onRemoved={(s) => {
                    setNotice(`Removed “${s.title ?? s.url}”; its stored articles stay.`);
                    if (query.id === String(s.id)) setQuery({ id: '' });
                    sources.reload();
                  }}
                />
              ) : null}
              {list.length > shown ? (
                <button type="button" className="secondary" onClick={() => setShown((n) => n + SHOW)}>
                  Show more sources ({list.length - shown} not shown)
                </button>
              ) : null}
            </>
          );
        }}
      </Loaded>
      {me.error ? <p className="state error">Could not tell your role: {me.error.message}</p> : null}
      {isAdmin ? (
        <AddSource
          onAdded={(s) => {
            setNotice(`Added “${s.title ?? s.url}”. It is polled at its next scheduled time by \`readout watch\` or \`serve\`.`);
            sources.reload();
          }}
        />
      ) : me.role ? (
        <NeedsRole needed="admin" role={me.role} name={me.name} what="Adding and removing sources" />
      ) : null}
    </section>
  );
}
