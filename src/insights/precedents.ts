// Precedents: for a merged event, the most similar earlier events and what followed each.
// Pure: the candidates and the events around them come from the store (src/store/precedents.ts);
// nothing here reads article text beyond the quotes, triggers and evidence sentences the store
// already holds for each report.
//
// Rules:
// - A candidate is an earlier event (sort date strictly before) of the same type between the
//   same two sides. A side is the actor's country, else its registry entity, else its
//   institution, else its name (lower case): "North Korea's foreign ministry" and "Pyongyang"
//   are one side, PRK. An event without a target only matches events without a target.
// - Direction: same (A → B again) counts 1, reverse (B → A) counts REVERSE_WEIGHT (0.6).
// - Wording: content-word stems (src/events/text.ts) of the event's quote and its reports'
//   quotes and triggers (the evidence sentences when none of them has a word left), actor names
//   left out; similarity = max(Jaccard, 0.8 · overlap coefficient), as event identity compares quotes.
// - score = 0.4 · direction + 0.6 · wording; ties go to the more recent precedent, then the higher id.
// - Not the same crisis (outsideCrisis; the ranking itself, also used for the briefs' repeat
//   detection, keeps every earlier event): a precedent is history the analyst compares the event
//   with, so it leaves out
//   · the event itself (its merged cluster) and the events it answers, directly or through a
//     chain of response links (up to CHAIN_HOPS links back): the exchange the event is part of;
//   · events dated within CRISIS_DAYS (30) before the event's day. Why 30: the response linker
//     joins answers at most 7 days apart and a statement–counter-statement–act–reply exchange
//     between two sides runs over days to a few weeks, so events of the same type and dyad in
//     the month before are almost always steps of the same episode (or the same happening
//     reported again under another date); and the default "what followed" window is 14 days, so
//     a precedent less than 2 × 14 days back would list the run-up to the event itself as what
//     followed it. Candidates are all of the same dyad, so the window is a same-dyad window.
// - What followed a precedent on day D: the events between the same two sides (either way, any
//   type) dated in (D, D + days], and any event linked as a response to it dated in [D, D + days],
//   in date order, each with its type, intensity and the response links it has. Never an event
//   dated before the precedent: dates are compared at their precision, so an event dated only
//   "1979" or "2019-12" (whose sort date is the day it was reported) is left out after a
//   precedent of 2020-01-03. What followed stops where the queried event's crisis window starts,
//   so the current crisis never appears as what followed an older one. daysAfter counts from the
//   precedent's event date to the follow-up's event date; when either is not a day date, it
//   counts from the sort dates and approximate is true.
import { actorWords } from '../events/identity.js';
import { addDays, contentStems, dayNumber, isDay, jaccard, overlap, periodOf } from '../events/text.js';
import { eventRef, toJson, type TimelineEntry } from '../events/timeline.js';
import type { ActorRef, MergedEvent, ResponseRule } from '../events/types.js';

export const DEFAULT_FOLLOW_DAYS = 14;
export const DEFAULT_PRECEDENT_LIMIT = 5;
export const REVERSE_WEIGHT = 0.6;
/** Days before an event whose same-type, same-dyad events count as the same crisis (see the header). */
export const CRISIS_DAYS = 30;
/** Response links followed back from the event to find the exchange it belongs to. */
export const CHAIN_HOPS = 10;
const DIRECTION_SHARE = 0.4;
const WORDING_SHARE = 0.6;

/** The side of a dyad an actor stands for: its country, else entity, else institution, else its name. */
export function sideKey(a: ActorRef | null): string | null {
  if (!a) return null;
  if (a.country) return `country:${a.country.toUpperCase()}`;
  if (a.entityId) return `id:${a.entityId}`;
  if (a.institution) return `id:${a.institution}`;
  const name = a.name?.toLowerCase().replace(/^the\s+/, '').trim();
  return name ? `name:${name}` : null;
}

/** How b's dyad relates to a's: the same direction, reversed, or another dyad (null). */
export function dyadDirection(a: Pick<MergedEvent, 'source' | 'target'>, b: Pick<MergedEvent, 'source' | 'target'>): 'same' | 'reverse' | null {
  const [as, at, bs, bt] = [sideKey(a.source), sideKey(a.target), sideKey(b.source), sideKey(b.target)];
  if (as === null || bs === null) return null;
  if (as === bs && at === bt) return 'same';
  if (at !== null && bt !== null && as === bt && at === bs) return 'reverse';
  return null;
}

/** Content-word stems of an event's quote, its reports' quotes and triggers (else their sentences). */
export function eventWords(entry: TimelineEntry): Set<string> {
  const exclude = actorWords(entry.event);
  const words = new Set<string>(contentStems(entry.event.quote, exclude));
  for (const r of entry.reports) {
    for (const w of contentStems(r.quote, exclude)) words.add(w);
    for (const w of contentStems(r.trigger, exclude)) words.add(w);
  }
  if (words.size > 0) return words;
  for (const r of entry.reports) for (const w of contentStems(r.sentence, exclude)) words.add(w);
  return words;
}

export function wordingSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  return Math.max(jaccard(a, b), 0.8 * overlap(a, b));
}

export interface PrecedentMatch {
  entry: TimelineEntry;
  direction: 'same' | 'reverse';
  /** 0..1. */
  wording: number;
  /** 0.4 · direction + 0.6 · wording, rounded to 3 decimals. */
  score: number;
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;

/** Scores a candidate against the event; null when it cannot be a precedent (later, other type, other dyad). */
export function scorePrecedent(event: TimelineEntry, candidate: TimelineEntry, words = eventWords(event)): PrecedentMatch | null {
  const e = event.event;
  const c = candidate.event;
  if (c.id === e.id || c.type !== e.type || c.sortDate >= e.sortDate) return null;
  const direction = dyadDirection(e, c);
  if (direction === null) return null;
  const wording = round3(wordingSimilarity(words, eventWords(candidate)));
  const score = round3(DIRECTION_SHARE * (direction === 'same' ? 1 : REVERSE_WEIGHT) + WORDING_SHARE * wording);
  return { entry: candidate, direction, wording, score };
}

/** The most similar earlier events, best first (ties: more recent, then higher id). */
export function rankPrecedents(event: TimelineEntry, candidates: TimelineEntry[], limit = DEFAULT_PRECEDENT_LIMIT): PrecedentMatch[] {
  const words = eventWords(event);
  const out: PrecedentMatch[] = [];
  for (const c of candidates) {
    const m = scorePrecedent(event, c, words);
    if (m) out.push(m);
  }
  out.sort((a, b) => b.score - a.score || b.entry.event.sortDate.localeCompare(a.entry.event.sortDate) || b.entry.event.id - a.entry.event.id);
  return out.slice(0, Math.max(0, limit));
}

/** The days after a precedent dated day: (day, day + days], as inclusive YYYY-MM-DD bounds. */
export function followWindow(day: string, days: number): { since: string; until: string } {
  return { since: addDays(day, 1), until: addDays(day, days) };
}

/** The event's day: its date when that is a day, else its sort date. */
export function eventDay(e: Pick<MergedEvent, 'date' | 'sortDate'>): string {
  return isDay(e.date) ? e.date : e.sortDate;
}

/** The first day of the queried event's crisis window: precedents and what followed them end before it. */
export function crisisStart(e: Pick<MergedEvent, 'date' | 'sortDate'>): string {
  return addDays(eventDay(e), -CRISIS_DAYS);
}

/** Earliest and latest day a date can mean ("2019" → 2019-01-01 … 2019-12-31); the sort date when there is none. */
export function dayRange(e: Pick<MergedEvent, 'date' | 'sortDate'>): { first: string; last: string } {
  return periodOf(e.date) ?? { first: e.sortDate, last: e.sortDate };
}

/**
 * Ids of the exchange an event belongs to: the event and the events it answers, through chains
 * of response links up to CHAIN_HOPS back. links: every known link (eventId answers respondsTo).
 */
export function exchangeIds(eventId: number, links: Iterable<{ eventId: number; respondsTo: number }>): Set<number> {
  const answers = new Map<number, number[]>();
  for (const l of links) answers.set(l.eventId, [...(answers.get(l.eventId) ?? []), l.respondsTo]);
  const ids = new Set([eventId]);
  let frontier = [eventId];
  for (let hop = 0; hop < CHAIN_HOPS && frontier.length; hop++) {
    frontier = frontier.flatMap((id) => answers.get(id) ?? []).filter((id) => !ids.has(id));
    for (const id of frontier) ids.add(id);
  }
  return ids;
}

/** Candidates that are not the event's own crisis: not in its exchange, and dated before its crisis window. */
export function outsideCrisis(event: TimelineEntry, candidates: TimelineEntry[], exchange: ReadonlySet<number> = new Set([event.event.id])): TimelineEntry[] {
  const start = crisisStart(event.event);
  return candidates.filter((c) => c.event.id !== event.event.id && !exchange.has(c.event.id) && dayRange(c.event).last < start);
}

export interface FollowUp {
  id: number;
  date: string | null;
  sortDate: string;
  /** Days from the precedent's event date to this event's date. */
  daysAfter: number;
  /** daysAfter counts from a sort date (the day first reported) because one of the two dates is not a day. */
  approximate: boolean;
  type: string;
  mode: string | null;
  intensity: number;
  negated: boolean;
  modality: string;
  source: ActorRef;
  target: ActorRef | null;
  quote: string | null;
  /** The first report's article (evidence). */
  url: string | null;
  /** Whether it is linked as a response to the precedent. */
  answersPrecedent: boolean;
  /** Its response links (to the precedent or to other events). */
  respondsTo: { id: number; rule: ResponseRule; confidence: number; cue: string | null }[];
}

export interface Precedent extends PrecedentMatch {
  followed: FollowUp[];
}

export interface PrecedentsResult {
  event: TimelineEntry;
  days: number;
  precedents: Precedent[];
}

/**
 * What followed a precedent: same dyad (either way) within (date, date + days], or linked as a
 * response to it within [date, date + days]; never dated before the precedent, nor on or after
 * `before` (the queried event's crisis start); date order.
 */
export function whatFollowed(precedent: MergedEvent, pool: TimelineEntry[], days = DEFAULT_FOLLOW_DAYS, before?: string): FollowUp[] {
  const { since, until } = followWindow(precedent.sortDate, days);
  const from = dayRange(precedent).first;
  const pDay = isDay(precedent.date) ? precedent.date : null;
  const seen = new Set<number>();
  const out: FollowUp[] = [];
  for (const entry of [...pool].sort((a, b) => a.event.sortDate.localeCompare(b.event.sortDate) || a.event.id - b.event.id)) {
    const e = entry.event;
    if (e.id === precedent.id || seen.has(e.id)) continue;
    // Dated before the precedent (at the date's own precision), or part of the queried event's crisis.
    if (dayRange(e).last < from || e.sortDate < precedent.sortDate || (before !== undefined && e.sortDate >= before)) continue;
    const answers = entry.respondsTo.some((l) => l.respondsTo === precedent.id) && e.sortDate <= until;
    const inWindow = e.sortDate >= since && e.sortDate <= until && dyadDirection(precedent, e) !== null;
    if (!answers && !inWindow) continue;
    seen.add(e.id);
    const day = isDay(e.date) ? e.date : null;
    out.push({
      id: e.id, date: e.date, sortDate: e.sortDate,
      daysAfter: dayNumber(day && pDay ? day : e.sortDate) - dayNumber(day && pDay ? pDay : precedent.sortDate), approximate: !(day && pDay),
      type: e.type, mode: e.mode, intensity: e.intensity, negated: e.negated, modality: e.modality, source: e.source, target: e.target, quote: e.quote,
      url: entry.reports[0]?.url ?? null, answersPrecedent: answers,
      respondsTo: entry.respondsTo.map((l) => ({ id: l.respondsTo, rule: l.rule, confidence: l.confidence, cue: l.cue })),
    });
  }
  return out.sort((a, b) => a.daysAfter - b.daysAfter || a.sortDate.localeCompare(b.sortDate) || a.id - b.id);
}

/**
 * Drops the event's own crisis from the candidates (outsideCrisis; exchange: ids from
 * exchangeIds, default the links the event's entry carries), ranks the rest and attaches what
 * followed each (from pool), up to the crisis start.
 */
export function buildPrecedents(event: TimelineEntry, candidates: TimelineEntry[], pool: TimelineEntry[], options: { days?: number; limit?: number; exchange?: ReadonlySet<number> } = {}): PrecedentsResult {
  const days = options.days ?? DEFAULT_FOLLOW_DAYS;
  const exchange = options.exchange ?? exchangeIds(event.event.id, event.respondsTo);
  const ranked = rankPrecedents(event, outsideCrisis(event, candidates, exchange), options.limit ?? DEFAULT_PRECEDENT_LIMIT);
  const before = crisisStart(event.event);
  return { event, days, precedents: ranked.map((m) => ({ ...m, followed: whatFollowed(m.entry.event, pool, days, before) })) };
}

/** The `readout precedents --json` shape (events as in the timeline contract, ids as ev42). */
export function precedentsJson(result: PrecedentsResult) {
  return {
    event: toJson(result.event),
    days: result.days,
    precedents: result.precedents.map((p) => ({
      event: toJson(p.entry), direction: p.direction, wording: p.wording, score: p.score,
      followed: p.followed.map((f) => ({ ...f, id: eventRef(f.id), respondsTo: f.respondsTo.map((l) => ({ ...l, id: eventRef(l.id) })) })),
    })),
  };
}
