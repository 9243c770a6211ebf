// One report per happening per article. A news article names its main act in the headline, again
// in the lede and again further down ("Minister warns…", "The minister on Tuesday warned…", "as
// the minister warned…"); coded sentence by sentence that is three events, and a desk's timeline
// fills with copies. Mentions of one act by one actor are folded into the first mention (the headline or lede,
// which frames it), which keeps the other sentences as evidence and takes the most precise date
// any of them gives.
//
// Two mentions are one happening when they have the same source, the same type and negation, no
// conflicting target (one may leave it out) and no conflicting date (a day and its month agree; a
// mention without a date of its own agrees with any). A speaker's statements on one occasion are
// one happening too: statement-type events (saying.ts) of one source with the same date and
// target are one occasion under the first mention's type. And a statement is one happening with
// what it says: "X said it is examining plans for a strike" or "X urged … and warned …" codes
// several triggers of one source in one sentence, and the first (the main clause, nearest its
// subject) frames it; two acts of one actor in one sentence ("captured … then freed") stay two.
// Last, a claim in the body that nothing dates is evidence of its source's headline, lede or
// dated report toward the same country (foldUndatedMentions).
import type { AnalysisEvent, EventActor } from '../types.js';
import { SAYING_TYPES as SAYING } from './saying.js';

/** An actor's identity for comparison: the registry entity, else the name, else the country alone. */
function identity(a: EventActor | null): string | null {
  if (!a) return null;
  if (a.entityId) return `id:${a.entityId}`;
  if (a.name) return `name:${a.name.toLowerCase()}`;
  return a.country ? `country:${a.country}` : null;
}

/** One named actor (not just two actors of one country: a government and its rebels are two). */
function sameActor(a: EventActor | null, b: EventActor | null): boolean {
  const ia = identity(a);
  return !!ia && !/^(?:id:)?country:/.test(ia) && ia === identity(b);
}

/** Partial dates agree when one is a prefix of the other ("2017-08" and "2017-08-08"), or one is unknown. */
function datesAgree(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  return a.startsWith(b) || b.startsWith(a);
}

/** The more precise of two agreeing dates. */
const finer = (a: string | null, b: string | null): string | null => ((b?.length ?? 0) > (a?.length ?? 0) ? b : a);

function oneHappening(first: AnalysisEvent, later: AnalysisEvent, firstDate: string | null, speaksOnSeveralDays: Set<string>): boolean {
  const source = identity(first.source);
  const laterSource = identity(later.source);
  if (!source || !laterSource) return sourcelessMention(first, later, firstDate);
  if (source !== laterSource) return false;
  if (sameOccasion(first, later, firstDate) && (isDay(later.date) || !speaksOnSeveralDays.has(source))) return true;
  const t1 = identity(first.target);
  const t2 = identity(later.target);
  if (t1 && t2 && t1 !== t2) return false;
  if (sameSentence(first, later) && (SAYING.has(first.type) || SAYING.has(later.type))) return true;
  return first.type === later.type && !!first.negated === !!later.negated && datesAgree(firstDate, later.date);
}

/** A statement-type event, or an act named in the speaker's own quoted words: part of what they said. */
const spoken = (e: AnalysisEvent): boolean => SAYING.has(e.type) || !!e.quote;

/**
 * One speaker's words in one article are one occasion whatever each claim is coded as: a speech,
 * a briefing or a statement is reported over several sentences and quotes, and a claim without
 * a day of its own belongs to it, unless the article gives the speaker words on several days
 * (then which one is not known). Without quoted words to tie them, addressees in two countries
 * make two occasions.
 */
function sameOccasion(first: AnalysisEvent, later: AnalysisEvent, firstDate: string | null): boolean {
  if (!spoken(first) || !spoken(later) || !datesAgree(firstDate, later.date)) return false;
  return !!first.quote || !!later.quote || sameCountry(first.target, later.target);
}

/** Targets that do not conflict: one is missing, or both are in one country (a state and its leader). */
function sameCountry(a: EventActor | null, b: EventActor | null): boolean {
  if (!a || !b || identity(a) === identity(b)) return true;
  return !!a.country && a.country === b.country;
}

/**
 * A mention that names no actor ("44 soldiers were killed in the attack") is the article's act of
 * that type which it does not contradict: the same type and negation, an agreeing date, and no
 * target in another country.
 */
function sourcelessMention(first: AnalysisEvent, later: AnalysisEvent, firstDate: string | null): boolean {
  if (first.type !== later.type || !!first.negated !== !!later.negated || !datesAgree(firstDate, later.date)) return false;
  const c1 = first.target?.country;
  const c2 = later.target?.country;
  return !c1 || !c2 || c1 === c2;
}

const isDay = (d: string | null): boolean => d?.length === 10;

/** The speakers whose words the article dates to two days or more. */
function speakersOnSeveralDays(events: AnalysisEvent[]): Set<string> {
  const days = new Map<string, Set<string>>();
  for (const e of events) {
    const who = identity(e.source);
    if (who && spoken(e) && isDay(e.date)) days.set(who, (days.get(who) ?? new Set()).add(e.date!));
  }
  return new Set([...days].filter(([, d]) => d.size > 1).map(([who]) => who));
}

/** Same source in the same sentence (with a statement among the two, see the header). */
const sameSentence = (a: AnalysisEvent, b: AnalysisEvent): boolean => !!a.sentence && a.sentence.start === b.sentence?.start;

/**
 * Folds later mentions of a happening into its first mention, in text order. The kept event
 * gets the most precise agreeing date, the first target and quote any mention gives, and the
 * folded mentions' sentences as `evidence`. Within one sentence a bare STATEMENT ("X said …")
 * gives way to the specific act that follows ("… it would retaliate"). Undated claims after
 * `ledeEnd` may then fold into a report of their source (foldUndatedMentions). `homeOf`
 * receives, for every event, the kept report it ended up in.
 */
export function oneReportPerHappening(events: AnalysisEvent[], ledeEnd = Infinity, homeOf = new Map<AnalysisEvent, AnalysisEvent>()): AnalysisEvent[] {
  const severalDays = speakersOnSeveralDays(events);
  const kept: AnalysisEvent[] = [];
  for (const e of events) {
    const at = kept.findIndex((k) => oneHappening(k, e, k.date, severalDays));
    if (at < 0) {
      kept.push(e);
      homeOf.set(e, e);
      continue;
    }
    const home = kept[at]!;
    // A bare STATEMENT gives way to what it says, or to the first claim the occasion is coded as.
    if (home.type === 'STATEMENT' && e.type !== 'STATEMENT' && (sameSentence(home, e) || SAYING.has(e.type))) {
      kept[at] = absorb(e, home);
      for (const [x, h] of homeOf) if (h === home) homeOf.set(x, e);
      homeOf.set(e, e);
    } else {
      absorb(home, e);
      homeOf.set(e, home);
    }
  }
  return foldUndatedMentions(kept, ledeEnd, homeOf);
}

/**
 * A claim in the article's body that nothing dates ("Mattis has long said he prefers talks",
 * "the missiles were designed to …") is background or elaboration of what the article reports:
 * when the headline, the lede or a dated sentence gives the same source an act toward the same
 * country (or none), the claim is that report's evidence, not a happening of its own on the
 * publication day.
 */
function foldUndatedMentions(kept: AnalysisEvent[], ledeEnd: number, homeOf: Map<AnalysisEvent, AnalysisEvent>): AnalysisEvent[] {
  const inBody = (e: AnalysisEvent) => !e.date && (e.sentence?.start ?? 0) >= ledeEnd;
  const out: AnalysisEvent[] = [];
  for (const e of kept) {
    const source = identity(e.source);
    const home = source && inBody(e) ? kept.find((k) => !inBody(k) && identity(k.source) === source && sameCountry(k.target, e.target)) : undefined;
    if (!home) {
      out.push(e);
      continue;
    }
    // Only as evidence: a background claim does not lend the report its target, quote or cue.
    addEvidence(home, e);
    for (const [x, h] of homeOf) if (h === e) homeOf.set(x, home);
  }
  return out;
}

/** Adds what `other` knows of the happening to `into`. */
function absorb(into: AnalysisEvent, other: AnalysisEvent): AnalysisEvent {
  if (!identity(into.source) && identity(other.source)) {
    into.source = other.source;
    if (sameActor(into.target, into.source)) into.target = null;
  }
  into.date = finer(into.date, other.date);
  // Nobody acts on themselves: a later mention's target that is this report's source is not adopted.
  if (!into.target && other.target && !sameActor(other.target, into.source)) into.target = other.target;
  into.quote ??= other.quote;
  into.responseCue ??= other.responseCue;
  return addEvidence(into, other);
}

/** Adds `other`'s sentences to `into`'s evidence. */
function addEvidence(into: AnalysisEvent, other: AnalysisEvent): AnalysisEvent {
  const sentences = [...(other.sentence ? [other.sentence] : []), ...(other.evidence ?? [])];
  for (const s of sentences) {
    if (s.start !== into.sentence?.start && !into.evidence?.some((x) => x.start === s.start)) (into.evidence ??= []).push(s);
  }
  return into;
}
