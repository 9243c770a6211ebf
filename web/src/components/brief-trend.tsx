// A brief's trend line: attention (articles per bucket) as bars and tone (mean intensity) as a
// line around zero, drawn as inline SVG from the numbers (prints well), with the spike days named.
import type { BriefTrendLine } from '../../../src/briefs/types';

const W = 260;
const H = 40;

function Bars({ values, spikes, label }: { values: number[]; spikes: boolean[]; label: string }) {
  const hi = Math.max(1, ...values);
  const w = W / Math.max(1, values.length);
  return (
    <svg className="brief-spark" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} preserveAspectRatio="none">
      {values.map((v, i) => {
        const h = (v / hi) * (H - 2);
        return <rect key={i} x={i * w + 0.5} y={H - h} width={Math.max(1, w - 1)} height={h} className={spikes[i] ? 'spike' : undefined} />;
      })}
    </svg>
  );
}

function ToneLine({ values, label }: { values: (number | null)[]; label: string }) {
  const step = W / Math.max(1, values.length - 1);
  const y = (v: number) => H / 2 - (Math.max(-10, Math.min(10, v)) / 10) * (H / 2 - 2);
  const points = values.map((v, i) => (v === null ? null : `${(i * step).toFixed(1)},${y(v).toFixed(1)}`)).filter((p): p is string => p !== null);
  return (
    <svg className="brief-spark tone" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} preserveAspectRatio="none">
      <line x1={0} x2={W} y1={H / 2} y2={H / 2} className="zero" />
      {points.length > 1 ? <polyline points={points.join(' ')} fill="none" /> : null}
      {points.map((p) => {
        const [cx, cy] = p.split(',');
        return <circle key={p} cx={cx} cy={cy} r={1.8} />;
      })}
    </svg>
  );
}

export function BriefTrend({ trend }: { trend: BriefTrendLine }) {
  const articles = trend.articles.reduce((a, b) => a + b, 0);
  const events = trend.events.reduce((a, b) => a + b, 0);
  const tones = trend.tone.filter((t): t is number => t !== null);
  const mean = tones.length ? tones.reduce((a, b) => a + b, 0) / tones.length : null;
  const range = trend.buckets.length ? `${trend.buckets[0]} – ${trend.buckets[trend.buckets.length - 1]}` : '';
  const spikes = trend.buckets.map((b) => trend.spikes.includes(b));
  return (
    <li className="brief-trend">
      <p className="brief-trend-head">
        <strong>{trend.label}</strong> <span className="muted">({trend.kind}, {range})</span>
      </p>
      <div className="brief-trend-row">
        <span className="brief-trend-name">Attention</span>
        <Bars values={trend.articles} spikes={spikes} label={`${trend.label}: ${articles} articles over ${trend.buckets.length} buckets`} />
        <span className="muted">{articles} articles</span>
      </div>
      <div className="brief-trend-row">
        <span className="brief-trend-name">Tone</span>
        <ToneLine values={trend.tone} label={`${trend.label}: mean intensity per bucket over ${events} events`} />
        <span className="muted">
          {events} events{mean !== null ? `, mean ${mean > 0 ? '+' : ''}${mean.toFixed(1)}` : ''}
        </span>
      </div>
      {trend.spikes.length ? <p className="brief-spikes">Spikes: {trend.spikes.join(', ')}</p> : null}
    </li>
  );
}
