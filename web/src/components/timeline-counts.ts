// Events per day for the timeline's overview chart. With an actor, dyad or type the counts come
// from GET /trends (the whole history, whatever is loaded); with no subject there is no count
// endpoint, so the chart counts the events loaded so far and says so.
import { useMemo } from 'react';
import type { TimelineEvent } from '../api/types';
import type { TrendReport } from '../../../src/insights/compute-trend';
import type { Query } from '../lib/query-state';
import { useApi } from '../lib/use-api';

export interface DayCounts {
  days: string[];
  counts: number[];
  caption: string;
}

const DAY_MS = 86_400_000;

/** Every day from the first to the last, with the count of each (0 where none). */
function gapFree(byDay: Map<string, number>): { days: string[]; counts: number[] } {
  const known = [...byDay.keys()].sort();
  if (known.length === 0) return { days: [], counts: [] };
  const days: string[] = [];
  for (let t = Date.parse(`${known[0]}T00:00:00Z`), end = Date.parse(`${known[known.length - 1]}T00:00:00Z`); t <= end; t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10));
  return { days, counts: days.map((d) => byDay.get(d) ?? 0) };
}

export function useDayCounts(query: Query, items: TimelineEvent[], complete: boolean): DayCounts {
  const subject = query.dyad ? { dyad: query.dyad } : query.actor ? { actor: query.actor } : query.type ? { type: query.type } : null;
  const trend = useApi<TrendReport>(subject ? '/trends' : null, { ...subject, by: 'day' });
  return useMemo(() => {
    if (subject) {
      const t = trend.data;
      if (!t) return { days: [], counts: [], caption: '' };
      const directed = !!query.dyad && query.directed === 'true' && t.directions;
      const buckets = directed ? t.directions![0].buckets : t.buckets;
      const who = query.dyad ? `${t.subject.a ?? ''} ${directed ? '→' : '↔'} ${t.subject.b ?? ''}` : t.subject.label;
      const types = query.type && (query.dyad || query.actor) ? ', all types' : '';
      return { days: buckets.map((b) => b.bucket), counts: buckets.map((b) => b.events), caption: `Events per day, ${who} (all dates${types})` };
    }
    const byDay = new Map<string, number>();
    for (const e of items) byDay.set(e.sortDate, (byDay.get(e.sortDate) ?? 0) + 1);
    const caption = complete ? 'Events per day' : `Events per day among the ${items.length} loaded so far (choose an actor or dyad for the whole history)`;
    return { ...gapFree(byDay), caption };
    // subject is derived from the query fields listed.
  }, [trend.data, items, complete, query.dyad, query.actor, query.type, query.directed]);
}
