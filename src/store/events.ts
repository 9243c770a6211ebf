// The event layer's storage: per-article event rows (reports), merged real-world events and
// response links. saveAnalysis replaces an article's reports (replaceArticleEvents, inside its
// transaction) and marks the events they left dirty; mergeEvents then merges pending reports
// into events around them, recomputes dirty and touched events from their reports, and
// re-links responses near them (event-links.ts). Matching and linking are the pure functions of
// src/events/*; which events they run on comes from indexed, capped queries (event-candidates.ts),
// so the work per article does not grow with the store. Nothing here reads article text. The
// timeline's reads are in timeline.ts, row mapping in event-rows.ts.
import { sql, type Kysely } from 'kysely';
import type { AnalysisEvent } from '../analyze/types.js';
import { encodeFingerprint } from '../events/fingerprint.js';
import { reportWords } from '../events/identity.js';
import { assignReports, mergedFields, type Cluster } from '../events/merge.js';
import { anchorOf } from '../events/text.js';
import type { ActorRef, EventReport, MergedFields } from '../events/types.js';
import { encodeWords } from '../events/words.js';
import { mergeCandidates } from './event-candidates.js';
import { linkersOf, relink } from './event-links.js';
import { IDS_PER_QUERY, lightReportsOf, reportQuery, reportsOf, toReport } from './event-rows.js';
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
  for (const part of chunks(dirty, IDS_PER_QUERY)) {
    await db.updateTable('merged_events').set({ dirty: 1 }).where('id', 'in', part).execute();
    // Their fingerprints list the reports that go now: dirty events are compared from their rows until recomputed.
    await db.deleteFrom('event_fingerprints').where('event_id', 'in', part).execute();
  }
  await db.deleteFrom('article_events').where('article_id', '=', articleId).execute();
  const rows = events.map((e, seq) => ({
    article_id: articleId,
    seq,
    event_id: clean(e.id),
    // A publication-day date is no date of the act: the report matches within its anchor's window.
    date: e.datePrecision === 'published' ? null : e.date,
    anchor: anchorOf(e.datePrecision === 'published' ? null : e.date, article.published, article.dated_at),
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
  })).map((row) => ({ ...row, words: encodeWords(reportWords(reportText(row))) }));
  for (const part of chunks(rows, ROWS_PER_INSERT)) await db.insertInto('article_events').values(part).execute();
}

/** The fields the words are taken from, as toReport reads them back from the row. */
function reportText(row: Record<'quote' | 'sentence' | 'trigger' | 'source_name' | 'target_name', string | null>) {
  const actor = (name: string | null) => ({ name, entityId: null, country: null, institution: null });
  return { quote: row.quote, sentence: row.sentence ?? '', trigger: row.trigger, source: actor(row.source_name), target: actor(row.target_name) };
}

/** DIALECT: PostgreSQL serialises event writers with an advisory lock; SQLite transactions hold the write lock. */
async function lockEvents(ctx: StoreContext, db: Kysely<Database>): Promise<void> {
  if (ctx.dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(hashtext('readout:events:' || coalesce(current_schema(), '')))`.execute(db);
}

/** Writes (or, for an event too big for one, removes) the fingerprint of event `id` made of `reports`. */
async function saveFingerprint(db: Kysely<Database>, id: number, reports: EventReport[]): Promise<void> {
  const fingerprint = encodeFingerprint(reports, reportWords);
  if (fingerprint === null) await db.deleteFrom('event_fingerprints').where('event_id', '=', id).execute();
  else await db.insertInto('event_fingerprints').values({ event_id: id, reports: fingerprint }).onConflict((oc) => oc.column('event_id').doUpdateSet({ reports: fingerprint })).execute();
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
      // Only the events each report could join (event-candidates.ts), not every event nearby,
      // compared from their fingerprints (one row an event: the reports' matching fields).
      const nearby = new Set<number>();
      for (const report of pending) for (const id of await mergeCandidates(db, report)) nearby.add(id);
      const members = await lightReportsOf(db, [...nearby].sort((a, b) => a - b));
      const clusters: Cluster[] = [...members].map(([id, reports]) => ({ id, reports }));
      const before = new Map(clusters.map((c) => [c, c.reports.length]));
      const assigned = assignReports(pending, clusters);
      // The events that grew get their fields from their full reports (light ones lack outlets, dates seen, quotes).
      const grown = await reportsOf(db, assigned.filter((c) => c.id !== null && before.get(c) !== c.reports.length).map((c) => c.id!));
      for (const c of assigned) {
        if (before.get(c) === c.reports.length) continue;
        const added = c.reports.slice(before.get(c) ?? 0);
        const reports = c.id === null ? c.reports : [...(grown.get(c.id) ?? []), ...added];
        let id = c.id;
        if (id === null) {
          const row = await db.insertInto('merged_events').values(mergedRow(mergedFields(reports))).returning('id').executeTakeFirstOrThrow();
          id = Number(row.id);
          summary.created++;
        }
        else await db.updateTable('merged_events').set(mergedRow(mergedFields(reports))).where('id', '=', id).execute();
        await saveFingerprint(db, id, reports);
        touched.add(id);
        for (const r of added) {
          await db.updateTable('article_events').set({ merged_id: id }).where('article_id', '=', r.articleId).where('seq', '=', r.seq).execute();
        }
      }
    }
    if (touched.size === 0) return summary;

    const ids = [...touched].sort((a, b) => a - b);
    const reports = await reportsOf(db, ids);
    const alive: number[] = [];
    const removedLinkers: number[] = [];
    for (const id of ids) {
      const list = reports.get(id);
      if (!list?.length) {
        // Their links to it go with it (cascade); they get their next best answer below.
        removedLinkers.push(...(await linkersOf(db, [id])));
        await db.deleteFrom('merged_events').where('id', '=', id).execute();
        summary.removed++;
      } else {
        await db.updateTable('merged_events').set(mergedRow(mergedFields(list))).where('id', '=', id).execute();
        await saveFingerprint(db, id, list);
        alive.push(id);
      }
    }
    summary.updated = alive.length;
    summary.links = await relink(db, alive, removedLinkers.filter((id) => !touched.has(id) || alive.includes(id)));
    return summary;
  });
}
