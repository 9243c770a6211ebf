// Parts of the Dyad view: one card per direction (its events, cooperative against conflictual,
// mean tone), the reciprocity figure in words, and the turning points, each a link to the
// timeline of that dyad on that day.
import { Link } from 'wouter';
import type { DirectedSeries } from '../../../src/insights/trends';
import { Intensity } from './intensity';
import { timelineHref } from './timeline-data';
import { bucketEnd, reciprocityText, totals, turningPoints, type TrendReport } from './dyad-insights';

function pct(n: number, of: number): string {
  return `${of ? (100 * n) / of : 0}%`;
}

export function DirectionCard({ d, dyad, range }: { d: DirectedSeries; dyad: string; range: { since?: string; until?: string } }) {
  const t = totals(d);
  const title = `${d.from} → ${d.to}`;
  return (
    <section className="card dy-direction" aria-label={title}>
      <h2>{title}</h2>
      {t.events === 0 ? (
        <p className="muted">
          No events from {d.from} towards {d.to} in this period.
        </p>
      ) : (
        <>
          <p>
            <strong>{t.events}</strong> event{t.events === 1 ? '' : 's'}: <span className="dy-coop">{t.coop} cooperative</span>, <span className="dy-conflict">{t.conflict} conflictual</span>
            {t.neutral ? `, ${t.neutral} neutral` : ''}; mean tone {t.mean === null ? '–' : <Intensity value={t.mean} />}
          </p>
          {/* The balance as a bar; widths are set through the CSSOM (style prop), which the CSP allows. */}
          <div className="dy-balance" aria-hidden="true">
            <span className="dy-bar-coop" style={{ width: pct(t.coop, t.events) }} />
            <span className="dy-bar-neutral" style={{ width: pct(t.neutral, t.events) }} />
            <span className="dy-bar-conflict" style={{ width: pct(t.conflict, t.events) }} />
          </div>
        </>
      )}
      <Link href={timelineHref({ dyad, directed: 'true', ...range })}>Timeline of {title} only</Link>
    </section>
  );
}

export function ReciprocityLine({ trend }: { trend: TrendReport }) {
  const text = reciprocityText(trend);
  if (!text) return null;
  return (
    <section className="card dy-reciprocity" aria-label="Reciprocity">
      <h2>Reciprocity</h2>
      <p className="dy-reciprocity-line">{text.headline}</p>
      <p className="muted">{text.detail}</p>
    </section>
  );
}

export function TurningPoints({ trend, dyad }: { trend: TrendReport; dyad: string }) {
  const points = turningPoints(trend);
  return (
    <section className="card" aria-labelledby="dy-turning">
      <h2 id="dy-turning">Turning points</h2>
      {points.length === 0 ? (
        <p className="muted">No spikes and no change of tone of a point or more between {trend.by}s with events.</p>
      ) : (
        <ul className="dy-points">
          {points.map((p) => (
            <li key={`${p.kind}-${p.bucket}-${p.text}`}>
              <Link href={timelineHref({ dyad, since: p.bucket, until: bucketEnd(p.bucket, trend.by) })}>{trend.by === 'week' ? `week of ${p.bucket}` : p.bucket}</Link>{' '}
              <span className={`tag dy-${p.kind}`}>{p.kind === 'spike' ? 'spike' : 'tone change'}</span> {p.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
