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
// - What followed a precedent on day D: the events between the same two sides (either way, any
//   type) dated in (D, D + days], and any event linked as a response to it, in date order, each
//   with its type, intensity and the response links it has.
import { actorWords } from '../events/identity.js';
import { addDays, contentStems, dayNumber, jaccard, overlap } from '../events/text.js';
import { eventRef, toJson, type TimelineEntry } from '../events/timeline.js';
import type { ActorRef, MergedEvent, ResponseRule } from '../events/types.js';

export const DEFAULT_FOLLOW_DAYS = 14;
export const DEFAULT_PRECEDENT_LIMIT = 5;
export const REVERSE_WEIGHT = 0.6;
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

export interface FollowUp {
  id: number;
  date: string | null;
  sortDate: string;
  /** Days after the precedent's date. */
  daysAfter: number;
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

/** What followed a precedent: same dyad (either way) within (date, date + days], or linked as a response to it; date order. */
export function whatFollowed(precedent: MergedEvent, pool: TimelineEntry[], days = DEFAULT_FOLLOW_DAYS): FollowUp[] {
  const { since, until } = followWindow(precedent.sortDate, days);
  const seen = new Set<number>();
  const out: FollowUp[] = [];
  for (const entry of [...pool].sort((a, b) => a.event.sortDate.localeCompare(b.event.sortDate) || a.event.id - b.event.id)) {
    const e = entry.event;
    if (e.id === precedent.id || seen.has(e.id)) continue;
    const answers = entry.respondsTo.some((l) => l.respondsTo === precedent.id);
    const inWindow = e.sortDate >= since && e.sortDate <= until && dyadDirection(precedent, e) !== null;
    if (!answers && !inWindow) continue;
    seen.add(e.id);
    out.push({
      id: e.id, date: e.date, sortDate: e.sortDate, daysAfter: dayNumber(e.sortDate) - dayNumber(precedent.sortDate), type: e.type, mode: e.mode,
      intensity: e.intensity, negated: e.negated, modality: e.modality, source: e.source, target: e.target, quote: e.quote,
      url: entry.reports[0]?.url ?? null, answersPrecedent: answers,
      respondsTo: entry.respondsTo.map((l) => ({ id: l.respondsTo, rule: l.rule, confidence: l.confidence, cue: l.cue })),
    });
  }
  return out;
}

/** Ranks the candidates and attaches what followed each (from pool). */
export function buildPrecedents(event: TimelineEntry, candidates: TimelineEntry[], pool: TimelineEntry[], options: { days?: number; limit?: number } = {}): PrecedentsResult {
  const days = options.days ?? DEFAULT_FOLLOW_DAYS;
  const ranked = rankPrecedents(event, candidates, options.limit ?? DEFAULT_PRECEDENT_LIMIT);
  return { event, days, precedents: ranked.map((m) => ({ ...m, followed: whatFollowed(m.entry.event, pool, days) })) };
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
