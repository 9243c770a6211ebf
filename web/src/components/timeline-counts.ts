// Events per day for the timeline's overview chart: GET /timeline/counts with the list's actor,
// dyad, direction and type (the store counts with the list's own filter, over every date, so
// the chart shows the whole history and the chosen range is drawn on it). The same counts give
// how many events the list holds in the chosen days.
import { useMemo } from 'react';
import type { Query } from '../lib/query-state';
import { useApi } from '../lib/use-api';

export interface DayCounts {
  days: string[];
  counts: number[];
  caption: string;
  /** Events the list holds in [since, until] (either open); null until the counts are in. */
  total: number | null;
}

interface CountsJson {
  by: 'day' | 'week';
  buckets: { day: string; events: number }[];
}

const DAY_MS = 86_400_000;

/** Every day from the first to the last, with the count of each (0 where none). */
function gapFree(buckets: CountsJson['buckets']): { days: string[]; counts: number[] } {
  if (buckets.length === 0) return { days: [], counts: [] };
  const byDay = new Map(buckets.map((b) => [b.day, b.events]));
  const days: string[] = [];
  for (let t = Date.parse(`${buckets[0]!.day}T00:00:00Z`), end = Date.parse(`${buckets[buckets.length - 1]!.day}T00:00:00Z`); t <= end; t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10));
  return { days, counts: days.map((d) => byDay.get(d) ?? 0) };
}

/** "PRK ↔ USA, of type THREATEN": what the counts are of, for the caption. */
function scopeOf(q: Query, directed: boolean): string {
  const [a, b] = (q.dyad ?? '').split(/[-,]/);
  return [q.dyad ? `${a ?? ''} ${directed ? '→' : '↔'} ${b ?? ''}` : '', q.actor ? `involving ${q.actor}` : '', q.type ? `of type ${q.type.split(',').join(', ')}` : ''].filter(Boolean).join(', ');
}

export function useDayCounts(query: Query): DayCounts {
  const directed = !!query.dyad && query.directed === 'true';
  const counts = useApi<CountsJson>('/timeline/counts', { actor: query.actor, dyad: query.dyad, directed: directed ? 'true' : undefined, type: query.type, by: 'day' });
  return useMemo(() => {
    const buckets = counts.data?.buckets;
    if (!buckets) return { days: [], counts: [], caption: '', total: null };
    // A partial bound ("2026-03") covers its whole month or year, as the API reads it.
    const { since, until } = query;
    const inRange = buckets.filter((b) => (!since || b.day.slice(0, since.length) >= since) && (!until || b.day.slice(0, until.length) <= until));
    const scope = scopeOf(query, directed);
    return { ...gapFree(buckets), caption: `Events per day${scope ? `, ${scope}` : ''} (all dates)`, total: inRange.reduce((n, b) => n + b.events, 0) };
    // query stands for the fields read above.
  }, [counts.data, query.since, query.until, query.dyad, query.actor, query.type, directed]);
}
