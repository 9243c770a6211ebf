// A trend for one subject from the store's aggregates (attention, and tone in one or both
// directions), laid out by the pure buildTrend. Shared by `readout trends`, briefs and the API.
import type { Store } from '../store/types.js';
import { buildTrend, type Trend } from './trends.js';
import type { TrendFilter, TrendSubject } from './types.js';

/** A trend with the subject as the user named it (`readout trends --json`, GET /trends). */
export interface TrendReport extends Trend {
  subject: { kind: TrendSubject['kind']; label: string; a?: string; b?: string };
  since: string | null;
  until: string | null;
}

/** Runs the store's aggregates for a subject and lays them out as a trend. */
export async function computeTrend(store: Store, subject: TrendSubject, filter: TrendFilter, labels: { a: string; b: string } = { a: 'A', b: 'B' }): Promise<Trend> {
  const attention = await store.trendAttention(subject, filter);
  const base = { by: filter.by, since: filter.since, until: filter.until, attention };
  if (subject.kind === 'keyword') return buildTrend({ ...base, tone: null });
  if (subject.kind === 'dyad') {
    const aToB = await store.trendTone(subject, filter);
    const bToA = await store.trendTone({ kind: 'dyad', a: subject.b, b: subject.a }, filter);
    return buildTrend({ ...base, tone: null, directed: { a: labels.a, b: labels.b, aToB, bToA } });
  }
  return buildTrend({ ...base, tone: await store.trendTone(subject, filter) });
}
