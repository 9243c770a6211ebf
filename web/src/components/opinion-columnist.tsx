// One author: their lean and mean position, how many pieces (and how many had any cue), the
// trend in words, their pieces, and the sentences that weighed most, each linked to the article
// with the sentence highlighted, so a reader can check why the author sits where they do.
import { Link } from 'wouter';
import type { Columnist, ColumnistTrend } from '../../../src/opinion/aggregate';
import { signed } from './opinion-axis';

export const authorAnchor = (author: string) => `col-${author.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

function trendWords(t: ColumnistTrend): string {
  if (t.direction === null || t.slopePer30Days === null) return 'No trend yet: it needs at least two scored pieces on different days.';
  if (t.direction === 'steady') return `Steady (${signed(t.slopePer30Days)} per 30 days).`;
  return `Moving ${t.direction} (${signed(t.slopePer30Days)} per 30 days).`;
}

function weightWords(w: number): string {
  return w < 0 ? `pulls toward hawkish (${signed(w)})` : w > 0 ? `pulls toward engagement (${signed(w)})` : 'neutral';
}

export function ColumnistCard({ c, readersHref }: { c: Columnist; readersHref: (articleId: number) => string }) {
  return (
    <article className="card columnist" id={authorAnchor(c.author)} tabIndex={-1} aria-labelledby={`${authorAnchor(c.author)}-name`}>
      <h3 id={`${authorAnchor(c.author)}-name`}>{c.author}</h3>
      <p>
        <span className={`lean lean-${c.lean}`}>{c.meanPosition === null ? 'no position (no cue in any piece)' : `${c.lean}, ${signed(c.meanPosition)}`}</span> ·{' '}
        {c.articles} piece{c.articles === 1 ? '' : 's'} ({c.scored} with cues) · {c.firstDate === c.lastDate ? c.firstDate : `${c.firstDate} to ${c.lastDate}`}
        {c.outlets.length ? <> · {c.outlets.join(', ')}</> : null}
      </p>
      <p className="muted">{trendWords(c.trend)}</p>
      <details>
        <summary>Pieces ({c.pieces.length})</summary>
        <ul className="columnist-pieces">
          {c.pieces.map((p) => (
            <li key={p.articleId}>
              <time dateTime={p.date}>{p.date}</time> <Link href={`/articles/${p.articleId}`}>{p.title ?? p.url}</Link> <span className="muted">{p.kind}</span>{' '}
              <span className="muted">{p.position === null ? 'no cue' : signed(p.position)}</span> · <Link href={readersHref(p.articleId)}>readers' comments</Link>
            </li>
          ))}
        </ul>
      </details>
      {c.evidence.length ? (
        <>
          <h4>Strongest evidence</h4>
          <ul className="columnist-evidence">
            {c.evidence.map((e, i) => (
              <li key={i}>
                <Link className="evidence" href={`/articles/${e.articleId}?evidence=${encodeURIComponent(e.sentence)}`}>
                  “{e.sentence}”
                </Link>
                <div className="muted">
                  {weightWords(e.weight)}; cues: {e.cues.join(', ')}
                  {e.quoted ? ' (inside a quote: counted half)' : ''} · {e.date}
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}
