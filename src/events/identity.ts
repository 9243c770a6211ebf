// Event identity: do two reports tell the same real-world event? Hard constraints first (type,
// polarity, modality class, actors that agree, dates that agree), then a score mixing date
// closeness, actor specificity and token-set similarity of the quotes / evidence sentences.
//
// Rule (measured in identity.eval.test.ts on synthetic paraphrase / same-dyad pairs):
// - type: equal; a STATEMENT may match another type only when the words nearly coincide (≥ 0.5),
//   types of one family (AGREE/CONSULT/COOPERATE/SUPPORT; ACCUSE/REJECT/PROTEST) when they share
//   words (≥ 0.25), at a 0.05 score penalty;
// - negated equal; modality class equal (asserted ≈ reported; hypothetical and planned apart:
//   "would provide aid if…" is not the aid offer made);
// - source actors agree and target actors agree (same registry id, institution or country; a
//   missing target is allowed, a different one is not; two different registry people never agree,
//   whatever country or office they share);
// - one speaker's words a day apart at most are one occasion whatever type each outlet's sentence
//   gave (one writes "warned", another "said"): statement-type events (src/analyze/events/
//   saying.ts) and acts named in quotes, of one person, or of one government sharing quoted words
//   (a person and their government sharing most of them); two differently named people never
//   agree, whatever country they share;
// - dates: both day dates → at most 1 day apart; an undated report's anchor (its article's
//   published day) at most WINDOW_DAYS after a dated one, or two undated anchors that close;
// - score = 0.45·date + 0.2·actors + 0.35·text ≥ MATCH_THRESHOLD (0.55); an event's reports are
//   matched on average (merge.ts).
import { SAYING_TYPES } from '../analyze/events/saying.js';
import type { EventType } from '../analyze/types.js';
import type { ActorRef, EventReport } from './types.js';
import { contentStems, dayNumber, isDay, jaccard, overlap } from './text.js';
import { wordsOf, type ReportWords } from './words.js';

/** Anchors further apart than this never match (reports of an undated event, days later). */
export const WINDOW_DAYS = 3;
export const MATCH_THRESHOLD = 0.55;

/** How well two actor descriptions agree: 1 same id … 0.3 one side unknown; null when they conflict. */
export function actorAgreement(a: ActorRef | null, b: ActorRef | null): number | null {
  if (!a || !b) return a === b ? 1 : 0.5;
  if (a.entityId && b.entityId && a.entityId === b.entityId) return 1;
  // A spokesman's statement is not the national security adviser's, registry people or not.
  if (isPerson(a.entityId) && isPerson(b.entityId)) return null;
  if (differentNames(a, b)) return null;
  const ids = (x: ActorRef) => [x.entityId, x.institution].filter((v): v is string => !!v);
  const bIds = ids(b);
  if (ids(a).some((id) => bIds.includes(id))) return 0.9;
  if (a.country && b.country) return a.country === b.country ? 0.7 : null;
  const na = normName(a.name);
  const nb = normName(b.name);
  if (na && nb) return na === nb ? 0.8 : null;
  return 0.3;
}

const isPerson = (id: string | null): boolean => !!id && id.startsWith('person:');

/**
 * Two actors named differently, neither a registry country or institution ("Ana Ruiz" and
 * "Tomas Vidal", or either and a registry person): two speakers, whatever country they share.
 * A name that holds the other's words ("Ruiz", "Ana Ruiz") is the same one.
 */
function differentNames(a: ActorRef, b: ActorRef): boolean {
  // A proper name only: a role ("the spokesman") may be either of them.
  const named = (x: ActorRef) => !!x.name && /^\p{Lu}/u.test(x.name) && (!x.entityId || isPerson(x.entityId)) && !x.institution;
  if (!named(a) || !named(b)) return false;
  const wa = normName(a.name)!.split(' ');
  const wb = normName(b.name)!.split(' ');
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  return !short.every((w) => long.includes(w));
}

function normName(name: string | null): string | null {
  const n = name?.toLowerCase().replace(/^the\s+/, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return n ? n : null;
}

/** Types outlets use for the same act: an offer of talks is AGREE (intent) to one, CONSULT to another. */
const FAMILY: Partial<Record<EventType, string>> = { AGREE: 'coop', CONSULT: 'coop', COOPERATE: 'coop', SUPPORT: 'coop', ACCUSE: 'dissent', REJECT: 'dissent', PROTEST: 'dissent' };

/** The types a report of this type may merge with (typesCompatible without the words); null: any type (a STATEMENT). */
export function compatibleTypes(type: EventType): EventType[] | null {
  if (type === 'STATEMENT') return null;
  const family = FAMILY[type];
  const kin = family ? (Object.keys(FAMILY) as EventType[]).filter((t) => FAMILY[t] === family && t !== type) : [];
  const occasion = SAYING_TYPES.has(type) ? [...SAYING_TYPES].filter((t) => t !== type && !kin.includes(t)) : [];
  return [type, 'STATEMENT', ...kin, ...occasion.filter((t) => t !== 'STATEMENT')];
}

/**
 * One speaker's words at most a day apart: one occasion, whatever type each outlet's sentence
 * gave (one writes "warned", another "said", a third codes the act the quote names). A person
 * (registry or named in the text) speaks once a day as far as outlets tell; a government or a
 * ministry speaks many times a day, so its reports must also share quoted words (most of
 * them when one outlet names the person and the other only their government).
 */
function sameOccasion(a: EventReport, b: EventReport): boolean {
  if (!spoken(a) || !spoken(b)) return false;
  const day = (r: EventReport) => dayNumber(isDay(r.date) ? r.date : r.anchor);
  if (Math.abs(day(a) - day(b)) > 1) return false;
  const sa = speaker(a.source);
  if (sa && sa === speaker(b.source)) return true;
  if (!hasQuote(a) || !hasQuote(b)) return false;
  // One outlet names the government, another its spokeswoman: the same words make them one statement.
  const agree = actorAgreement(a.source, b.source);
  if (agree === null || agree < 0.7) return false;
  return quoteSimilarity(a, b) >= (agree === 1 ? SHARED_QUOTE : SAME_QUOTE);
}

/** Share of quoted words two outlets' quotes of one statement have in common, at least. */
const SHARED_QUOTE = 0.3;
/** … when one names the speaker and the other only their country or institution: most of the words. */
const SAME_QUOTE = 0.5;

/** A statement-type event, or an act named in a speaker's quoted words. */
const spoken = (r: EventReport): boolean => SAYING_TYPES.has(r.type) || hasQuote(r);

/** The report has quoted words: its quote, or (a light report rebuilt from a fingerprint, fingerprint.ts) their stems. */
const hasQuote = (r: EventReport): boolean => !!r.quote || wordsOf(r, reportWords).quote.size > 0;

/** A person, by registry id or by the name the text gives; null for governments and institutions. */
function speaker(x: ActorRef): string | null {
  return isPerson(x.entityId) ? x.entityId : !x.entityId && x.name ? `name:${normName(x.name)}` : null;
}

/** Two different types may be one event: a STATEMENT with nearly the same words, or one family with shared words. */
export function typesCompatible(a: EventType, b: EventType, text: number): boolean {
  if (a === 'STATEMENT' || b === 'STATEMENT') return text >= 0.5;
  return FAMILY[a] !== undefined && FAMILY[a] === FAMILY[b] && text >= 0.25;
}

/** asserted and reported are one class (how sure the outlet is); hypothetical and planned are others. */
export function modalityClass(m: EventReport['modality']): 'real' | 'hypothetical' | 'planned' {
  return m === 'hypothetical' ? 'hypothetical' : m === 'planned' ? 'planned' : 'real';
}

/** Names of the actors, left out of the word comparison (every report of a dyad repeats them). */
export function actorWords(r: Pick<EventReport, 'source' | 'target'>): string[] {
  const out: string[] = [];
  for (const a of [r.source, r.target]) if (a?.name) out.push(a.name);
  return out;
}

/** The words compared: the quote when there is one, the evidence sentence and trigger otherwise. */
export function reportWords(r: Pick<EventReport, 'quote' | 'sentence' | 'trigger' | 'source' | 'target'>): ReportWords {
  const exclude = actorWords(r);
  return { quote: contentStems(r.quote, exclude), sentence: contentStems(`${r.sentence} ${r.trigger ?? ''}`, exclude) };
}

/** Token-set similarity of two reports: the best of quote Jaccard and sentence similarity (words computed once per report, words.ts). */
export function textSimilarity(a: EventReport, b: EventReport): number {
  const wa = wordsOf(a, reportWords);
  const wb = wordsOf(b, reportWords);
  const quote = quoteSimilarity(a, b);
  const sentence = Math.max(jaccard(wa.sentence, wb.sentence), 0.6 * overlap(wa.sentence, wb.sentence));
  return Math.max(quote, sentence);
}

/** Token-set similarity of two reports' quotes; 0 when one has none. */
function quoteSimilarity(a: EventReport, b: EventReport): number {
  const wa = wordsOf(a, reportWords).quote;
  const wb = wordsOf(b, reportWords).quote;
  return wa.size && wb.size ? Math.max(jaccard(wa, wb), 0.8 * overlap(wa, wb)) : 0;
}

/**
 * Closeness of the two reports' dates, 0..1; null when they are too far apart to be one event.
 * An undated report is anchored on its published day, which comes on or after the event: against
 * a dated report it may lag 0..WINDOW_DAYS days, never precede (planned events aside).
 */
export function dateAgreement(a: Pick<EventReport, 'date' | 'anchor'>, b: Pick<EventReport, 'date' | 'anchor'>): number | null {
  const da = isDay(a.date);
  const db = isDay(b.date);
  if (da && db) {
    const d = Math.abs(dayNumber(a.date!) - dayNumber(b.date!));
    return d === 0 ? 1 : d === 1 ? 0.6 : null;
  }
  // A month or year date must contain the other side's date when both give one.
  if (a.date && b.date && !a.date.startsWith(b.date) && !b.date.startsWith(a.date)) return null;
  if (da || db) {
    const [dated, undated] = da ? [a, b] : [b, a];
    const lag = dayNumber(undated.anchor) - dayNumber(dated.anchor);
    if (!(lag >= -1 && lag <= WINDOW_DAYS)) return null;
    return lag < 0 ? 0.4 : [0.8, 0.7, 0.6, 0.4][lag]!;
  }
  const d = Math.abs(dayNumber(a.anchor) - dayNumber(b.anchor));
  if (!(d <= WINDOW_DAYS)) return null;
  return [0.8, 0.6, 0.45, 0.3][d]!;
}

export interface MatchResult {
  score: number;
  date: number;
  actors: number;
  text: number;
}

/** The match score of two reports, or null when a hard constraint rules the match out. */
export function matchReports(a: EventReport, b: EventReport): MatchResult | null {
  if (a.negated !== b.negated) return null;
  if (modalityClass(a.modality) !== modalityClass(b.modality)) return null;
  const text = textSimilarity(a, b);
  if (a.type !== b.type && !typesCompatible(a.type, b.type, text) && !sameOccasion(a, b)) return null;
  const date = dateAgreement(a, b);
  if (date === null) return null;
  const source = actorAgreement(a.source, b.source);
  if (source === null) return null;
  const target = actorAgreement(a.target, b.target);
  if (target === null) return null;
  const actors = (source + target) / 2;
  const score = 0.45 * date + 0.2 * actors + 0.35 * text - (a.type === b.type ? 0 : 0.05);
  return { score, date, actors, text };
}

/** True when the two reports are the same event. */
export function sameEvent(a: EventReport, b: EventReport): boolean {
  const m = matchReports(a, b);
  return m !== null && m.score >= MATCH_THRESHOLD;
}
