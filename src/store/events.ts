// The event layer's storage: per-article event rows (reports), merged real-world events and
// response links. saveAnalysis replaces an article's reports (replaceArticleEvents, inside its
// transaction) and marks the events they left dirty; mergeEvents then merges pending reports
// into events around them, recomputes dirty and touched events from their reports, and
// re-links responses near them. Matching and linking are the pure functions of src/events/*;
// nothing here reads article text. The timeline's reads are in timeline.ts, row mapping in event-rows.ts.
import { sql, type Kysely } from 'kysely';
import type { AnalysisEvent } from '../analyze/types.js';
import { WINDOW_DAYS } from '../events/identity.js';
import { assignReports, mergedFields, type Cluster } from '../events/merge.js';
import { linkResponses, RESPONSE_WINDOW_DAYS, type LinkableEvent } from '../events/responses.js';
import { addDays, anchorOf } from '../events/text.js';
import type { ActorRef, MergedEvent, MergedFields, ResponseLink } from '../events/types.js';
import { IDS_PER_QUERY, reportQuery, reportsOf, toMerged, toReport } from './event-rows.js';
import type { Database } from './schema.js';
import type { MergeSummary } from './types.js';
import { chunks, clean, cleanOrNull, nowIso, type StoreContext } from './util.js';

// Kept importable from here for the store modules that read events (exports, precedents, alerts).
export { toMerged } from './event-rows.js';
export { actorDyadCondition, entriesByIds } from './timeline.js';

const ROWS_PER_INSERT = 100;
const PENDING_PER_ROUND = 500;

function actorCols(prefix: 'source' | 'target', a: AnalysisEvent['source'] | ActorRef | null) {
  return {
    [`${prefix}_name`]: cleanOrNull(a?.name),
    [`${prefix}_entity`]: a?.entityId ?? null,
    [`${prefix}_country`]: a?.country ?? null,
    [`${prefix}_institution`]: a?.institution ?? null,
  } as Record<`${typeof prefix}_${'name' | 'entity' | 'country' | 'institution'}`, string | null>;
}

/** Replaces an article's event rows; the merged events they belonged to are marked dirty. Runs inside saveAnalysis' transaction. */
export async function replaceArticleEvents(ctx: StoreContext, db: Kysely<Database>, articleId: number, events: AnalysisEvent[]): Promise<void> {
  await lockEvents(ctx, db);
  const article = await db.selectFrom('articles').select(['published', 'dated_at']).where('id', '=', articleId).executeTakeFirstOrThrow();
  const old = await db.selectFrom('article_events').select('merged_id').where('article_id', '=', articleId).where('merged_id', 'is not', null).execute();
  const dirty = [...new Set(old.map((r) => Number(r.merged_id)))];
  for (const part of chunks(dirty, IDS_PER_QUERY)) await db.updateTable('merged_events').set({ dirty: 1 }).where('id', 'in', part).execute();
  await db.deleteFrom('article_events').where('article_id', '=', articleId).execute();
  const rows = events.map((e, seq) => ({
    article_id: articleId,
    seq,
    event_id: clean(e.id),
    date: e.date,
    anchor: anchorOf(e.date, article.published, article.dated_at),
    type: e.type,
    mode: cleanOrNull(e.mode),
    ...actorCols('source', e.source),
    ...actorCols('target', e.target),
    has_target: e.target ? 1 : 0,
    intensity: Number.isFinite(e.intensity) ? e.intensity : 0,
    cameo: e.cameo ?? null,
    negated: e.negated ? 1 : 0,
    modality: e.modality ?? 'asserted',
    sourcing: e.sourcing ?? null,
    trigger: cleanOrNull(e.trigger?.text),
    quote: cleanOrNull(e.quote),
    responds_to: cleanOrNull(e.respondsTo),
    response_cue: cleanOrNull(e.responseCue),
    merged_id: null,
    sentence: clean(e.sentence?.text ?? e.trigger?.text ?? ''),
  }));
  for (const part of chunks(rows, ROWS_PER_INSERT)) await db.insertInto('article_events').values(part).execute();
}

/** DIALECT: PostgreSQL serialises event writers with an advisory lock; SQLite transactions hold the write lock. */
async function lockEvents(ctx: StoreContext, db: Kysely<Database>): Promise<void> {
  if (ctx.dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(hashtext('readout:events:' || coalesce(current_schema(), '')))`.execute(db);
}

function mergedRow(f: MergedFields) {
  return {
    date: f.date, sort_date: f.sortDate, anchor: f.anchor, last_anchor: f.lastAnchor, type: f.type, mode: f.mode,
    ...actorCols('source', f.source), ...actorCols('target', f.target), has_target: f.target ? 1 : 0,
    intensity: f.intensity, negated: f.negated ? 1 : 0, modality: f.modality, quote: f.quote, report_count: f.reportCount,
    outlets: JSON.stringify(f.outlets), first_seen: f.firstSeen, last_seen: f.lastSeen, dirty: 0, updated_at: nowIso(),
  };
}

/**
 * Merges every pending report (new or re-analysed articles) and recomputes dirty events, then
 * re-links responses around everything that changed. Idempotent: with nothing pending it only
 * reads two indexes.
 */
export async function mergeEvents(ctx: StoreContext): Promise<MergeSummary> {
  return ctx.atomic(async (db) => {
    await lockEvents(ctx, db);
    const summary: MergeSummary = { reports: 0, created: 0, updated: 0, removed: 0, links: 0 };
    const touched = new Set<number>((await db.selectFrom('merged_events').select('id').where('dirty', '=', 1).execute()).map((r) => Number(r.id)));
    for (;;) {
      const pending = (await reportQuery(db).where('e.merged_id', 'is', null).orderBy('e.anchor').orderBy('e.article_id').orderBy('e.seq').limit(PENDING_PER_ROUND).execute()).map(toReport);
      if (pending.length === 0) break;
      summary.reports += pending.length;
      const lo = addDays(pending[0]!.anchor, -WINDOW_DAYS - 1);
      const hi = addDays(pending[pending.length - 1]!.anchor, WINDOW_DAYS + 1);
      const nearby = (await db.selectFrom('merged_events').select('id').where('anchor', '<=', hi).where('last_anchor', '>=', lo).execute()).map((r) => Number(r.id));
      const members = await reportsOf(db, nearby);
      const clusters: Cluster[] = [...members].map(([id, reports]) => ({ id, reports }));
      const before = new Map(clusters.map((c) => [c, c.reports.length]));
      for (const c of assignReports(pending, clusters)) {
        if (before.get(c) === c.reports.length) continue;
        let id = c.id;
        if (id === null) {
          const row = await db.insertInto('merged_events').values(mergedRow(mergedFields(c.reports))).returning('id').executeTakeFirstOrThrow();
          id = Number(row.id);
          summary.created++;
        }
        else await db.updateTable('merged_events').set(mergedRow(mergedFields(c.reports))).where('id', '=', id).execute();
        touched.add(id);
        for (const r of c.reports.slice(before.get(c) ?? 0)) {
          await db.updateTable('article_events').set({ merged_id: id }).where('article_id', '=', r.articleId).where('seq', '=', r.seq).execute();
        }
      }
    }
    if (touched.size === 0) return summary;

    const ids = [...touched].sort((a, b) => a - b);
    const reports = await reportsOf(db, ids);
    const alive: number[] = [];
    for (const id of ids) {
      const list = reports.get(id);
      if (!list?.length) {
        await db.deleteFrom('merged_events').where('id', '=', id).execute();
        summary.removed++;
      } else {
        await db.updateTable('merged_events').set(mergedRow(mergedFields(list))).where('id', '=', id).execute();
        alive.push(id);
      }
    }
    summary.updated = alive.length;
    summary.links = await relink(db, alive);
    return summary;
  });
}

async function mergedEvents(db: Kysely<Database>, where: (q: ReturnType<typeof mergedQuery>) => ReturnType<typeof mergedQuery>): Promise<MergedEvent[]> {
  return (await where(mergedQuery(db)).execute()).map(toMerged);
}
function mergedQuery(db: Kysely<Database>) {
  return db.selectFrom('merged_events').selectAll();
}

/**
 * Recomputes the response links of every event that could link to or from the changed ones:
 * the changed events, events that linked to them, and events within the window after them.
 */
async function relink(db: Kysely<Database>, changed: number[]): Promise<number> {
  if (changed.length === 0) return 0;
  const changedEvents: MergedEvent[] = [];
  for (const part of chunks(changed, IDS_PER_QUERY)) changedEvents.push(...(await mergedEvents(db, (q) => q.where('id', 'in', part))));
  const sorts = changedEvents.map((e) => e.sortDate).sort();
  const from = sorts[0]!;
  const to = addDays(sorts[sorts.length - 1]!, RESPONSE_WINDOW_DAYS);
  const responderIds = new Set<number>(changed);
  for (const part of chunks(changed, IDS_PER_QUERY)) {
    for (const r of await db.selectFrom('event_links').select('event_id').where('responds_to', 'in', part).execute()) responderIds.add(Number(r.event_id));
  }
  for (const r of await db.selectFrom('merged_events').select('id').where('sort_date', '>=', from).where('sort_date', '<=', to).execute()) responderIds.add(Number(r.id));
  const responders: MergedEvent[] = [];
  for (const part of chunks([...responderIds], IDS_PER_QUERY)) responders.push(...(await mergedEvents(db, (q) => q.where('id', 'in', part))));
  const rs = responders.map((e) => e.sortDate).sort();
  const around = await mergedEvents(db, (q) => q.where('sort_date', '>=', addDays(rs[0]!, -RESPONSE_WINDOW_DAYS)).where('sort_date', '<=', rs[rs.length - 1]!));
  const reports = await reportsOf(db, around.map((e) => e.id));
  const linkable: LinkableEvent[] = around.map((event) => ({ event, reports: reports.get(event.id) ?? [] }));
  const byId = new Map(linkable.map((l) => [l.event.id, l]));

  // In-article targets: the merged event of every event id a report answers.
  const merged = new Map<string, number>();
  for (const l of linkable) for (const r of l.reports) if (r.mergedId !== null) merged.set(`${r.articleId}:${r.eventId}`, r.mergedId);
  const askArticles = new Set<number>();
  for (const id of responderIds) for (const r of byId.get(id)?.reports ?? []) if (r.respondsTo && !merged.has(`${r.articleId}:${r.respondsTo}`)) askArticles.add(r.articleId);
  for (const part of chunks([...askArticles], IDS_PER_QUERY)) {
    for (const r of await db.selectFrom('article_events').select(['article_id', 'event_id', 'merged_id']).where('article_id', 'in', part).where('merged_id', 'is not', null).execute()) {
      merged.set(`${Number(r.article_id)}:${r.event_id}`, Number(r.merged_id));
    }
  }
  const mergedOf = (articleId: number, eventId: string) => merged.get(`${articleId}:${eventId}`) ?? null;

  const links: ResponseLink[] = [];
  for (const id of responderIds) {
    const responder = byId.get(id);
    if (responder) links.push(...linkResponses(responder, linkable, mergedOf));
  }
  for (const part of chunks([...responderIds], IDS_PER_QUERY)) await db.deleteFrom('event_links').where('event_id', 'in', part).execute();
  const rows = links.map((l) => ({ event_id: l.eventId, responds_to: l.respondsTo, rule: l.rule, confidence: l.confidence, article_id: l.articleId, cue: cleanOrNull(l.cue), sentence: clean(l.sentence) }));
  for (const part of chunks(rows, ROWS_PER_INSERT)) await db.insertInto('event_links').values(part).execute();
  return links.length;
}
