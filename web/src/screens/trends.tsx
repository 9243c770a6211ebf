// Trends (/trends?actor=PRK&by=week&since=…&until=…&compare=USA,KOR; or dyad=, type=, keyword=):
// attention and tone per day or week for one subject (GET /trends), spikes marked and listed
// with their z-scores, other subjects of the same kind overlaid for comparison, and for a dyad
// the tone each way and how far each side answers the other (reciprocity).
import { useMemo } from 'react';
import { useQueryState } from '../lib/query-state';
import { Empty, Failure, Loading } from '../components/states';
import { TrendCharts, type Subject } from '../components/trends-charts';
import { splitCompare, useTrends, type TrendReport, type TrendRequest } from '../components/trends-data';
import { subjectOf, TrendsForm } from '../components/trends-form';
import { SpikeList } from '../components/trends-spikes';
import './trends.css';

function Reciprocity({ trend }: { trend: TrendReport }) {
  const r = trend.reciprocity;
  const dirs = trend.directions;
  if (!r || !dirs) return null;
  const fmt = (v: number | null) => (v === null ? 'not enough data' : v.toFixed(2));
  return (
    <section className="card" aria-labelledby="trends-recip-title">
      <h2 id="trends-recip-title">Reciprocity</h2>
      <p>
        <strong>{fmt(r.value)}</strong> <span className="muted">over {r.pairs} paired {trend.by}s</span> — near +1: each side answers the other in kind one {trend.by} later; near 0: the tones move independently; negative: warmth is answered with hostility.
      </p>
      <ul className="muted">
        <li>
          {dirs[1].from} follows {dirs[0].from}: r {fmt(r.bFollowsA.r)} ({r.bFollowsA.pairs} pairs)
        </li>
        <li>
          {dirs[0].from} follows {dirs[1].from}: r {fmt(r.aFollowsB.r)} ({r.aFollowsB.pairs} pairs)
        </li>
      </ul>
    </section>
  );
}

export function Trends() {
  const [query, setQuery] = useQueryState();
  const subject = subjectOf(query);
  const by = query.by === 'day' ? 'day' : 'week';
  const requests = useMemo<TrendRequest[]>(() => (subject ? [subject, ...splitCompare(query.compare).map((value) => ({ kind: subject.kind, value }))] : []), [subject?.kind, subject?.value, query.compare]);
  const { results, loading, reload } = useTrends(requests, { by, since: query.since || undefined, until: query.until || undefined });
  const subjects = useMemo<Subject[]>(() => (results ?? []).flatMap((r) => (r.trend ? [{ label: r.request.value, trend: r.trend }] : [])), [results]);
  const failed = (results ?? []).filter((r) => r.error);
  const main = results?.[0];
  const formKey = JSON.stringify([subject, query.compare]);

  return (
    <section className="trends-page" aria-labelledby="trends-title">
      <h1 id="trends-title">Trends{subject ? `: ${[subject.value, ...splitCompare(query.compare)].join(' vs ')}` : ''}</h1>
      <TrendsForm key={formKey} query={query} setQuery={setQuery} />
      {!subject ? (
        <Empty>
          <p>Pick what to follow: an actor (a registry id, an ISO3 code or a name), a dyad (AAA-BBB, or two actors as A,B), an event type or a keyword, then Show.</p>
          <p className="muted">Add others of the same kind under “Compare with” (comma-separated; use “;” between A,B dyads) to overlay them.</p>
        </Empty>
      ) : null}
      {failed.map((r) => (
        <div key={r.request.value} className="trends-failure">
          <p className="muted">{r.request.value}:</p>
          <Failure error={r.error!} retry={reload} />
        </div>
      ))}
      {loading ? <Loading what="the trend" /> : null}
      {subjects.length && main?.trend && subjects.every((s) => !s.trend.buckets.length) ? (
        <Empty>Nothing stored for {subjects.map((s) => s.label).join(', ')} in this range: no articles or events.</Empty>
      ) : subjects.length ? (
        <>
          <TrendCharts subjects={subjects} />
          {main?.trend ? <Reciprocity trend={main.trend} /> : null}
          <section className="card" aria-labelledby="trends-spikes-title">
            <h2 id="trends-spikes-title">Spikes</h2>
            <p className="muted">
              A {by} spikes when its count is far above the {subjects[0]!.trend.spikeMethod.window} {by}s before it (a robust z-score of {subjects[0]!.trend.spikeMethod.threshold} or more, and at least {subjects[0]!.trend.spikeMethod.minCount} in the {by}).
            </p>
            {subjects.map((s) => (
              <div key={s.label}>
                {subjects.length > 1 ? <h3>{s.label}</h3> : null}
                <SpikeList trend={s.trend} subject={{ kind: s.trend.subject.kind, label: s.label }} />
              </div>
            ))}
          </section>
        </>
      ) : null}
    </section>
  );
}
