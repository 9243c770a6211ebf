// Re-linking responses after a merge, with work bounded by the changed events, not the store.
// Stored links are kept up to date by every merge, so after one only these can differ:
// - the changed events' own links, the links of events that answered a changed or removed
//   event (their best answer may have moved): recomputed in full against their candidates
//   (event-candidates.ts linkCandidates, plus the in-article targets their reports name);
// - any other event in the response window after a changed one: its only new option is a
//   changed event, so its stored cue/reciprocity link is compared with the best link to the
//   changed events and replaced when that one wins (same order as linkResponses: confidence,
//   then the later answered event, then the earlier in (date, id) order).
// The pure rules are src/events/responses.ts; this file only picks what they are run on.
import type { Kysely } from 'kysely';
import { linkResponses, mayAnswer, type LinkableEvent } from '../events/responses.js';
import type { MergedEvent, ResponseLink } from '../events/types.js';
import { linkCandidates, responderCandidates } from './event-candidates.js';
import { IDS_PER_QUERY, lightReportsOf, reportsOf, toMerged } from './event-rows.js';
import type { Database } from './schema.js';
import { chunks, clean, cleanOrNull } from './util.js';

const ROWS_PER_INSERT = 100;

async function eventsByIds(db: Kysely<Database>, ids: Iterable<number>): Promise<Map<number, MergedEvent>> {
  const out = new Map<number, MergedEvent>();
  for (const part of chunks([...new Set(ids)], IDS_PER_QUERY)) {
    for (const r of await db.selectFrom('merged_events').selectAll().where('id', 'in', part).execute()) out.set(Number(r.id), toMerged(r));
  }
  return out;
}

/** Events whose stored links point at these (their best answer may change with them). */
export async function linkersOf(db: Kysely<Database>, ids: number[]): Promise<number[]> {
  const out: number[] = [];
  for (const part of chunks(ids, IDS_PER_QUERY)) {
    for (const r of await db.selectFrom('event_links').select('event_id').where('responds_to', 'in', part).execute()) out.push(Number(r.event_id));
  }
  return out;
}

/** Candidates in the order linkResponses breaks ties in: date, then id. */
function ordered(events: Iterable<LinkableEvent>): LinkableEvent[] {
  return [...events].sort((a, b) => a.event.sortDate.localeCompare(b.event.sortDate) || a.event.id - b.event.id);
}

/**
 * Recomputes the response links `changed` events (alive after a merge) can affect; `removedLinkers`
 * are events whose answered event the merge removed. Returns the number of links written.
 */
export async function relink(db: Kysely<Database>, changed: number[], removedLinkers: number[]): Promise<number> {
  if (changed.length === 0 && removedLinkers.length === 0) return 0;
  const changedEvents = await eventsByIds(db, changed);
  const fullIds = new Set<number>([...changed, ...(await linkersOf(db, changed)), ...removedLinkers]);
  const full = await eventsByIds(db, fullIds);
  const incIds = new Set<number>();
  for (const c of changedEvents.values()) for (const id of await responderCandidates(db, c)) if (!fullIds.has(id)) incIds.add(id);
  const inc = await eventsByIds(db, incIds);

  const candidateIds = new Map<number, Set<number>>();
  for (const r of full.values()) candidateIds.set(r.id, await linkCandidates(db, r));
  const events = new Map([...changedEvents, ...full, ...inc]);
  const missing = new Set<number>();
  for (const set of candidateIds.values()) for (const id of set) if (!events.has(id)) missing.add(id);
  for (const [id, e] of await eventsByIds(db, missing)) events.set(id, e);

  // Reports are loaded only where the rules will read them: the responders, the changed events,
  // and candidates that pass mayAnswer (dates and actors); other candidates need only their fields.
  const incKept = [...inc.values()].filter((r) => [...changedEvents.values()].some((c) => mayAnswer(r, c))).map((r) => r.id);
  const wanted = new Set<number>([...full.keys(), ...changedEvents.keys(), ...incKept]);
  for (const r of full.values()) for (const id of candidateIds.get(r.id) ?? []) if (mayAnswer(r, events.get(id)!)) wanted.add(id);
  // Fully recomputed responders' reports whole (their evidence is written); everyone else's light
  // from fingerprints (words and ids only): the incremental responders' full reports are read
  // only for the few links they end up writing (incrementalLinks).
  const own = new Set<number>(full.keys());
  const reports = new Map([
    ...(await reportsOf(db, [...own].sort((a, b) => a - b))),
    ...(await lightReportsOf(db, [...wanted].filter((id) => !own.has(id)).sort((a, b) => a - b))),
  ]);

  // In-article targets: the merged event of every event id a report answers.
  const merged = new Map<string, number>();
  for (const list of reports.values()) for (const r of list) if (r.mergedId !== null) merged.set(`${r.articleId}:${r.eventId}`, r.mergedId);
  const askArticles = new Set<number>();
  for (const id of [...full.keys(), ...incKept]) for (const r of reports.get(id) ?? []) if (r.respondsTo && !merged.has(`${r.articleId}:${r.respondsTo}`)) askArticles.add(r.articleId);
  for (const part of chunks([...askArticles], IDS_PER_QUERY)) {
    for (const r of await db.selectFrom('article_events').select(['article_id', 'event_id', 'merged_id']).where('article_id', 'in', part).where('merged_id', 'is not', null).execute()) {
      merged.set(`${Number(r.article_id)}:${r.event_id}`, Number(r.merged_id));
    }
  }
  const mergedOf = (articleId: number, eventId: string) => merged.get(`${articleId}:${eventId}`) ?? null;
  // A responder's in-article targets are candidates too, so a stated link is still checked against time
  // (only their dates are read: an in-article target is never a cue candidate).
  const targets = new Map<number, number[]>();
  for (const id of full.keys()) {
    const t = (reports.get(id) ?? []).map((r) => (r.respondsTo ? mergedOf(r.articleId, r.respondsTo) : null)).filter((x): x is number => x !== null);
    targets.set(id, t);
  }
  const extra = [...targets.values()].flat().filter((id) => !events.has(id));
  for (const [id, e] of await eventsByIds(db, extra)) events.set(id, e);
  const linkable = new Map<number, LinkableEvent>([...events].map(([id, event]) => [id, { event, reports: reports.get(id) ?? [] }]));

  const written: ResponseLink[] = [];
  for (const r of full.values()) {
    const cands = ordered([...(candidateIds.get(r.id) ?? []), ...(targets.get(r.id) ?? [])].map((id) => linkable.get(id)).filter((l): l is LinkableEvent => !!l));
    written.push(...linkResponses(linkable.get(r.id)!, dedupe(cands), mergedOf));
  }
  await deleteLinks(db, [...full.keys()]);
  const changedLinkable = ordered([...changedEvents.keys()].map((id) => linkable.get(id)!));
  const replaced = await withEvidence(db, await incrementalLinks(db, incKept, linkable, changedLinkable, mergedOf), linkable, changedLinkable, mergedOf);
  await deleteCueLinks(db, replaced.map((l) => l.eventId));
  written.push(...replaced);
  await insertLinks(db, written);
  return written.length;
}

function dedupe(list: LinkableEvent[]): LinkableEvent[] {
  return list.filter((l, i) => i === 0 || list[i - 1]!.event.id !== l.event.id);
}

/** The cue/reciprocity links of `ids` that a changed event now beats (the links to write; their old ones go). */
async function incrementalLinks(
  db: Kysely<Database>, ids: number[], linkable: Map<number, LinkableEvent>, changed: LinkableEvent[],
  mergedOf: (articleId: number, eventId: string) => number | null,
): Promise<ResponseLink[]> {
  const stored = new Map<number, { respondsTo: number; confidence: number; sortDate: string }>();
  for (const part of chunks(ids, IDS_PER_QUERY)) {
    const rows = await db.selectFrom('event_links as l').innerJoin('merged_events as m', 'm.id', 'l.responds_to')
      .select(['l.event_id', 'l.responds_to', 'l.confidence', 'm.sort_date']).where('l.event_id', 'in', part).where('l.rule', '!=', 'in-article').execute();
    for (const r of rows) stored.set(Number(r.event_id), { respondsTo: Number(r.responds_to), confidence: Number(r.confidence), sortDate: r.sort_date });
  }
  const out: ResponseLink[] = [];
  for (const id of ids) {
    const responder = linkable.get(id);
    if (!responder) continue;
    const link = linkResponses(responder, changed, mergedOf).find((l) => l.rule !== 'in-article');
    if (!link) continue;
    const old = stored.get(id);
    const sortDate = linkable.get(link.respondsTo)!.event.sortDate;
    const wins = !old || link.confidence > old.confidence || (link.confidence === old.confidence && (sortDate > old.sortDate || (sortDate === old.sortDate && link.respondsTo < old.respondsTo)));
    if (wins && old?.respondsTo !== link.respondsTo) out.push(link);
  }
  return out;
}

/**
 * incrementalLinks ran on light reports, which decide the same links (words, cues and ids are in
 * them) but lack the evidence sentence a link stores: the responders that would write a link are
 * run again on their full reports, and that run's links are the ones written.
 */
async function withEvidence(
  db: Kysely<Database>, links: ResponseLink[], linkable: Map<number, LinkableEvent>, changed: LinkableEvent[],
  mergedOf: (articleId: number, eventId: string) => number | null,
): Promise<ResponseLink[]> {
  if (links.length === 0) return links;
  const ids = links.map((l) => l.eventId).sort((a, b) => a - b);
  const full = await reportsOf(db, ids);
  const withFull = new Map(linkable);
  for (const id of ids) withFull.set(id, { event: linkable.get(id)!.event, reports: full.get(id) ?? [] });
  return incrementalLinks(db, ids, withFull, changed, mergedOf);
}

async function deleteLinks(db: Kysely<Database>, eventIds: number[]): Promise<void> {
  for (const part of chunks(eventIds, IDS_PER_QUERY)) await db.deleteFrom('event_links').where('event_id', 'in', part).execute();
}

async function deleteCueLinks(db: Kysely<Database>, eventIds: number[]): Promise<void> {
  for (const part of chunks(eventIds, IDS_PER_QUERY)) await db.deleteFrom('event_links').where('event_id', 'in', part).where('rule', '!=', 'in-article').execute();
}

async function insertLinks(db: Kysely<Database>, links: ResponseLink[]): Promise<void> {
  const rows = links.map((l) => ({ event_id: l.eventId, responds_to: l.respondsTo, rule: l.rule, confidence: l.confidence, article_id: l.articleId, cue: cleanOrNull(l.cue), sentence: clean(l.sentence) }));
  for (const part of chunks(rows, ROWS_PER_INSERT)) await db.insertInto('event_links').values(part).execute();
}
