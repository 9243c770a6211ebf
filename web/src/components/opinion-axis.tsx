// Authors on the axis, −1 (hawkish: pressure, sanctions, force) … +1 (engagement: talks,
// aid, relief): one track per author with each piece as a small mark and the author's mean as a
// large one, on a shared scale with labelled ends. The numbers and lean words are in the text
// too, so the chart is readable without colour or sight.
import type { Columnist } from '../../../src/opinion/aggregate';

/** −1 … +1 as a percentage of the track's width. */
export const onAxis = (p: number) => `${((Math.max(-1, Math.min(1, p)) + 1) / 2) * 100}%`;
export const signed = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(2)}`;

export function AxisScale({ hawkish, engagement }: { hawkish: string; engagement: string }) {
  return (
    <div className="axis-scale" aria-hidden="true">
      <span className="axis-end axis-hawkish">◀ {hawkish} (−1)</span>
      <span className="axis-mid">neutral (0)</span>
      <span className="axis-end axis-engagement">{engagement} (+1) ▶</span>
    </div>
  );
}

function Track({ c }: { c: Columnist }) {
  return (
    <div className="axis-track">
      <span className="axis-zone" />
      <span className="axis-zero" />
      {c.pieces.map((p) =>
        p.position === null ? null : <span key={p.articleId} className="axis-piece" style={{ left: onAxis(p.position) }} title={`${p.title ?? 'piece'}: ${signed(p.position)}`} />,
      )}
      {c.meanPosition !== null ? <span className={`axis-mean lean-${c.lean}`} style={{ left: onAxis(c.meanPosition) }} /> : null}
    </div>
  );
}

export function ColumnistAxis({ columnists, onPick }: { columnists: Columnist[]; onPick: (author: string) => void }) {
  const placed = columnists.filter((c) => c.meanPosition !== null);
  return (
    <figure className="axis" aria-labelledby="axis-caption">
      <figcaption id="axis-caption">
        Where each author stands: large mark = mean of their pieces, small marks = single pieces.{' '}
        {placed.length < columnists.length ? `${columnists.length - placed.length} author(s) with no scored piece are listed below only.` : ''}
      </figcaption>
      <AxisScale hawkish="hawkish" engagement="engagement" />
      <ul className="axis-rows" aria-label="Authors on the hawkish to engagement axis">
        {placed.map((c) => (
          <li key={c.author} className="axis-row">
            <button type="button" className="axis-name linklike" onClick={() => onPick(c.author)}>
              {c.author}
            </button>
            <Track c={c} />
            <span className="axis-value">
              {signed(c.meanPosition!)} <span className="muted">{c.lean}</span>
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
