// Brief ranking: how an event item is ordered within its section.
//
//   score = 0.35 · novelty + 0.30 · intensity + 0.20 · actor + 0.15 · reports      (0..1)
//
// - novelty: 1 when the event was first reported within the window and is not a repeat of an
//   earlier merged event; 0.4 when it repeats one (an earlier event of the same type and dyad
//   whose precedent score, src/insights/precedents.ts, is ≥ REPEAT_SCORE: same direction with
//   wording similarity ≥ 0.5, or reversed with ≥ 0.77); 0.2 when it was first reported before
//   the window (old news dated into it).
// - intensity: |intensity| / 10 (the Goldstein-style scale runs −10…+10).
// - actor: the higher of source and target by actorWeight: 1 the focus country; 0.9 heads of
//   state or government (their registry offices, or a registry person whose open role is
//   president, prime minister, premier, chancellor, supreme leader, king, chairman, general
//   secretary); 0.8 foreign ministries and foreign ministers (secretary of state, foreign
//   secretary); 0.6 other ministries, governments, legislatures, parties and ministers; 0.5 a
//   country; 0.4 any other registry actor; 0.3 an actor with a known country; 0.2 otherwise;
//   0 when the source is unknown (an act nobody is named as doing).
// - reports: min(1, log2(1 + distinct reporting articles) / 3): 1 report 0.33, 3 → 0.67, 7+ → 1.
// Ties: the later event first, then the higher id.
import type { TimelineEntry } from '../events/timeline.js';
import type { ActorRef } from '../events/types.js';
import { rankPrecedents } from '../insights/precedents.js';
import type { Actor } from '../registry/types.js';
import type { ScoreParts } from './types.js';

export const WEIGHTS = { novelty: 0.35, intensity: 0.3, actor: 0.2, reports: 0.15 } as const;
export const REPEAT_SCORE = 0.7;
export const RANKING_FORMULA =
  'score = 0.35·novelty (1 new, 0.4 repeat of an earlier event, 0.2 first reported before the window) + 0.30·|intensity|/10 ' +
  '+ 0.20·actor rank (focus country 1, heads of state/government 0.9, foreign ministries/ministers 0.8, other ministries 0.6, countries 0.5) ' +
  '+ 0.15·min(1, log2(1+reports)/3)';

const HEAD = /\b(president|prime minister|premier|chancellor|supreme leader|king|queen|chairman|general secretary|head of state)\b/i;
const FOREIGN = /\b(foreign minister|minister (of|for) foreign affairs|secretary of state|foreign secretary)\b/i;
const MINISTER = /\bminister\b/i;

/** The rank of one registry actor (0.4 … 0.9). */
function registryRank(actor: Actor): number {
  if (actor.type === 'country') return 0.5;
  const kind = actor.kind ?? '';
  if (kind === 'head-of-state-office' || kind === 'head-of-government-office') return 0.9;
  const open = (actor.roles ?? []).filter((r) => !r.end).map((r) => r.title);
  if (actor.type === 'person' && open.some((t) => HEAD.test(t) && !/\bvice\b|\bdeputy\b/i.test(t))) return 0.9;
  if (kind === 'foreign-ministry' || open.some((t) => FOREIGN.test(t) && !/\bvice\b|\bdeputy\b/i.test(t))) return 0.8;
  if (/ministry$|^government$|^legislat|^party$/.test(kind) || open.some((t) => MINISTER.test(t))) return 0.6;
  return 0.4;
}

/** actorWeight with a registry lookup (get) and an optional focus country. */
export function actorWeigher(get: (id: string) => Actor | undefined, focus: string | null): (a: ActorRef | null) => number {
  return (a) => {
    if (!a) return 0;
    if (focus && a.country?.toUpperCase() === focus) return 1;
    let best = a.country ? 0.3 : 0.2;
    for (const id of [a.entityId, a.institution]) {
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

export function scoreParts(entry: TimelineEntry, since: string, repeated: boolean, weight: (a: ActorRef | null) => number): ScoreParts {
  const e = entry.event;
  const firstSeenBefore = e.firstSeen.slice(0, 10) < since;
  return {
    novelty: firstSeenBefore ? 0.2 : repeated ? 0.4 : 1,
    intensity: round3(Math.min(1, Math.abs(e.intensity) / 10)),
    // An act nobody is named as doing is no key item, whoever it was done to.
    actor: e.source.name || e.source.entityId || e.source.country ? Math.max(weight(e.source), weight(e.target)) : 0,
    reports: round3(Math.min(1, Math.log2(1 + Math.max(0, e.reportCount)) / 3)),
  };
}

export function totalScore(p: ScoreParts): number {
  return round3(WEIGHTS.novelty * p.novelty + WEIGHTS.intensity * p.intensity + WEIGHTS.actor * p.actor + WEIGHTS.reports * p.reports);
}
