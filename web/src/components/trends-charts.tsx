// The Trends screen's charts. One subject: attention (articles, mentions), tone (mean intensity;
// for a dyad each direction too) and cooperation vs conflict counts, spikes marked. Several
// subjects: one line per subject on the attention and tone charts, on a shared calendar.
import { useMemo } from 'react';
import { TimeChart, type Series } from './time-chart';
import { spikeMarks, type TrendBucket, type TrendReport } from './trends-data';
import { CONFLICT, COOPERATION } from '../lib/colors';

const COLORS = ['#1a5276', '#c0392b', '#1e8449', '#8e44ad', '#d68910', '#17a589', '#5d6d7e', '#e84393'];
const INTENSITY_RANGE: [number, number] = [-10, 10];

export interface Subject {
  label: string;
  trend: TrendReport;
}

/** Every subject's buckets laid on the union of their days (a subject without a day gets null). */
function align(subjects: Subject[]): { days: string[]; at: (s: Subject) => (TrendBucket | null)[] } {
  const days = [...new Set(subjects.flatMap((s) => s.trend.buckets.map((b) => b.bucket)))].sort();
  const maps = new Map(subjects.map((s) => [s, new Map(s.trend.buckets.map((b) => [b.bucket, b]))]));
  return { days, at: (s) => days.map((d) => maps.get(s)!.get(d) ?? null) };
}

function Single({ subject }: { subject: Subject }) {
  const { trend, label } = subject;
  const keyword = trend.subject.kind === 'keyword';
  const charts = useMemo(() => {
    const b = trend.buckets;
    const attention: Series[] = [{ label: 'articles', values: b.map((x) => x.articles), color: COLORS[0]! }];
    if (b.some((x) => x.mentions !== null)) attention.push({ label: trend.subject.kind === 'type' ? 'event reports' : 'mentions', values: b.map((x) => x.mentions), color: COLORS[3]! });
    const tone: Series[] = [{ label: 'mean intensity', values: b.map((x) => x.meanIntensity), color: COLORS[0]! }];
    for (const [i, d] of (trend.directions ?? []).entries()) tone.push({ label: `${d.from} → ${d.to}`, values: d.buckets.map((x) => x.meanIntensity), color: COLORS[i + 1]! });
    const counts: Series[] = [
      { label: 'cooperative events', values: b.map((x) => x.coop), color: COOPERATION, bars: true },
      { label: 'conflictual events', values: b.map((x) => x.conflict), color: CONFLICT, bars: true },
    ];
    return { days: b.map((x) => x.bucket), attention, tone, counts, articleMarks: spikeMarks(b, ['articles']), eventMarks: spikeMarks(b, ['events']) };
  }, [trend]);
  return (
    <>
      <TimeChart title={`Attention: ${label}, per ${trend.by}`} days={charts.days} series={charts.attention} marks={charts.articleMarks} />
      {keyword ? (
        <p className="muted">Tone is measured on events between actors; a keyword follows articles only.</p>
      ) : (
        <div className="grid2">
          <TimeChart title={`Tone: mean intensity of ${label} events`} days={charts.days} series={charts.tone} marks={charts.eventMarks} yRange={INTENSITY_RANGE} />
          <TimeChart title={`Cooperation vs conflict: ${label} events`} days={charts.days} series={charts.counts} />
        </div>
      )}
    </>
  );
}

function Compared({ subjects }: { subjects: Subject[] }) {
  const first = subjects[0]!.trend;
  const keyword = first.subject.kind === 'keyword';
  const charts = useMemo(() => {
    const { days, at } = align(subjects);
    const line = (pick: (b: TrendBucket) => number | null) => subjects.map((s, i): Series => ({ label: s.label, values: at(s).map((b) => (b ? pick(b) : null)), color: COLORS[i % COLORS.length]! }));
    return { days, articles: line((b) => b.articles), tone: line((b) => b.meanIntensity), events: line((b) => b.events) };
  }, [subjects]);
  const names = subjects.map((s) => s.label).join(', ');
  return (
    <>
      <TimeChart title={`Attention: articles per ${first.by} — ${names}`} days={charts.days} series={charts.articles} />
      {keyword ? (
        <p className="muted">Tone is measured on events between actors; keywords follow articles only.</p>
      ) : (
        <div className="grid2">
          <TimeChart title={`Tone: mean intensity — ${names}`} days={charts.days} series={charts.tone} yRange={INTENSITY_RANGE} />
          <TimeChart title={`Events per ${first.by} — ${names}`} days={charts.days} series={charts.events} />
        </div>
      )}
    </>
  );
}

export function TrendCharts({ subjects }: { subjects: Subject[] }) {
  if (subjects.length === 1) return <Single subject={subjects[0]!} />;
  return <Compared subjects={subjects} />;
}
