// A document speaks for whoever issued it. "The statement says, …" after "The foreign ministry
// issued a statement" is the ministry speaking; left as "The statement", the quote has no speaker
// a desk can file and the event coder takes a document for an actor. The issuer is the actor
// that issued, released or published such a document, or whose document it is ("the ministry's
// statement", "a statement by the ministry"), at most a few sentences back.
import type { Entity, EntityIndex, Mention } from '../types.js';

/** How far back (characters) an issuing sentence is looked for. */
const LOOK_BACK = 600;
/** An issuer is named right before its verb or its "'s" (a few words at most). */
const NEAR = 60;

const ACTOR_TYPES = new Set<Entity['type']>(['person', 'organization', 'country']);

interface Placed {
  e: Entity;
  m: Mention;
}

/**
 * The actor behind the document a phrase names ("the statement", "the report"), issued before
 * `at`; null when the text does not say who issued one. `heads`: the document nouns.
 */
export function issuerOf(text: string, at: number, phrase: string, heads: readonly string[], entities: EntityIndex): Entity | null {
  const head = heads.find((h) => new RegExp(`\\b${h}$`, 'i').test(phrase.trim()));
  if (!head) return null;
  const from = Math.max(0, at - LOOK_BACK);
  const window = text.slice(from, at);
  const placed: Placed[] = entities.entities
    .filter((e) => ACTOR_TYPES.has(e.type))
    .flatMap((e) => e.mentions.map((m) => ({ e, m })))
    .filter((p) => p.m.start >= from && p.m.end <= at)
    .sort((a, b) => a.m.start - b.m.start);
  const noun = `(?:[\\w-]+\\s+){0,3}?${head}s?\\b`;
  let found: Entity | null = null;
  let foundAt = -1;
  const consider = (e: Entity | null | undefined, pos: number): void => {
    if (e && pos > foundAt) [found, foundAt] = [e, pos];
  };
  // "X issued a statement", "X on Thursday released its report".
  for (const m of window.matchAll(new RegExp(`\\b(?:issued|released|published|put out|sent|posted|made public)\\s+(?:(?:a|an|the|its|his|her|their)\\s+)?${noun}`, 'gi'))) {
    const verb = from + m.index;
    consider(nearestBefore(placed, verb), verb);
  }
  // "a statement (issued) by X", "the report from X".
  for (const m of window.matchAll(new RegExp(`\\b${head}s?\\s+(?:issued\\s+|released\\s+|published\\s+)?(?:by|from)\\s+`, 'gi'))) {
    const after = from + m.index + m[0].length;
    consider(placed.find((p) => p.m.start >= after && p.m.start - after <= 10)?.e, from + m.index);
  }
  // "the ministry's statement".
  for (const m of window.matchAll(new RegExp(`['’]s\\s+${noun}`, 'gi'))) {
    const apostrophe = from + m.index;
    consider(placed.find((p) => p.m.end === apostrophe)?.e, apostrophe);
  }
  return found;
}

/** The actor named last before `pos` (within NEAR); of nested mentions ending there, the outermost ("Foreign Ministry of Chile", not "Chile"). */
function nearestBefore(placed: Placed[], pos: number): Entity | undefined {
  let best: Placed | undefined;
  for (const p of placed) {
    if (p.m.end > pos || pos - p.m.end > NEAR) continue;
    if (!best || p.m.end > best.m.end || (p.m.end === best.m.end && p.m.start < best.m.start)) best = p;
  }
  return best?.e;
}
