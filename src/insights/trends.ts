// Trend series: the store's per-bucket aggregates (attention and tone rows) laid on a gap-free
// calendar, with spike flags (spikes.ts) and, for a dyad, both directed tone series and their
// reciprocity (reciprocity.ts). Pure: no database, no text.
import { seriesBuckets } from './buckets.js';
import { reciprocity, type Reciprocity } from './reciprocity.js';
import { DEFAULT_SPIKE_OPTIONS, detectSpikes, type SpikeOptions } from './spikes.js';
import type { AttentionRow, ToneRow, TrendBy } from './types.js';

export interface TrendBucket {
  /** First day of the bucket (a week starts on Monday). */
  bucket: string;
  articles: number;
  /** Entity mentions (actor, dyad) or event reports (type); null for keywords. */
  mentions: number | null;
  /** Merged real-world events; their mean intensity (null without events), cooperative and conflictual counts. */
  events: number;
  meanIntensity: number | null;
  coop: number;
  conflict: number;
  /** The counts that spike in this bucket. */
  spike: ('articles' | 'events')[];
  /** Robust z-scores of articles and events against their baselines (null: history too short). */
  z: { articles: number | null; events: number | null };
}

export interface DirectedBucket {
  bucket: string;
  events: number;
  meanIntensity: number | null;
  coop: number;
  conflict: number;
}

export interface DirectedSeries {
  from: string;
  to: string;
  buckets: DirectedBucket[];
}

export interface Trend {
  by: TrendBy;
  buckets: TrendBucket[];
  /** Dyads: A → B and B → A. */
  directions?: [DirectedSeries, DirectedSeries];
  reciprocity?: Reciprocity;
  spikeMethod: SpikeOptions;
}

export interface TrendInput {
  by: TrendBy;
  since?: string;
  until?: string;
  attention: AttentionRow[];
  /** Events of the subject; null when the subject has no events (keywords). */
  tone: ToneRow[] | null;
  /** Dyads: the tone rows of A → B and B → A (tone is then their sum), with the sides' labels. */
  directed?: { a: string; b: string; aToB: ToneRow[]; bToA: ToneRow[] };
  spike?: Partial<SpikeOptions>;
}

const round2 = (v: number) => Math.round(v * 100) / 100;
const mean = (t: ToneRow | undefined) => (t && t.events > 0 ? round2(t.intensitySum / t.events) : null);

/** Sums tone rows bucket by bucket (a dyad's two directions). */
export function addTone(...series: ToneRow[][]): ToneRow[] {
  const out = new Map<string, ToneRow>();
  for (const rows of series) {
    for (const r of rows) {
      const t = out.get(r.bucket) ?? { bucket: r.bucket, events: 0, intensitySum: 0, coop: 0, conflict: 0 };
      t.events += r.events;
      t.intensitySum += r.intensitySum;
      t.coop += r.coop;
      t.conflict += r.conflict;
      out.set(r.bucket, t);
    }
  }
  return [...out.values()].sort((x, y) => (x.bucket < y.bucket ? -1 : x.bucket > y.bucket ? 1 : 0));
}

function directed(buckets: string[], rows: ToneRow[]): DirectedBucket[] {
  const by = new Map(rows.map((r) => [r.bucket, r]));
  return buckets.map((bucket) => {
    const t = by.get(bucket);
    return { bucket, events: t?.events ?? 0, meanIntensity: mean(t), coop: t?.coop ?? 0, conflict: t?.conflict ?? 0 };
  });
}

export function buildTrend(input: TrendInput): Trend {
  const tone = input.directed ? addTone(input.directed.aToB, input.directed.bToA) : input.tone;
  const present = [...input.attention.map((r) => r.bucket), ...(tone ?? []).map((r) => r.bucket)];
  const buckets = seriesBuckets(present, input.by, input.since, input.until);
  const attention = new Map(input.attention.map((r) => [r.bucket, r]));
  const toneBy = new Map((tone ?? []).map((r) => [r.bucket, r]));
  const spikeMethod = { ...DEFAULT_SPIKE_OPTIONS, ...input.spike };
  const articles = buckets.map((b) => attention.get(b)?.articles ?? 0);
  const events = buckets.map((b) => toneBy.get(b)?.events ?? 0);
  const articleSpikes = detectSpikes(articles, spikeMethod);
  const eventSpikes = tone ? detectSpikes(events, spikeMethod) : null;
  const mentionsKnown = input.attention.some((r) => r.mentions !== null) || input.attention.length === 0;
  const rows: TrendBucket[] = buckets.map((bucket, i) => {
    const t = toneBy.get(bucket);
    const spike: TrendBucket['spike'] = [];
    if (articleSpikes[i]!.spike) spike.push('articles');
    if (eventSpikes?.[i]!.spike) spike.push('events');
    return {
      bucket,
      articles: articles[i]!,
      mentions: mentionsKnown ? (attention.get(bucket)?.mentions ?? 0) : null,
      events: events[i]!,
      meanIntensity: mean(t),
      coop: t?.coop ?? 0,
      conflict: t?.conflict ?? 0,
      spike,
      z: { articles: articleSpikes[i]!.z, events: eventSpikes?.[i]!.z ?? null },
    };
  });
  const trend: Trend = { by: input.by, buckets: rows, spikeMethod };
  if (input.directed) {
    const { a, b, aToB, bToA } = input.directed;
    const ab = directed(buckets, aToB);
    const ba = directed(buckets, bToA);
    trend.directions = [{ from: a, to: b, buckets: ab }, { from: b, to: a, buckets: ba }];
    trend.reciprocity = reciprocity(ab.map((x) => x.meanIntensity), ba.map((x) => x.meanIntensity));
  }
  return trend;
}
