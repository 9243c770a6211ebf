// Brief ranking: how an event item is ordered within its section. What makes an item key is how
// widely it is reported, who did or said it, and whether it is new — not how violent it is, so
// |intensity| is shown (parts.intensity) but carries no weight:
//
//   score = 0.40 · reports + 0.35 · actor + 0.25 · novelty      (0..1)
//
// - reports (coverage): min(1, log2(1 + outlets + (articles − outlets) / 2) / 3), with outlets
//   the distinct outlets reporting the event and articles its distinct reporting articles (a
//   second article of the same outlet counts half): 1 outlet 0.33, 3 outlets 0.67, 7+ → 1.
// - actor: max(rank(source), 0.5 · rank(target)) — who acts or speaks counts fully, whom it is
//   addressed to at half — with rank by actorWeigher: 1 heads of state or government (their
//   registry offices, or a registry person whose open role is president, prime minister,
//   premier, chancellor, supreme leader, king, chairman, general secretary); 0.9 foreign
//   ministries and foreign ministers (secretary of state, foreign secretary); 0.7 other
//   ministries, governments, legislatures, parties and ministers; 0.6 a country; 0.5 any other
//   registry actor; 0.3 an actor with a known country; 0.2 otherwise. The focus country earns no
//   extra rank (every item of a focused brief involves it, so it would rank nothing). 0 when the
//   source is unknown (an act nobody is named as doing is no key item, whoever it was done to).
// - novelty: 1 when the event was first reported within the window and is not a repeat of an
//   earlier merged event; 0.4 when it repeats one (an earlier event of the same type and dyad
//   whose precedent score, src/insights/precedents.ts, is ≥ REPEAT_SCORE: same direction with
//   wording similarity ≥ 0.5, or reversed with ≥ 0.77); 0.2 when it was first reported before
//   the window (old news dated into it).
// Ties: the later event first, then the higher id.
import type { TimelineEntry } from '../events/timeline.js';
import type { ActorRef } from '../events/types.js';
import { rankPrecedents } from '../insights/precedents.js';
import type { Actor } from '../registry/types.js';
import type { ScoreParts } from './types.js';

export const WEIGHTS = { reports: 0.4, actor: 0.35, novelty: 0.25 } as const;
/** The target's rank counts at this share of the source's. */
export const TARGET_SHARE = 0.5;
export const REPEAT_SCORE = 0.7;
export const RANKING_FORMULA =
  'score = 0.40·reports (min(1, log2(1 + outlets + further articles/2)/3): 1 outlet 0.33, 3 outlets 0.67, 7+ 1) ' +
  '+ 0.35·actor rank (max of source, half the target: heads of state/government 1, foreign ministries/ministers 0.9, other ministries/governments 0.7, countries 0.6) ' +
  '+ 0.25·novelty (1 new, 0.4 repeat of an earlier event, 0.2 first reported before the window); intensity is not weighted';

const HEAD = /\b(president|prime minister|premier|chancellor|supreme leader|king|queen|chairman|general secretary|head of state)\b/i;
const FOREIGN = /\b(foreign minister|minister (of|for) foreign affairs|secretary of state|foreign secretary)\b/i;
const MINISTER = /\bminister\b/i;
const DEPUTY = /\bvice\b|\bdeputy\b/i;

/** The rank of one registry actor (0.5 … 1). */
function registryRank(actor: Actor): number {
  if (actor.type === 'country') return 0.6;
  const kind = actor.kind ?? '';
  if (kind === 'head-of-state-office' || kind === 'head-of-government-office') return 1;
  const open = (actor.roles ?? []).filter((r) => !r.end).map((r) => r.title);
  if (actor.type === 'person' && open.some((t) => HEAD.test(t) && !DEPUTY.test(t))) return 1;
  if (kind === 'foreign-ministry' || open.some((t) => FOREIGN.test(t) && !DEPUTY.test(t))) return 0.9;
  if (/ministry$|^government$|^legislat|^party$/.test(kind) || open.some((t) => MINISTER.test(t))) return 0.7;
  return 0.5;
}

/** The rank of an actor without a registry: 0.3 with a known country, 0.2 with a name only, 0 for none. */
export function plainRank(a: ActorRef | null): number {
  return !a ? 0 : a.country ? 0.3 : 0.2;
}

/** An actor's rank (0..1) with a registry lookup (get): the best of its entity and institution. */
export function actorWeigher(get: (id: string) => Actor | undefined): (a: ActorRef | null) => number {
  return (a) => {
    let best = plainRank(a);
    for (const id of a ? [a.entityId, a.institution] : []) {
      const actor = id ? get(id) : undefined;
      if (actor) best = Math.max(best, registryRank(actor));
    }
    return best;
  };
}

/** The earlier event an entry repeats (best precedent scoring ≥ REPEAT_SCORE), or null. */
export function repeatOf(entry: TimelineEntry, earlier: TimelineEntry[]): TimelineEntry | null {
  const [best] = rankPrecedents(entry, earlier, 1);
  return best && best.score >= REPEAT_SCORE ? best.entry : null;
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;

/** Coverage: distinct outlets count fully, further articles of the same outlets half (an article without an outlet is its own). */
export function coverage(reportCount: number, outlets: number): number {
  const articles = Math.max(0, reportCount);
  const distinct = outlets > 0 ? Math.min(outlets, articles) : articles;
  return round3(Math.min(1, Math.log2(1 + distinct + (articles - distinct) / 2) / 3));
}

export function scoreParts(entry: TimelineEntry, since: string, repeated: boolean, weight: (a: ActorRef | null) => number): ScoreParts {
  const e = entry.event;
  const firstSeenBefore = e.firstSeen.slice(0, 10) < since;
  const named = !!(e.source.name || e.source.entityId || e.source.country);
  return {
    novelty: firstSeenBefore ? 0.2 : repeated ? 0.4 : 1,
    intensity: round3(Math.min(1, Math.abs(e.intensity) / 10)),
    actor: named ? round3(Math.max(weight(e.source), TARGET_SHARE * weight(e.target))) : 0,
    reports: coverage(e.reportCount, e.outlets.length),
  };
}

export function totalScore(p: ScoreParts): number {
  return round3(WEIGHTS.reports * p.reports + WEIGHTS.actor * p.actor + WEIGHTS.novelty * p.novelty);
}
