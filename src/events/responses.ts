// Response links between merged events: which earlier event an event answers.
//
// Rules, strongest first (one link per answered event; the best rule wins):
// - in-article (0.95): a report's respondsTo names another event of its article, and that
//   event's report belongs to the earlier merged event;
// - cue (0.6–0.9): a report carries an explicit response cue ("in response to", "rebuked",
//   "dismissed", "replied") and an earlier event within RESPONSE_WINDOW_DAYS involves the same
//   pair of actors (the responder acts on the earlier event's source, or speaks as its target)
//   on the same issue;
// - reciprocity (0.5–0.59, always below a cued link): no cue, but the target of the earlier
//   event acts toward its source within the window (the dyad reversed) on the same issue.
// Same issue = content-word overlap of quotes/sentences (see identity.ts) or a type pair that
// reads as stimulus → answer (offer → reject, accuse → reject, threaten → threaten …).
import type { EventType } from '../analyze/types.js';
import { actorAgreement, textSimilarity } from './identity.js';
import { dayNumber } from './text.js';
import type { EventReport, MergedEvent, ResponseLink, ResponseRule } from './types.js';

export const RESPONSE_WINDOW_DAYS = 7;
export const MIN_RESPONSE_CONFIDENCE = 0.5;
/** Below the cue rule's lowest confidence (0.6): an inferred link never outranks a cued one. */
const RECIPROCITY_MAX = 0.59;

const OFFERS: EventType[] = ['AID', 'COOPERATE', 'CONSULT', 'AGREE', 'SUPPORT', 'CONCEDE', 'RETREAT'];
const ANSWERS: Partial<Record<EventType, EventType[]>> = {
  REQUEST: ['AGREE', 'REJECT', 'CONCEDE', 'CONSULT', 'AID', 'RETREAT', 'STATEMENT'],
  ACCUSE: ['REJECT', 'ACCUSE', 'PROTEST', 'THREATEN', 'STATEMENT'],
  THREATEN: ['THREATEN', 'PROTEST', 'ACCUSE', 'REJECT', 'MOBILIZE', 'SANCTION'],
  SANCTION: ['PROTEST', 'SANCTION', 'ACCUSE', 'REJECT', 'THREATEN'],
  PROTEST: ['REJECT', 'ACCUSE', 'STATEMENT', 'CONCEDE'],
  MOBILIZE: ['PROTEST', 'THREATEN', 'MOBILIZE', 'ACCUSE'],
  COERCE: ['PROTEST', 'ACCUSE', 'THREATEN', 'SANCTION'],
  ASSAULT: ['PROTEST', 'ACCUSE', 'THREATEN', 'ASSAULT', 'SANCTION'],
  REJECT: ['ACCUSE', 'PROTEST', 'THREATEN', 'REJECT'],
  STATEMENT: ['REJECT', 'ACCUSE', 'PROTEST'],
};
for (const t of OFFERS) ANSWERS[t] = ['AGREE', 'REJECT', 'CONSULT', 'COOPERATE', 'REQUEST', 'STATEMENT'];

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** True when `answer` reads as a reply to `stimulus` by type alone. */
export function typePair(stimulus: EventType, answer: EventType): boolean {
  return ANSWERS[stimulus]?.includes(answer) ?? false;
}

export interface LinkableEvent {
  event: MergedEvent;
  reports: EventReport[];
}

/** True when the two actors agree (same id, institution or country). */
function same(a: EventReport['source'] | null, b: EventReport['source'] | null): boolean {
  if (!a || !b) return false;
  const s = actorAgreement(a, b);
  return s !== null && s >= 0.7;
}

/** Best text similarity of any report of one event with any report of the other. */
function issueSimilarity(a: LinkableEvent, b: LinkableEvent): number {
  let best = 0;
  for (const ra of a.reports.slice(0, 8)) for (const rb of b.reports.slice(0, 8)) best = Math.max(best, textSimilarity(ra, rb));
  return best;
}

/** True when `earlier` comes before `later` (date, then first seen, then id): links never run backwards. */
function before(earlier: MergedEvent, later: MergedEvent): boolean {
  const d = dayNumber(later.sortDate) - dayNumber(earlier.sortDate);
  if (d !== 0) return d > 0 && d <= RESPONSE_WINDOW_DAYS;
  return earlier.firstSeen < later.firstSeen || (earlier.firstSeen === later.firstSeen && earlier.id < later.id);
}

/**
 * Whether `responder` may answer `candidate` by the cue or reciprocity rule, judged on dates and
 * actors alone: a necessary condition linkResponses checks first, so a store can skip loading
 * the reports of events that fail it.
 */
export function mayAnswer(responder: MergedEvent, candidate: MergedEvent): boolean {
  if (candidate.id === responder.id || !before(candidate, responder)) return false;
  return same(responder.target, candidate.source) || same(responder.source, candidate.target);
}

/**
 * The links from `responder` to the events it answers, among `candidates` (any events around
 * it; those not before it are ignored). `mergedOf(articleId, eventId)` maps an in-article event
 * id to its merged event. At most one link per answered event; the cue and reciprocity rules
 * keep only their best candidate.
 */
export function linkResponses(
  responder: LinkableEvent,
  candidates: LinkableEvent[],
  mergedOf: (articleId: number, eventId: string) => number | null,
): ResponseLink[] {
  const e = responder.event;
  const links = new Map<number, ResponseLink>();
  const add = (link: ResponseLink) => {
    const prev = links.get(link.respondsTo);
    if (!prev || prev.confidence < link.confidence) links.set(link.respondsTo, link);
  };
  const earlier = new Map(candidates.filter((c) => c.event.id !== e.id && before(c.event, e)).map((c) => [c.event.id, c]));

  for (const r of responder.reports) {
    if (!r.respondsTo) continue;
    const target = mergedOf(r.articleId, r.respondsTo);
    // Even a link the text states must not point forward in time.
    const answered = candidates.find((c) => c.event.id === target);
    if (target !== null && target !== e.id && (!answered || before(answered.event, e))) {
      add({ eventId: e.id, respondsTo: target, rule: 'in-article', confidence: 0.95, articleId: r.articleId, sentence: r.sentence, cue: r.responseCue });
    }
  }

  const cued = responder.reports.find((r) => r.responseCue && !r.respondsTo);
  let best: ResponseLink | null = null;
  let bestStrength = 0;
  for (const c of earlier.values()) {
    if (links.has(c.event.id)) continue;
    const p = c.event;
    const actsOnSource = same(e.target, p.source); // answers the speaker
    const speaksAsTarget = same(e.source, p.target); // answers as the one addressed
    if (!actsOnSource && !speaksAsTarget) continue;
    const sim = issueSimilarity(responder, c);
    const pair = typePair(p.type, e.type);
    let rule: ResponseRule;
    let strength: number;
    if (cued) {
      if (sim < 0.1 && !pair) continue;
      rule = 'cue';
      strength = 0.6 + (actsOnSource && speaksAsTarget ? 0.1 : 0) + 0.2 * Math.min(1, sim * 2);
    } else {
      if (!(actsOnSource && speaksAsTarget)) continue;
      if (sim < 0.15 && !pair) continue;
      rule = 'reciprocity';
      strength = 0.35 + (pair ? 0.2 : 0) + 0.3 * Math.min(1, sim * 2);
    }
    strength = round2(Math.min(0.9, strength));
    if (strength < MIN_RESPONSE_CONFIDENCE) continue;
    // A link inferred from the exchange alone is shown scaled from 0.5–0.85 into 0.5–0.59, below any the text cues.
    const confidence = rule === 'cue' ? strength : round2(MIN_RESPONSE_CONFIDENCE + ((strength - MIN_RESPONSE_CONFIDENCE) * (RECIPROCITY_MAX - MIN_RESPONSE_CONFIDENCE)) / (0.85 - MIN_RESPONSE_CONFIDENCE));
    const evidence = (cued ?? responder.reports[0])!;
    const link: ResponseLink = { eventId: e.id, respondsTo: p.id, rule, confidence, articleId: evidence.articleId, sentence: evidence.sentence, cue: cued?.responseCue ?? null };
    if (!best || strength > bestStrength || (strength === bestStrength && p.sortDate > (earlier.get(best.respondsTo)?.event.sortDate ?? ''))) [best, bestStrength] = [link, strength];
  }
  if (best) add(best);
  return [...links.values()].sort((a, b) => a.respondsTo - b.respondsTo);
}
