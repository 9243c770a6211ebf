// The precedents query: an event, the earlier events of its type between the same two sides
// (either direction), and the events around the best of them (same dyad within the follow-up
// window, or linked as responses to them). Ranking and the follow-up window are the pure
// functions of src/insights/precedents.ts; this file only selects rows (by type, side columns
// and sort_date, on the merged_events indexes) and assembles timeline entries. The event's own
// crisis is left out as that file describes: candidates are read only from before its crisis
// window (sort_date < crisisStart), and the exchange it belongs to is found by following its
// response links back (event_links, CHAIN_HOPS at most). Nothing here reads article text.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { ActorRef, MergedEvent } from '../events/types.js';
import { buildPrecedents, CHAIN_HOPS, crisisStart, DEFAULT_FOLLOW_DAYS, DEFAULT_PRECEDENT_LIMIT, followWindow, outsideCrisis, rankPrecedents, sideKey, type PrecedentsResult } from '../insights/precedents.js';
import { entriesByIds } from './events.js';
import type { Database } from './schema.js';
import type { StoreContext } from './util.js';

export interface PrecedentOptions {
  /** Days after each precedent whose events are "what followed" (default 14). */
  days?: number;
  /** Precedents returned (default 5). */
  limit?: number;
  /** Earlier candidates read and scored, most recent first (default 500). */
  candidates?: number;
}

const DEFAULT_CANDIDATES = 500;
const MAX_DAYS = 3660;

type EB = ExpressionBuilder<Database, 'merged_events'>;

/** One side column set matches the side key an actor stands for (sideKey: country, else entity, institution, name). */
function sideIs(eb: EB, side: 'source' | 'target', a: ActorRef | null): Expression<SqlBool> {
  const key = sideKey(a);
  if (key === null) return side === 'target' ? eb('has_target', '=', 0) : sql<SqlBool>`1 = 0`;
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  const value = key.slice(colon + 1);
  const hasNo = (col: 'country' | 'entity' | 'institution') => eb.or([eb(`${side}_${col}`, 'is', null), eb(`${side}_${col}`, '=', '')]);
  if (kind === 'country') return eb(`${side}_country`, '=', value);
  if (kind === 'id' && a?.entityId === value) return eb.and([hasNo('country'), eb(`${side}_entity`, '=', value)]);
  if (kind === 'id') return eb.and([hasNo('country'), hasNo('entity'), eb(`${side}_institution`, '=', value)]);
  const name = eb.fn<string>('lower', [`${side}_name`]);
  return eb.and([hasNo('country'), hasNo('entity'), hasNo('institution'), eb.or([eb(name, '=', value), eb(name, '=', `the ${value}`)])]);
}

/** Events between the two sides of e, either direction. */
function sameDyad(eb: EB, e: Pick<MergedEvent, 'source' | 'target'>): Expression<SqlBool> {
  const ab = eb.and([sideIs(eb, 'source', e.source), sideIs(eb, 'target', e.target)]);
  if (!e.target) return ab;
  return eb.or([ab, eb.and([sideIs(eb, 'source', e.target), sideIs(eb, 'target', e.source)])]);
}

/** The most similar earlier events of an event and what followed each; null for an unknown event. */
export async function precedents(ctx: StoreContext, eventId: number, options: PrecedentOptions = {}): Promise<PrecedentsResult | null> {
  const days = Math.max(1, Math.min(Math.floor(options.days ?? DEFAULT_FOLLOW_DAYS) || DEFAULT_FOLLOW_DAYS, MAX_DAYS));
  const limit = Math.max(1, Math.min(Math.floor(options.limit ?? DEFAULT_PRECEDENT_LIMIT) || DEFAULT_PRECEDENT_LIMIT, 100));
  const maxCandidates = Math.max(limit, Math.floor(options.candidates ?? DEFAULT_CANDIDATES) || DEFAULT_CANDIDATES);
  const [event] = await entriesByIds(ctx, [eventId]);
  if (!event) return null;
  const e = event.event;
  const exchange = await exchangeOf(ctx, eventId);
  const candidateIds = await ctx.db
    .selectFrom('merged_events')
    .select('id')
    .where('type', '=', e.type)
    .where('sort_date', '<', crisisStart(e))
    .where((eb) => sameDyad(eb, e))
    .orderBy('sort_date', 'desc')
    .orderBy('id', 'desc')
    .limit(maxCandidates)
    .execute();
  const candidates = outsideCrisis(event, await entriesByIds(ctx, candidateIds.map((r) => Number(r.id))), exchange);
  const best = rankPrecedents(event, candidates, limit);
  if (best.length === 0) return { event, days, precedents: [] };

  // What followed: the dyad's events in each precedent's window, and events linked as answers to it.
  const poolIds = new Set<number>();
  for (const m of best) {
    const { since, until } = followWindow(m.entry.event.sortDate, days);
    const rows = await ctx.db.selectFrom('merged_events').select('id').where('sort_date', '>=', since).where('sort_date', '<=', until).where((eb) => sameDyad(eb, m.entry.event)).execute();
    for (const r of rows) poolIds.add(Number(r.id));
  }
  const answers = await ctx.db.selectFrom('event_links').select('event_id').where('responds_to', 'in', best.map((m) => m.entry.event.id)).execute();
  for (const r of answers) poolIds.add(Number(r.event_id));
  const pool = await entriesByIds(ctx, [...poolIds]);
  return buildPrecedents(event, best.map((m) => m.entry), pool, { days, limit, exchange });
}

/** The event and the events it answers through response links, CHAIN_HOPS links back at most (exchangeIds, read link by link from the store). */
async function exchangeOf(ctx: StoreContext, eventId: number): Promise<Set<number>> {
  const ids = new Set([eventId]);
  let frontier = [eventId];
  for (let hop = 0; hop < CHAIN_HOPS && frontier.length; hop++) {
    const rows = await ctx.db.selectFrom('event_links').select('responds_to').where('event_id', 'in', frontier).execute();
    frontier = [...new Set(rows.map((r) => Number(r.responds_to)))].filter((id) => !ids.has(id));
    for (const id of frontier) ids.add(id);
  }
  return ids;
}

