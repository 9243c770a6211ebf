// Streamed export of merged real-world events (`readout export events`, GET /export/events):
// one keyset page of (sort date, id) at a time, with each event's first report and the events
// it answers.
import { sql, type Selectable, type SqlBool } from 'kysely';
import type { MergedEvent } from '../events/types.js';
import { actorDyadCondition, toMerged } from './events.js';
import { pageSizeOf, sourceCondition } from './exports.js';
import type { MergedEventsTable } from './schema.js';
import type { ActorMatch } from './types.js';
import { chunks, type StoreContext } from './util.js';

const IDS_PER_QUERY = 500;

export interface EventExportFilter {
  /** Events with the actor as source or target (as in TimelineFilter). */
  actor?: ActorMatch;
  /** Events between a and b: a → b when directed, else either way. */
  dyad?: { a: ActorMatch; b: ActorMatch; directed?: boolean };
  /** YYYY-MM-DD bounds (inclusive) on the event's sort date. */
  since?: string;
  until?: string;
  /** Event types (PLOVER names, upper case); any of them. */
  types?: string[];
  /** Events with at least one report from this outlet: source id, URL or name (case-insensitive). */
  source?: string;
  /** Rows per query (default 500). */
  pageSize?: number;
}

/** One merged real-world event with what an export needs beyond the merged_events row. */
export interface ExportedEvent {
  event: MergedEvent;
  /** CAMEO root code of the first report that has one. */
  cameo: string | null;
  /** The first report (by when it was seen): its canonical URL and sentence (the evidence). */
  firstUrl: string | null;
  evidence: string | null;
  /** Merged event ids this event responds to. */
  respondsTo: number[];
}

/** Merged events matching the filter in (sort date, id) order, one keyset page at a time. */
export async function* exportEvents(ctx: StoreContext, filter: EventExportFilter = {}): AsyncGenerator<ExportedEvent> {
  const size = pageSizeOf(filter.pageSize);
  const { actor, dyad, types, source } = filter;
  let after: { sortDate: string; id: number } | null = null;
  for (;;) {
    const cursor: { sortDate: string; id: number } | null = after;
    const rows: Selectable<MergedEventsTable>[] = await ctx.db
      .selectFrom('merged_events')
      .selectAll()
      .$if(cursor !== null, (q) => q.where((eb) => eb(eb.refTuple('sort_date', 'id'), '>', eb.tuple(cursor!.sortDate, cursor!.id))))
      .$if(filter.since !== undefined, (q) => q.where('sort_date', '>=', filter.since!.slice(0, 10)))
      .$if(filter.until !== undefined, (q) => q.where('sort_date', '<=', filter.until!.slice(0, 10)))
      .$if(types !== undefined && types.length > 0, (q) => q.where('type', 'in', types!))
      .$if(actor !== undefined || dyad !== undefined, (q) => q.where((eb) => actorDyadCondition(eb, actor, dyad)))
      .$if(source !== undefined && source.trim() !== '', (q) =>
        q.where(sql<SqlBool>`EXISTS (SELECT 1 FROM article_events e JOIN articles a ON a.id = e.article_id WHERE e.merged_id = merged_events.id AND ${sourceCondition(source!)})`),
      )
      .orderBy('sort_date')
      .orderBy('id')
      .limit(size)
      .execute();
    if (rows.length === 0) return;
    const events: MergedEvent[] = rows.map(toMerged);
    const ids = events.map((e) => e.id);
    const first = await firstReports(ctx, ids);
    const links = await linksOf(ctx, ids);
    for (const event of events) {
      const f = first.get(event.id);
      yield { event, cameo: f?.cameo ?? null, firstUrl: f?.url ?? null, evidence: f?.sentence ?? null, respondsTo: links.get(event.id) ?? [] };
    }
    if (rows.length < size) return;
    const last: MergedEvent = events[events.length - 1]!;
    after = { sortDate: last.sortDate, id: last.id };
  }
}

interface FirstReport {
  url: string;
  sentence: string;
  cameo: string | null;
}

/** The first report (earliest seen, then article id, then seq) of each event, with the first CAMEO root in that order. */
async function firstReports(ctx: StoreContext, ids: number[]): Promise<Map<number, FirstReport>> {
  const out = new Map<number, FirstReport>();
  for (const part of chunks(ids, IDS_PER_QUERY)) {
    // Window functions (SQLite ≥ 3.25, PostgreSQL): one row per event, whatever its report count.
    const { rows } = await sql<{ merged_id: number | string; url: string; sentence: string; cameo: string | null }>`
      SELECT merged_id, url, sentence, cameo FROM (
        SELECT e.merged_id, a.canonical_url AS url, e.sentence,
          first_value(e.cameo) OVER (PARTITION BY e.merged_id ORDER BY (CASE WHEN e.cameo IS NULL THEN 1 ELSE 0 END), a.dated_at, e.article_id, e.seq) AS cameo,
          row_number() OVER (PARTITION BY e.merged_id ORDER BY a.dated_at, e.article_id, e.seq) AS rn
        FROM article_events e JOIN articles a ON a.id = e.article_id
        WHERE e.merged_id IN (${sql.join(part)})
      ) r WHERE rn = 1`.execute(ctx.db);
    for (const r of rows) out.set(Number(r.merged_id), { url: r.url, sentence: r.sentence, cameo: r.cameo });
  }
  return out;
}

async function linksOf(ctx: StoreContext, ids: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  for (const part of chunks(ids, IDS_PER_QUERY)) {
    const rows = await ctx.db.selectFrom('event_links').select(['event_id', 'responds_to']).where('event_id', 'in', part).orderBy('event_id').orderBy('responds_to').execute();
    for (const r of rows) {
      const id = Number(r.event_id);
      const list = out.get(id) ?? [];
      list.push(Number(r.responds_to));
      out.set(id, list);
    }
  }
  return out;
}

