// Reading the event layer's rows: report rows (article_events with their article's metadata)
// as EventReports, merged_events rows as MergedEvents, event_links rows as ResponseLinks.
// Shared by the merge (src/store/events.ts) and the timeline reads (src/store/timeline.ts).
import { sql, type Kysely, type Selectable } from 'kysely';
import type { ActorRef, EventReport, MergedEvent, ResponseLink } from '../events/types.js';
import { decodeFingerprint } from '../events/fingerprint.js';
import { decodeWords, primeWords } from '../events/words.js';
import type { Database, EventLinksTable, MergedEventsTable } from './schema.js';
import { chunks, parseJson } from './util.js';

export const IDS_PER_QUERY = 500;

export function reportQuery(db: Kysely<Database>) {
  return db
    .selectFrom('article_events as e')
    .innerJoin('articles as a', 'a.id', 'e.article_id')
    .selectAll('e')
    .select(['a.canonical_url', 'a.source_name as outlet', 'a.published as published', 'a.dated_at']);
}
type ReportRow = Awaited<ReturnType<ReturnType<typeof reportQuery>['execute']>>[number];

function actorOf(r: Record<string, unknown>, prefix: 'source' | 'target'): ActorRef {
  const s = (k: string) => (r[`${prefix}_${k}`] as string | null) ?? null;
  return { name: s('name'), entityId: s('entity'), country: s('country'), institution: s('institution') };
}

/** A report row as an EventReport, its stored words primed for matching (src/events/words.ts). */
export function toReport(r: ReportRow): EventReport {
  const report: EventReport = {
    articleId: Number(r.article_id), seq: Number(r.seq), eventId: r.event_id, date: r.date, anchor: r.anchor, type: r.type as EventReport['type'],
    mode: r.mode, source: actorOf(r, 'source'), target: Number(r.has_target) ? actorOf(r, 'target') : null, intensity: Number(r.intensity),
    cameo: r.cameo, negated: Number(r.negated) === 1, modality: r.modality as EventReport['modality'], sourcing: r.sourcing, sentence: r.sentence,
    trigger: r.trigger, quote: r.quote, respondsTo: r.responds_to, responseCue: r.response_cue, outlet: r.outlet, url: r.canonical_url,
    published: r.published, seenAt: r.dated_at, mergedId: r.merged_id === null ? null : Number(r.merged_id),
  };
  primeWords(report, decodeWords(r.words));
  return report;
}

/** A merged_events row as a MergedEvent. */
export function toMerged(r: Selectable<MergedEventsTable>): MergedEvent {
  return {
    id: Number(r.id), date: r.date, anchor: r.anchor, lastAnchor: r.last_anchor, sortDate: r.sort_date, type: r.type as MergedEvent['type'], mode: r.mode,
    source: actorOf(r as unknown as Record<string, unknown>, 'source'), target: Number(r.has_target) ? actorOf(r as unknown as Record<string, unknown>, 'target') : null,
    intensity: Number(r.intensity), negated: Number(r.negated) === 1, modality: r.modality as MergedEvent['modality'], quote: r.quote,
    reportCount: Number(r.report_count), outlets: parseJson<string[]>(r.outlets, []), firstSeen: r.first_seen, lastSeen: r.last_seen,
  };
}

/** An event_links row as a ResponseLink. */
export function toLink(l: Selectable<EventLinksTable>): ResponseLink {
  return { eventId: Number(l.event_id), respondsTo: Number(l.responds_to), rule: l.rule as ResponseLink['rule'], confidence: Number(l.confidence), articleId: Number(l.article_id), sentence: l.sentence, cue: l.cue };
}

/**
 * Reports of these merged events, by merged id, each list in (article, position) order.
 * light: without their article's outlet, URL and dates (read from article_events alone), for
 * the callers that only compare their words and in-article ids (response linking candidates).
 */
export async function reportsOf(db: Kysely<Database>, ids: number[], light = false): Promise<Map<number, EventReport[]>> {
  const out = new Map<number, EventReport[]>();
  for (const part of chunks(ids, IDS_PER_QUERY)) {
    const query = light
      ? db.selectFrom('article_events as e').selectAll('e').select([sql<string>`''`.as('canonical_url'), sql<string | null>`null`.as('outlet'), sql<string | null>`null`.as('published'), sql<string>`''`.as('dated_at')])
      : reportQuery(db);
    const rows = await query.where('e.merged_id', 'in', part).orderBy('e.article_id').orderBy('e.seq').execute();
    for (const r of rows) {
      const report = toReport(r);
      const list = out.get(report.mergedId!) ?? [];
      list.push(report);
      out.set(report.mergedId!, list);
    }
  }
  return out;
}

/**
 * Light reports of these merged events (what matching and an answered event's linking read):
 * from their fingerprints (event_fingerprints, one row an event), else from their report rows
 * (events without a fingerprint: too many reports, saved before migration 11, or dirty). In the
 * order reportsOf gives (per chunk, by first report), so ties break as before.
 */
export async function lightReportsOf(db: Kysely<Database>, ids: number[]): Promise<Map<number, EventReport[]>> {
  const out = new Map<number, EventReport[]>();
  for (const part of chunks(ids, IDS_PER_QUERY)) {
    const found = new Map<number, EventReport[]>();
    for (const r of await db.selectFrom('event_fingerprints').select(['event_id', 'reports']).where('event_id', 'in', part).execute()) {
      const reports = decodeFingerprint(r.reports, Number(r.event_id));
      if (reports) found.set(Number(r.event_id), reports);
    }
    const rest = part.filter((id) => !found.has(id));
    for (const [id, reports] of await reportsOf(db, rest, true)) found.set(id, reports);
    const first = (id: number) => found.get(id)![0]!;
    const order = [...found.keys()].sort((a, b) => first(a).articleId - first(b).articleId || first(a).seq - first(b).seq);
    for (const id of order) out.set(id, found.get(id)!);
  }
  return out;
}
