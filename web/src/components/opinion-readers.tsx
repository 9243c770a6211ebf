// Reader comments per article (or pooled over a topic): volume, tone, how many comments lean
// hawkish / neutral / engagement (a stacked bar with the counts written out), and how far the
// readers are from the author, explained in a sentence.
import { Link } from 'wouter';
import type { ReaderArticle, ReaderStats } from '../../../src/opinion/aggregate';
import { signed } from './opinion-axis';

function toneWords(t: number | null): string {
  if (t === null) return 'tone unknown (no scored comment)';
  return `${t <= -0.2 ? 'negative' : t >= 0.2 ? 'positive' : 'mixed or neutral'} tone (${signed(t)})`;
}

export function Distribution({ d }: { d: ReaderStats['distribution'] }) {
  const total = d.hawkish + d.neutral + d.engagement;
  const pct = (n: number) => `${total ? (n / total) * 100 : 0}%`;
  return (
    <div className="dist">
      <div className="dist-bar" aria-hidden="true">
        <span className="dist-hawkish" style={{ width: pct(d.hawkish) }} />
        <span className="dist-neutral" style={{ width: pct(d.neutral) }} />
        <span className="dist-engagement" style={{ width: pct(d.engagement) }} />
      </div>
      <div className="dist-legend">
        <span className="key key-hawkish">{d.hawkish} hawkish</span> <span className="key key-neutral">{d.neutral} neutral</span> <span className="key key-engagement">{d.engagement} engagement</span>
      </div>
    </div>
  );
}

/** The divergence in words: who leans where, and whether it is enough to say readers differ. */
export function divergenceWords(s: ReaderStats, authorPosition: number | null, pooled = false): string {
  const author = pooled ? 'the authors' : 'the author';
  const v = s.divergence.value;
  if (authorPosition === null && !pooled) return `There is no author position to compare with (not an opinion piece, or the piece has no cue).`;
  if (v === null) return `No comment takes a position on this issue, so readers cannot be compared with ${author}.`;
  const direction = v > 0 ? 'more toward engagement' : v < 0 ? 'more toward the hawkish side' : 'exactly where';
  const opposed = s.divergence.opposed ? ` ${s.divergence.opposed} comment${s.divergence.opposed === 1 ? ' takes' : 's take'} the other side.` : '';
  if (s.divergence.diverges) return `Readers diverge: they lean ${direction} than ${author} (${signed(v)} on a −2 … +2 scale).${opposed}`;
  // The server calls |v| ≥ 0.5 a divergence only over at least 2 comments with a position (docs/opinion.md).
  if (Math.abs(v) >= 0.5) return `Readers lean ${direction} than ${author} (${signed(v)}), but only one comment takes a position: too few to call it a divergence.${opposed}`;
  return `Readers are close to ${author}: ${v === 0 ? 'no difference' : `they lean slightly ${direction} (${signed(v)} on a −2 … +2 scale)`}.${opposed}`;
}

export function ReaderTotals({ total, label }: { total: ReaderStats; label: string }) {
  return (
    <div className="card readers-total">
      <h3>{label}</h3>
      <p>
        {total.comments} comment{total.comments === 1 ? '' : 's'} ({total.scored} scored) · {toneWords(total.meanTone)}
        {total.meanPosition !== null ? ` · mean position ${signed(total.meanPosition)}` : ''}
      </p>
      <Distribution d={total.distribution} />
      <p className="divergence">{divergenceWords(total, null, true)}</p>
    </div>
  );
}

export function ReaderArticleCard({ a }: { a: ReaderArticle }) {
  return (
    <li className="card reader-article">
      <h3>
        <Link href={`/articles/${a.articleId}`}>{a.title ?? a.url}</Link>
      </h3>
      <p className="muted">
        {a.date} · {a.kind}
        {a.author ? ` · by ${a.author}` : ''}
        {a.authorPosition !== null ? ` · author ${a.authorLean}, ${signed(a.authorPosition)}` : ''}
      </p>
      <p>
        {a.comments} comment{a.comments === 1 ? '' : 's'} ({a.scored} scored) · {toneWords(a.meanTone)}
        {a.meanPosition !== null ? ` · readers' mean position ${signed(a.meanPosition)}` : ''}
      </p>
      <Distribution d={a.distribution} />
      <p className="divergence">{divergenceWords(a, a.authorPosition)}</p>
    </li>
  );
}
