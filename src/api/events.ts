// GET /timeline (alias GET /events): merged real-world events in date order with their
// reports and response links, each in the `readout timeline --json` contract shape (toJson).
// The cursor is the keyset position of the page's last event (sort day, first seen, id) and
// how many events of that day the client has seen: the next page reads from that day and drops
// what came before.
import { z } from '@hono/zod-openapi';
import { compareEntries, toJson, type TimelineEntry } from '../events/timeline.js';
import type { TimelineFilter } from '../store/types.js';
import type { ApiApp, RouteDeps } from './app.js';
import { badRequest } from './errors.js';
import { actorOf, actorParam, dayParam, dayRange, dyadOf, dyadParam } from './filters.js';
import { cursorSchema, decodeCursor, encodeCursor, limitSchema, type Page } from './pagination.js';
import { apiRoute, json, Json, pageOf } from './schemas.js';

const MAX_READ = 100_000;

const query = z.object({
  actor: actorParam,
  dyad: dyadParam,
  directed: z.enum(['true', 'false']).optional().openapi({ description: 'with dyad: only events from the first actor to the second' }),
  since: dayParam('events on or after this day'),
  until: dayParam('events on or before this day'),
  limit: limitSchema(),
  cursor: cursorSchema,
});

const route = (path: string, summary: string) =>
  apiRoute('events', {
    method: 'get',
    path,
    summary,
    request: { query },
    responses: { 200: json(pageOf(Json, path === '/timeline' ? 'TimelinePage' : 'EventPage'), 'a page of merged events (the `readout timeline --json` event shape)') },
  });

const Cursor = z.object({ d: z.string(), f: z.string(), id: z.number().int(), n: z.number().int().min(0) });
type Cursor = z.infer<typeof Cursor>;

const after = (e: TimelineEntry, c: Cursor) =>
  e.event.sortDate > c.d || (e.event.sortDate === c.d && (e.event.firstSeen > c.f || (e.event.firstSeen === c.f && e.event.id > c.id)));

/** One page of the timeline after the cursor. */
export async function timelinePage(read: (f: TimelineFilter) => Promise<TimelineEntry[]>, filter: TimelineFilter, limit: number, cursor: Cursor | null): Promise<Page<TimelineEntry> & { cursor: Cursor | null }> {
  let ask = limit + 1 + (cursor?.n ?? 0);
  for (;;) {
    const rows = (await read({ ...filter, since: cursor ? cursor.d : filter.since, limit: ask })).sort(compareEntries);
    const fresh = cursor ? rows.filter((e) => after(e, cursor)) : rows;
    if (fresh.length > limit || rows.length < ask || ask >= MAX_READ) {
      const items = fresh.slice(0, limit);
      const last = items[items.length - 1];
      if (fresh.length <= limit || !last) return { items, nextCursor: null, cursor: null };
      const sameDay = items.filter((e) => e.event.sortDate === last.event.sortDate).length;
      const next: Cursor = { d: last.event.sortDate, f: last.event.firstSeen, id: last.event.id, n: (cursor && cursor.d === last.event.sortDate ? cursor.n : 0) + sameDay };
      return { items, nextCursor: encodeCursor('timeline', next), cursor: next };
    }
    ask = Math.min(MAX_READ, ask * 4);
  }
}

export function registerEvents(app: ApiApp, deps: RouteDeps): void {
  for (const [path, summary] of [
    ['/timeline', 'merged real-world events in date order, with reports and response links'],
    ['/events', 'the same as /timeline'],
  ] as const) {
    app.openapi(route(path, summary), async (c) => {
      const q = c.req.valid('query');
      if (q.directed && !q.dyad) throw badRequest('directed: needs dyad', 'directed');
      const filter: TimelineFilter = dayRange(q.since, q.until);
      if (q.actor || q.dyad) {
        const registry = await deps.registry();
        if (q.actor) filter.actor = actorOf(q.actor, 'actor', registry);
        if (q.dyad) {
          const { a, b } = dyadOf(q.dyad, registry);
          filter.dyad = { a, b, directed: q.directed === 'true' };
        }
      }
      const cursor = decodeCursor('timeline', q.cursor, Cursor);
      const page = await timelinePage((f) => deps.store.timeline(f), filter, q.limit, cursor);
      return c.json({ items: page.items.map(toJson), nextCursor: page.nextCursor }, 200);
    });
  }
}
