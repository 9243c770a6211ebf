// Actors the clause picker finds (actors.ts) that the sentence's frame says are not the act's:
// a news outlet is never the actor of what it reports, nor what an act is done to; a noun after
// "after", "following" or "amid" names an earlier happening, not an act of the sentence's subject;
// and a noun's possessor is its actor ("Putin called Turkey's downing of the jet a stab in the
// back": Turkey downed the jet, Putin only spoke of it).
import type { Registry } from '../../registry/types.js';
import type { Entity } from '../types.js';
import { isNewsOutlet } from './actor-roll.js';
import type { ActorPick, Placed } from './actors.js';
import { SAYING_TYPES } from './saying.js';
import type { TriggerHit } from './triggers.js';

/** After, following, amid, since or in response to, and at most three words of the noun phrase. */
const BACK_REFERENCE = /\b(?:after|following|amid|since|over|in\s+the\s+wake\s+of|in\s+response\s+to|in\s+retaliation\s+for)\s+(?:[\p{L}\p{N}'’-]+\s+){0,3}$/iu;

/** Clears the source or target of `pick` where the frame rules it out. */
export function dropMisreadActors(pick: ActorPick, hit: TriggerHit, text: string, sentenceStart: number, near: Placed[], registry: Registry): void {
  // "AP reported that thousands rallied": only what an outlet says is its own act. A credit
  // ("… fired on the ships (AP)") or the outlet told ("told Reuters") is no target.
  if (pick.source && !SAYING_TYPES.has(hit.type) && isNewsOutlet(pick.source, registry)) pick.source = null;
  if (pick.target && isNewsOutlet(pick.target, registry)) pick.target = null;
  // "… called a meeting following the clash near Crimea": only the noun's own possessor acts ("after Russia's attack").
  const backReference = BACK_REFERENCE.test(text.slice(Math.max(sentenceStart, hit.start - 60), hit.start));
  if (!hit.verbal && pick.source && backReference && !isPossessor(text, near, hit.start, pick.source)) pick.source = null;
  const owner = hit.verbal ? undefined : near.find((p) => p.e.type !== 'place' && isPossessor(text, near, hit.start, p.e))?.e;
  // The same side named twice ("North Korea's foreign ministry statement") keeps the more specific actor.
  if (owner && owner !== pick.source && !(owner.country && owner.country === pick.source?.country)) {
    if (pick.target === owner) pick.target = null;
    pick.source = owner;
    pick.speaker = null;
    pick.group = null;
  }
}

/** The entity's mention ends with "'s" right before the trigger ("Russia's attack"). */
function isPossessor(text: string, near: Placed[], trigStart: number, e: Entity): boolean {
  return near.some((p) => p.e === e && p.m.end <= trigStart && /^['’]s?\s+(?:[\p{L}-]+\s+){0,2}$/u.test(text.slice(p.m.end, trigStart)));
}
