// GET /timeline (alias GET /events): merged real-world events in date order with their
// reports and response links, each in the `readout timeline --json` contract shape (toJson).
// GET /timeline/counts: the same filter's events per day or week (one GROUP BY in the store),
// for overview charts. GET /events/{id}: one event, with the links both ways.
// The list cursor is the keyset position of the page's last event (sort day, first seen, id) and
// how many events of that day the client has seen: the next page reads from that day and drops
// what came before.
import { z } from '@hono/zod-openapi';
import { EVENT_TYPES } from '../analyze/types.js';
import { compareEntries, toDetailJson, toJson, type TimelineEntry } from '../events/timeline.js';
import type { TimelineFilter } from '../store/types.js';
import type { ApiApp, RouteDeps } from './app.js';
import { badRequest, notFound } from './errors.js';
import { actorOf, actorParam, dayParam, dayRange, dyadOf, dyadParam } from './filters.js';
import { cursorSchema, decodeCursor, encodeCursor, limitSchema, type Page } from './pagination.js';
import { apiRoute, json, Json, pageOf } from './schemas.js';

const MAX_READ = 100_000;

const filterQuery = z.object({
  actor: actorParam,
  dyad: dyadParam,
  directed: z.enum(['true', 'false']).optional().openapi({ description: 'with dyad: only events from the first actor to the second' }),
  type: z.string().min(1).max(400).optional().openapi({ description: `event types, comma-separated (any of them): ${EVENT_TYPES.join(', ')}`, example: 'THREATEN,SANCTION' }),
  since: dayParam('events on or after this day'),
  until: dayParam('events on or before this day'),
});
type FilterQuery = z.infer<typeof filterQuery>;

const route = (path: string, summary: string) =>
  apiRoute('events', {
    method: 'get',
    path,
    summary,
    request: { query: filterQuery.extend({ limit: limitSchema(), cursor: cursorSchema }) },
    responses: { 200: json(pageOf(Json, path === '/timeline' ? 'TimelinePage' : 'EventPage'), 'a page of merged events (the `readout timeline --json` event shape)') },
  });

const counts = apiRoute('events', {
  method: 'get',
  path: '/timeline/counts',
  summary: 'how many merged events the timeline filter matches per day or per ISO week (keyed by its Monday); buckets without events are left out',
  request: { query: filterQuery.extend({ by: z.enum(['day', 'week']).default('day') }) },
  responses: {
    200: json(
      z.object({ by: z.enum(['day', 'week']), buckets: z.array(z.object({ day: z.string().openapi({ example: '2026-03-02' }), events: z.number().int() })) }).openapi('TimelineCounts'),
      'events per bucket, in date order',
    ),
  },
});

const one = apiRoute('events', {
  method: 'get',
  path: '/events/{id}',
  summary: 'one merged event in the `readout timeline --json` shape, with answeredBy: the links from the events that answer it',
  request: { params: z.object({ id: z.string().regex(/^(?:ev)?\d{1,15}$/i, 'a merged event id like ev42').openapi({ param: { name: 'id', in: 'path' }, example: 'ev42' }) }) },
  responses: { 200: json(Json.openapi('EventDetail', { description: 'the timeline event shape plus answeredBy [{id, rule, confidence, articleId, sentence, cue}]' }), 'the event') },
});

/** "THREATEN, sanction" → ['THREATEN', 'SANCTION']; 400 naming `type` for an empty list or an unknown type. */
export function parseTypes(value: string): string[] {
  const types = [...new Set(value.split(',').map((t) => t.trim().toUpperCase()).filter(Boolean))];
  const known = EVENT_TYPES as readonly string[];
  const unknown = types.find((t) => !known.includes(t));
  if (types.length === 0 || unknown !== undefined) throw badRequest(`type: ${unknown === undefined ? 'no type given' : `unknown event type "${unknown}"`}; use one or more of ${EVENT_TYPES.join(', ')} (comma-separated)`, 'type');
  return types;
}

/** The store filter of the query's actor, dyad, direction, types and days (400s name the field at fault). */
async function filterOf(q: FilterQuery, deps: RouteDeps): Promise<TimelineFilter> {
  if (q.directed && !q.dyad) throw badRequest('directed: needs dyad', 'directed');
  const filter: TimelineFilter = dayRange(q.since, q.until);
  if (q.type !== undefined) filter.types = parseTypes(q.type);
  if (q.actor || q.dyad) {
    const registry = await deps.registry();
    if (q.actor) filter.actor = actorOf(q.actor, 'actor', registry);
    if (q.dyad) {
      const { a, b } = dyadOf(q.dyad, registry);
      filter.dyad = { a, b, directed: q.directed === 'true' };
    }
  }
  return filter;
}

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
      const filter = await filterOf(q, deps);
      const cursor = decodeCursor('timeline', q.cursor, Cursor);
      const page = await timelinePage((f) => deps.store.timeline(f), filter, q.limit, cursor);
      return c.json({ items: page.items.map(toJson), nextCursor: page.nextCursor }, 200);
    });
  }

  app.openapi(counts, async (c) => {
    const q = c.req.valid('query');
    const buckets = await deps.store.timelineCounts({ ...(await filterOf(q, deps)), by: q.by });
    return c.json({ by: q.by, buckets }, 200);
  });

  app.openapi(one, async (c) => {
    const { id } = c.req.valid('param');
    const n = Number(id.replace(/^ev/i, ''));
    const entry = await deps.store.timelineEvent(n);
    if (!entry) throw notFound(`no event ev${n}`);
    return c.json(toDetailJson(entry), 200);
  });
}
