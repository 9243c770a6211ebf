// The buckets where a subject's articles or events spike, each with its robust z-score and a
// link to the events (or, for a keyword, the articles) of that day or week.
import { Link } from 'wouter';
import { bucketHref, spikeText, type TrendKind, type TrendReport } from './trends-data';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function SpikeList({ trend, subject }: { trend: TrendReport; subject: { kind: TrendKind; label: string } }) {
  const spikes = trend.buckets.filter((b) => b.spike.length);
  if (!spikes.length) return <p className="muted">No spikes for {subject.label}: no {trend.by} stands out from the baseline before it.</p>;
  return (
    <ul className="spike-list" aria-label={`Spikes for ${subject.label}`}>
      {spikes.map((b) => (
        <li key={b.bucket}>
          <Link href={bucketHref(subject, b.bucket, trend.by)}>
            {trend.by === 'week' ? 'week of ' : ''}
            {b.bucket}
          </Link>
          : {spikeText(b)} — {plural(b.articles, 'article')}, {plural(b.events, 'event')}
        </li>
      ))}
    </ul>
  );
}
