// Calendar buckets of trends: a day is its YYYY-MM-DD, a week its Monday (ISO weeks). The SQL
// side computes the same labels (src/store/insights.ts, bucketSql); these functions place a
// date in its bucket and list every bucket of a range so that empty buckets count as zero.
import { ReadoutError } from '../core/errors.js';
import type { TrendBy } from './types.js';

const DAY_MS = 86_400_000;
/** More buckets than this in one series is a mistake (a century of days). */
export const MAX_BUCKETS = 20_000;

function parseDay(day: string): number {
  const ms = Date.parse(`${day.slice(0, 10)}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}/.test(day) || Number.isNaN(ms)) throw new ReadoutError('input', `not a date (YYYY-MM-DD): "${day}"`);
  return ms;
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The bucket a date (YYYY-MM-DD or an ISO timestamp, read as its UTC day) falls in. */
export function bucketOf(date: string, by: TrendBy): string {
  const ms = parseDay(date);
  if (by === 'day') return iso(ms);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday = 0
  return iso(ms - weekday * DAY_MS);
}

/** The bucket after this one. */
export function nextBucket(bucket: string, by: TrendBy): string {
  return iso(parseDay(bucket) + (by === 'day' ? 1 : 7) * DAY_MS);
}

/** Every bucket from the one holding `from` to the one holding `to`, inclusive. */
export function bucketRange(from: string, to: string, by: TrendBy): string[] {
  const out: string[] = [];
  const last = bucketOf(to, by);
  for (let b = bucketOf(from, by); b <= last; b = nextBucket(b, by)) {
    out.push(b);
    if (out.length > MAX_BUCKETS) throw new ReadoutError('input', `more than ${MAX_BUCKETS} ${by} buckets from ${from} to ${to}`, { hint: 'narrow --since/--until or use --by week' });
  }
  return out;
}

/**
 * The buckets a series covers: from since (else the earliest bucket with data) to until (else
 * the latest with data). Empty when there is no data and no bounds.
 */
export function seriesBuckets(present: Iterable<string>, by: TrendBy, since?: string, until?: string): string[] {
  const seen = [...present].sort();
  const from = since ?? seen[0];
  const to = until ?? seen[seen.length - 1];
  if (from === undefined || to === undefined || from.slice(0, 10) > to.slice(0, 10)) return [];
  return bucketRange(from, to, by);
}
