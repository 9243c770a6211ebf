// Tone and attention over time for one actor (GET /trends?actor=…): the mean intensity of its
// events, cooperative and conflictual counts, and the articles and mentions about it, with the
// buckets where articles or events spike marked (and listed, each a link to its timeline).
import { useMemo } from 'react';
import { TimeChart, type Series } from './time-chart';
import { spikeMarks, type TrendReport } from './trends-data';
import { SpikeList } from './trends-spikes';
import { Empty } from './states';
import { CONFLICT, COOPERATION } from '../lib/colors';

const INTENSITY_RANGE: [number, number] = [-10, 10];

export function ActorTone({ trend, name, actorId }: { trend: TrendReport; name: string; actorId: string }) {
  const days = useMemo(() => trend.buckets.map((b) => b.bucket), [trend]);
  const tone = useMemo<Series[]>(() => [{ label: 'mean intensity', values: trend.buckets.map((b) => b.meanIntensity), color: '#1a5276' }], [trend]);
  const counts = useMemo<Series[]>(
    () => [
      { label: 'cooperative events', values: trend.buckets.map((b) => b.coop), color: COOPERATION, bars: true },
      { label: 'conflictual events', values: trend.buckets.map((b) => b.conflict), color: CONFLICT, bars: true },
    ],
    [trend],
  );
  const attention = useMemo<Series[]>(
    () => [
      { label: 'articles', values: trend.buckets.map((b) => b.articles), color: '#2e86c1' },
      { label: 'mentions', values: trend.buckets.map((b) => b.mentions), color: '#af7ac5' },
    ],
    [trend],
  );
  const eventMarks = useMemo(() => spikeMarks(trend.buckets, ['events']), [trend]);
  const articleMarks = useMemo(() => spikeMarks(trend.buckets, ['articles']), [trend]);
  if (!trend.buckets.length) return <Empty>No articles or events about {name} in this range.</Empty>;
  return (
    <>
      <div className="grid2">
        <TimeChart title={`Tone: mean intensity of events involving ${name}, per ${trend.by}`} days={days} series={tone} marks={eventMarks} yRange={INTENSITY_RANGE} />
        <TimeChart title={`Attention: articles and mentions of ${name}, per ${trend.by}`} days={days} series={attention} marks={articleMarks} />
      </div>
      <TimeChart title={`Cooperation vs conflict: events involving ${name}, per ${trend.by}`} days={days} series={counts} height={160} />
      <h3>Spikes</h3>
      <SpikeList trend={trend} subject={{ kind: 'actor', label: actorId }} />
    </>
  );
}
