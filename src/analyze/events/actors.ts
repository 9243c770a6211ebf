// Source and target of a trigger from the sentence around it: the subject of the trigger's clause
// (after "X said (that)"), the first non-locative entity after the trigger ("toward/with/against X"),
// passive and nominal "by X" agents, pronouns resolved through the EntityIndex, and the quote
// speaker when the trigger is inside quoted words.
import type { Entity, EntityIndex, EventType, Mention, Quote, Segmented, Span, Token } from '../types.js';
import { SAYING_TYPES } from './saying.js';
import { groupSubject, type GroupSubject } from './group-subject.js';

export interface Placed {
  e: Entity;
  m: Mention;
}

/** The title words between a nationality or country and the person it introduces: at most five words, no punctuation. */
const TITLE_GAP = /^(?:['’]s)?\s+(?:[\p{L}.-]+\s+){1,5}$/u;
const PREPS = new Set(['in', 'at', 'to', 'from', 'with', 'of', 'for', 'on', 'by', 'against', 'toward', 'towards', 'near', 'into', 'between', 'among', 'across', 'over', 'within', 'outside', 'about', 'like', 'than', 'via', 'under', 'after', 'before', 'since']);
const LOCATIVE = new Set(['in', 'at', 'near', 'from', 'across', 'within', 'outside', 'inside']);
const BE = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be', 'got', 'get', 'gets']);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we']);
const GROUP_PREPS = new Set(['in', 'of', 'from']);
/** Plural or collective nouns for people acting together ("groups in X", "officials from X"). */
const GROUP_NOUNS = new Set(['groups', 'group', 'officials', 'rebels', 'opposition', 'authorities', 'leaders', 'leadership', 'forces', 'troops',
  'protesters', 'demonstrators', 'activists', 'police', 'military', 'army', 'government', 'lawmakers', 'parties', 'militants', 'diplomats',
  'students', 'workers', 'farmers', 'residents', 'citizens', 'people', 'envoys', 'delegation', 'delegates', 'negotiators', 'ministers']);
const BOUNDARY = new Set(['that', ';', ':', 'but', 'while', 'whereas', 'because', 'after', 'before', 'when', 'which', 'who', 'whom', 'where']);

export interface ActorPick {
  source: Entity | null;
  target: Entity | null;
  /** The source came from the speaker of a quote (name only when the speaker has no entity). */
  speaker: Quote['speaker'] | null;
  /** No entity acts, but a group named by a common noun is the clause's subject ("Police fired …"). */
  group: GroupSubject | null;
  passive: boolean;
  /** Where the trigger's clause starts once an introductory "According to X, …" is skipped. */
  clauseFrom: number;
}

/** Entity mentions in text order (built once per article). */
export function placedMentions(entities: EntityIndex): Placed[] {
  return entities.entities
    .flatMap((e) => e.mentions.map((m) => ({ e, m })))
    .filter((x) => x.e.type !== 'other' || x.m.via === 'demonym')
    .sort((a, b) => a.m.start - b.m.start || b.m.end - a.m.end);
}

/** Mentions inside [start, end) without nested duplicates (a longer mention hides those inside it). */
export function mentionsIn(all: Placed[], start: number, end: number): Placed[] {
  const out: Placed[] = [];
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid]!.m.start < start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < all.length && all[i]!.m.start < end; i++) {
    const p = all[i]!;
    if (p.m.end > end) continue;
    const last = out.at(-1);
    if (last && p.m.start < last.m.end) continue;
    out.push(p);
  }
  return out;
}

const lower = (t: Token | undefined): string => t?.lower ?? '';

/**
 * `type`: the trigger's event type. A statement or a meeting is done somewhere rather than to a
 * place, so a place after "in", "at" or "from" is its venue and never its target ("warned Chile
 * from Lyon").
 */
export function pickActors(
  seg: Segmented, tokenIdx: number, trigEnd: number, inSentence: Placed[], entities: EntityIndex, quotes: Quote[], speechVerbs: Set<string>, type: EventType,
): ActorPick {
  const venues = SAYING_TYPES.has(type) || type === 'CONSULT';
  const toks = seg.tokens;
  const trig = toks[tokenIdx]!;
  const sent = seg.sentences[trig.sentence]!;
  /** The token right before position `pos` in the trigger's sentence (pos may lie before or after the trigger). */
  const tokenBefore = (pos: number): Token | undefined => {
    let k = tokenIdx;
    while (k > 0 && toks[k]!.start >= pos) k--;
    while (k + 1 < toks.length && toks[k + 1]!.start < pos) k++;
    return toks[k]!.start < pos && toks[k]!.sentence === trig.sentence ? toks[k] : undefined;
  };
  const prepBefore = (p: Placed): string => {
    const t = tokenBefore(p.m.start);
    return t && PREPS.has(lower(t)) ? lower(t) : '';
  };
  // Clause start: the last boundary ("that", ";", a speech verb) before the trigger.
  let clauseStart = sent.start;
  // "According to X, …" / "In a letter to X, …": the introduction holds no subject.
  const intro = /^(?:according to|in|at|on|after|following|during|under|amid|despite|in response to)\b[^,]{0,120},/i.exec(sent.text);
  if (intro && sent.start + intro[0].length <= trig.start) clauseStart = sent.start + intro[0].length;
  const clauseFrom = clauseStart;
  for (let k = tokenIdx - 1; k >= 0 && toks[k]!.sentence === trig.sentence && toks[k]!.start >= clauseFrom; k--) {
    const w = lower(toks[k]);
    if (BOUNDARY.has(w) || (speechVerbs.has(w) && k < tokenIdx - 1)) {
      clauseStart = toks[k]!.end;
      break;
    }
  }
  let k = tokenIdx - 1;
  while (k >= 0 && toks[k]!.sentence === trig.sentence && toks[k]!.pos === 'ADV') k--;
  const participle = /(?:ed|en|wn|ld|ht|nt|ck)$/i.test(trig.text) || SHORT_PARTICIPLES.has(trig.lower);
  // "was captured by X", and the reduced relative "a pilot captured by X" (participle, then "by").
  let afterTrig = tokenIdx + 1;
  while (afterTrig < toks.length && toks[afterTrig]!.start < trigEnd) afterTrig++;
  const byNext = lower(toks[afterTrig]) === 'by' && toks[afterTrig]!.sentence === trig.sentence;
  // "is in custody", "remains in Chile's custody", "under arrest": the subject is held, not holding.
  const heldAt = DONE_TO.has(type) ? heldState(toks, tokenIdx) : false;
  const held = heldAt !== false;
  const passive = held || (participle && ((k >= 0 && BE.has(lower(toks[k]))) || byNext || (DONE_TO.has(type) && reducedRelative(toks, k, tokenIdx + 1))));
  const before = inSentence.filter((p) => p.m.end <= trig.start);
  // A phrase trigger may hold its object ("rejected the US offer of talks"): look after its first word.
  const after = inSentence.filter((p) => p.m.start >= trig.end);
  const inClause = before.filter((p) => p.m.start >= clauseStart);
  // "Opposition groups in Zimbabwe are demanding": a group named by where it is from acts for that country.
  const groupOf = (xs: Placed[]): Entity | null => {
    for (const p of xs) {
      if (p.e.type !== 'country' || !GROUP_PREPS.has(prepBefore(p))) continue;
      const prep = tokenBefore(p.m.start);
      const head = prep ? tokenBefore(prep.start) : undefined;
      if (head && GROUP_NOUNS.has(head.lower)) return p.e;
    }
    return null;
  };
  const subjectOf = (xs: Placed[]): Entity | null => {
    // Places do not act (a capital standing for its government is already a country mention).
    // The word that opens the clause ("after Chile attacked") is its boundary, not a preposition of its subject.
    const i = xs.findIndex((p) => (!prepBefore(p) || (tokenBefore(p.m.start)?.end ?? 0) === clauseStart) && p.e.type !== 'place');
    if (i < 0) return groupOf(xs);
    // "North Korea's foreign ministry": the possessor names whose ministry; the ministry acts.
    const next = xs[i + 1];
    const gap = next ? seg.text.slice(xs[i]!.m.end, next.m.start) : '';
    if (next && /^['’]s?\s+(?:\p{Ll}+\s+){0,2}$/u.test(gap) && next.m.end <= trig.start) return next.e;
    // "Chilean foreign ministry spokeswoman Ana Ruiz": the nationality and title introduce the
    // person, who acts (when the text gives them that country: a person without one keeps it).
    if (next?.e.type === 'person' && xs[i]!.e.type !== 'person' && !!next.e.country && next.e.country === xs[i]!.e.country && TITLE_GAP.test(gap) && !/\b(?:and|or)\b/i.test(gap) && next.m.end <= trig.start) return next.e;
    return xs[i]!.e;
  };

  // "by X" within a few words after the trigger: the agent of a passive or of a noun ("a visit by X").
  let agent: Entity | null = null;
  for (let j = tokenIdx + 1; j < toks.length && j <= tokenIdx + 10 && toks[j]!.sentence === trig.sentence; j++) {
    if (lower(toks[j]) !== 'by' || toks[j]!.start < trigEnd) continue;
    const byEnd = toks[j]!.end;
    const by = after.find((p) => p.m.start >= byEnd && p.m.start - byEnd < 40)?.e ?? null;
    // Places do not act: "by the Yellow Sea" is where, and a place in an unknown name is no agent.
    agent = by?.type === 'place' ? null : by;
    break;
  }
  // Who holds: the possessor inside the phrase ("in Chile's custody") or "of X" after it.
  if (heldAt !== false && !agent) {
    const opener = toks[heldAt]!;
    agent = before.find((p) => p.m.start > opener.start && p.e.type !== 'place')?.e
      ?? (lower(toks[afterTrig]) === 'of' ? inSentence.find((p) => p.m.start >= toks[afterTrig]!.end && p.m.start - toks[afterTrig]!.end < 8 && p.e.type !== 'place')?.e : undefined)
      ?? null;
  }
  const quote = quotes.find((q) => q.start <= trig.start && trig.start < q.end && q.speaker && (q.kind !== 'indirect' || !inClause.length));

  let source: Entity | null = null;
  let subject = subjectOf(inClause);
  if (!subject) {
    let pron: Token | undefined;
    for (let j = tokenIdx - 1; j >= 0 && toks[j]!.sentence === trig.sentence && toks[j]!.start >= clauseStart; j--) {
      if (PRONOUNS.has(lower(toks[j]))) {
        pron = toks[j];
        break;
      }
    }
    if (pron && lower(pron) !== 'we') subject = entities.resolve(pron.text, pron.start, pron.end);
  }
  if (passive || (agent && !subject)) {
    source = agent;
  } else if (quote && quote.kind !== 'indirect') {
    source = null;
  } else {
    source = subject ?? subjectOf(before) ?? null;
  }
  let speaker: Quote['speaker'] | null = null;
  if (!source && quote?.speaker && !passive) {
    speaker = quote.speaker;
    source = speaker.entityId ? entities.entities.find((e) => e.id === speaker!.entityId) ?? null : null;
  }
  const sameSide = (e: Entity): boolean => !!source && (e === source || (e.country !== null && e.country === source.country && e.type !== 'place'));
  let target: Entity | null = null;
  if (passive) target = subject;
  if (!target) {
    const candidates = after.filter((p) => !sameSide(p.e) && (!passive || p.e !== agent));
    const where = (p: Placed): boolean => venues && p.e.type === 'place' && LOCATIVE.has(prepBefore(p));
    target = (candidates.find((p) => p.e.type !== 'place') ?? candidates.find((p) => !where(p)))?.e ?? null;
  }
  if (!target) target = before.filter((p) => !sameSide(p.e) && p.e !== source && p.e.type !== 'place').at(-1)?.e ?? null;
  // "Y must stop …, X said": whoever must is the one asked, and whoever says so asks (an
  // unattributed "Y must …" is asked by nobody the text names).
  if (lower(trig) === 'must' && subject && !passive) {
    const asked = subject;
    const q = quotes.find((x) => x.speaker && x.start <= trig.start && trig.start < x.end) ?? quotes.find((x) => x.speaker);
    const byQuote = q?.speaker?.entityId ? entities.entities.find((e) => e.id === q.speaker!.entityId) ?? null : null;
    const asker = byQuote ?? (q ? null : saidBy(seg, after, speechVerbs) ?? subjectOf(before.filter((p) => p.m.end <= clauseStart)));
    target = asked;
    source = asker === asked ? null : asker;
    speaker = !source && q?.speaker ? q.speaker : null;
  }
  const group = !source && !speaker && !passive ? groupSubject(seg, tokenIdx, clauseStart, inSentence) : null;
  return { source, target, speaker, group, passive, clauseFrom };
}

/**
 * "the pilot shot down over Kashmir", "soldiers killed in the attack": a participle right after a
 * common noun and followed by a preposition or the end of the phrase describes what was done to
 * the noun; an active verb ("the army shot down a drone") has its object there instead.
 */
function reducedRelative(toks: Token[], before: number, after: number): boolean {
  if (before < 0 || toks[before]!.pos !== 'NOUN') return false;
  let j = after;
  if (PARTICLES.has(lower(toks[j]))) j++;
  const next = toks[j];
  return !next || next.sentence !== toks[before]!.sentence || next.pos === 'ADP' || next.pos === 'PUNCT' || next.pos === 'CCONJ';
}

/** Acts done to a body or a freedom, which news names by their victims ("soldiers killed in …"). */
const DONE_TO: ReadonlySet<EventType> = new Set(['ASSAULT', 'COERCE']);

/** Participles the endings above miss ("shot down", "hit by"). */
const SHORT_PARTICIPLES = new Set(['shot', 'hit', 'cut', 'beat', 'hurt', 'shut', 'set', 'put']);

/**
 * The token index of "in" or "under" that opens a state phrase ending in the noun trigger ("in
 * custody", "in the custody", "in Chile's custody", "under arrest"), or false.
 */
function heldState(toks: Token[], tokenIdx: number): number | false {
  if (toks[tokenIdx]!.pos !== 'NOUN') return false;
  for (let j = tokenIdx - 1; j >= 0 && j >= tokenIdx - 5 && toks[j]!.sentence === toks[tokenIdx]!.sentence; j--) {
    const w = toks[j]!;
    if (w.lower === 'in' || w.lower === 'under') return j;
    if (!(w.pos === 'DET' || w.pos === 'PROPN' || w.pos === 'PART' || w.lower === "'s" || w.lower === '’s')) return false;
  }
  return false;
}

/** Particles of phrasal verbs ("shot down", "carried out"). */
const PARTICLES = new Set(['down', 'up', 'out', 'off', 'back']);

/** "…, X said": the first entity after the trigger that a speech verb follows. */
function saidBy(seg: Segmented, after: Placed[], speechVerbs: Set<string>): Entity | null {
  for (const p of after) {
    const next = seg.tokens.find((t) => t.start >= p.m.end);
    if (next && speechVerbs.has(next.lower)) return p.e;
  }
  return null;
}

const NAMED = new Set(['person', 'organization', 'country', 'place']);

/** Where a trigger word cannot stand for an act, in text order: dates and the names of actors and places. */
export function noTriggerSpans(dates: readonly Span[], placed: readonly Placed[]): Span[] {
  const names = placed.filter((p) => NAMED.has(p.e.type)).map((p) => p.m);
  return [...dates, ...names].sort((a, b) => a.start - b.start || b.end - a.end);
}
