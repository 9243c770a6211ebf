// The timeline's reads of the event layer: merged events matching a filter (actor, dyad, types,
// day range) in date order with their reports and response links, one event with the links
// both ways, and event counts per day or week. The filter is one Kysely condition shared by the
// list and the counts, so a chart and the list it sits over always count the same events.
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import { compareEntries, type TimelineEntry, type TimelineEntryDetail } from '../events/timeline.js';
import type { MergedEvent, ResponseLink } from '../events/types.js';
import { IDS_PER_QUERY, reportsOf, toLink, toMerged } from './event-rows.js';
import { bucketSql } from './insights.js';
import type { Database } from './schema.js';
import type { ActorMatch, TimelineCount, TimelineCountFilter, TimelineFilter } from './types.js';
import { chunks, toInt, type StoreContext } from './util.js';

type EB = ExpressionBuilder<Database, 'merged_events'>;

/** Merged events with the actor on either side and/or between the dyad's two sides (a → b only when directed). */
export function actorDyadCondition(eb: EB, actor?: ActorMatch, dyad?: TimelineFilter['dyad']): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (actor) conditions.push(eb.or([sideMatches(eb, 'source', actor), sideMatches(eb, 'target', actor)]));
  if (dyad) {
    const ab = eb.and([sideMatches(eb, 'source', dyad.a), sideMatches(eb, 'target', dyad.b)]);
    conditions.push(dyad.directed ? ab : eb.or([ab, eb.and([sideMatches(eb, 'source', dyad.b), sideMatches(eb, 'target', dyad.a)])]));
  }
  return eb.and(conditions);
}

/** SQL for "this side of a merged event is the actor": by entity or institution id, country or name. */
function sideMatches(eb: EB, side: 'source' | 'target', m: ActorMatch): Expression<SqlBool> {
  const ors: Expression<SqlBool>[] = [];
  const ids = m.ids ?? [];
  const countries = (m.countries ?? []).map((c) => c.toUpperCase());
  const names = (m.names ?? []).map((n) => n.toLowerCase());
  if (ids.length) ors.push(eb(`${side}_entity`, 'in', ids), eb(`${side}_institution`, 'in', ids));
  if (countries.length) ors.push(eb(`${side}_country`, 'in', countries));
  if (names.length) ors.push(eb(eb.fn<string>('lower', [`${side}_name`]), 'in', names));
  return ors.length ? eb.or(ors) : sql<SqlBool>`1 = 0`;
}

/** Every condition of a timeline filter but the limit: actor, dyad, types and day bounds on the sort date. */
function filterCondition(eb: EB, filter: Omit<TimelineFilter, 'limit' | 'newest'>): Expression<SqlBool> {
  const { actor, dyad, types, since, until } = filter;
  const conditions: Expression<SqlBool>[] = [];
  if (since !== undefined) conditions.push(eb('sort_date', '>=', since.slice(0, 10)));
  if (until !== undefined) conditions.push(eb('sort_date', '<=', until.slice(0, 10)));
  if (actor !== undefined || dyad !== undefined) conditions.push(actorDyadCondition(eb, actor, dyad));
  // An empty list means no type filter (as it does for exports), not "no type at all".
  if (types?.length) conditions.push(eb('type', 'in', types.map((t) => t.toUpperCase())));
  return eb.and(conditions);
}

/** Merged events matching the filter, in date order, with their reports and response links. */
export async function timeline(ctx: StoreContext, filter: TimelineFilter = {}): Promise<TimelineEntry[]> {
  const limit = Math.max(1, Math.min(Math.floor(filter.limit ?? 1000) || 1000, 100_000));
  const order = filter.newest ? 'desc' : 'asc';
  const rows = await ctx.db
    .selectFrom('merged_events')
    .selectAll()
    .where((eb) => filterCondition(eb, filter))
    .orderBy('sort_date', order)
    .orderBy('first_seen', order)
    .orderBy('id', order)
    .limit(limit)
    .execute();
  return entriesOf(ctx.db, rows.map(toMerged));
}

/** Merged events matching the filter per day, or per ISO week keyed by its Monday, by sort date: one GROUP BY. */
export async function timelineCounts(ctx: StoreContext, filter: TimelineCountFilter): Promise<TimelineCount[]> {
  const bucket = bucketSql(ctx.dialect, filter.by, sql.ref('sort_date'));
  const rows = await ctx.db
    .selectFrom('merged_events')
    .select([bucket.as('day'), (eb) => eb.fn.countAll().as('events')])
    .where((eb) => filterCondition(eb, filter))
    .groupBy(bucket)
    .orderBy(bucket)
    .execute();
  return rows.map((r) => ({ day: String(r.day), events: toInt(r.events) }));
}

/** One merged event with its reports, the links from it and the links to it; null when there is no such event. */
export async function timelineEvent(ctx: StoreContext, id: number): Promise<TimelineEntryDetail | null> {
  if (!Number.isSafeInteger(id) || id < 1) return null;
  const [entry] = await entriesByIds(ctx, [id]);
  if (!entry) return null;
  const answeredBy = (await ctx.db.selectFrom('event_links').selectAll().where('responds_to', '=', id).orderBy('event_id').execute()).map(toLink);
  return { ...entry, answeredBy };
}

/** Merged events by id as timeline entries (reports and response links), in timeline order. */
export async function entriesByIds(ctx: StoreContext, ids: number[]): Promise<TimelineEntry[]> {
  const events: MergedEvent[] = [];
  for (const part of chunks([...new Set(ids)], IDS_PER_QUERY)) {
    for (const r of await ctx.db.selectFrom('merged_events').selectAll().where('id', 'in', part).execute()) events.push(toMerged(r));
  }
  return entriesOf(ctx.db, events);
}

/** Timeline entries for merged events: their reports and the response links from them. */
async function entriesOf(db: Kysely<Database>, events: MergedEvent[]): Promise<TimelineEntry[]> {
  const ids = events.map((e) => e.id);
  const reports = await reportsOf(db, ids);
  const links = new Map<number, ResponseLink[]>();
  for (const part of chunks(ids, IDS_PER_QUERY)) {
    for (const row of await db.selectFrom('event_links').selectAll().where('event_id', 'in', part).orderBy('responds_to').execute()) {
      const link = toLink(row);
      links.set(link.eventId, [...(links.get(link.eventId) ?? []), link]);
    }
  }
  return events.map((event) => ({ event, reports: reports.get(event.id) ?? [], respondsTo: links.get(event.id) ?? [] })).sort(compareEntries);
}
