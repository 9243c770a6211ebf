// The EntityIndex later stages use: which entity a span names, and what a pronoun, surname or
// title-only phrase refers to, looking back from where it is written.
import { normalizeName } from '../../registry/normalize.js';
import type { Registry } from '../../registry/types.js';
import type { Entity, EntityIndex, Mention } from '../types.js';
import { toEntity, type Draft } from './draft.js';
import { statedNationality } from './nationality.js';
import { isHonorific, isRoleHead } from './title-lexicon.js';

const MALE = new Set(['he', 'him', 'his', 'himself']);
const FEMALE = new Set(['she', 'her', 'hers', 'herself']);
const PLURAL = new Set(['they', 'them', 'their', 'theirs', 'it', 'its']);
const DETERMINERS = /^(?:the|a|an|this|that|these|those|its|his|her|their)\s+/;

export function createEntityIndex(drafts: Draft[], registry: Registry, published: string | null): EntityIndex {
  const entities = drafts.map(toEntity);
  const draftOf = new Map<Entity, Draft>(entities.map((e, i) => [e, drafts[i]!]));
  const day = published?.slice(0, 10) ?? null;

  /** Most recent entity (by last mention before `pos`) that passes `ok`. */
  const lastBefore = (pos: number, ok: (e: Entity, d: Draft) => boolean): Entity | null => {
    let best: Entity | null = null;
    let bestAt = -1;
    for (const e of entities) {
      if (!ok(e, draftOf.get(e)!)) continue;
      for (const m of e.mentions) if (m.end <= pos && m.start > bestAt) [best, bestAt] = [e, m.start];
    }
    return best;
  };

  const roleMatches = (e: Entity, words: string[]): boolean => {
    const roles = [...e.roles, ...(e.id ? registryTitles(registry, e.id, day) : [])].map((r) => normalizeName(r));
    return roles.some((r) => words.every((w) => r.split(' ').includes(w)));
  };

  // Rebuilt lazily after addMention: at() is called once per quote cue, mentions change rarely.
  let sorted: { e: Entity; m: Mention }[] | null = null;
  const byStart = (): { e: Entity; m: Mention }[] =>
    (sorted ??= entities.flatMap((e) => e.mentions.map((m) => ({ e, m }))).sort((x, y) => x.m.start - y.m.start));

  return {
    entities,
    at(start, end) {
      // Mentions sorted by start; scan back from the last mention starting before `end`.
      const flat = byStart();
      let lo = 0;
      let hi = flat.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (flat[mid]!.m.start < end) lo = mid + 1;
        else hi = mid;
      }
      let best: Entity | null = null;
      let bestScore = -1;
      for (let k = lo - 1; k >= 0 && k >= lo - 64; k--) {
        const { e, m } = flat[k]!;
        if (m.end <= start) continue;
        const score = (e.type === 'person' ? 1000 : 0) + (m.end - m.start);
        if (score > bestScore) [best, bestScore] = [e, score];
      }
      return best;
    },
    resolve(phrase, start) {
      const p = normalizeName(phrase);
      if (MALE.has(p)) return lastBefore(start, (e, d) => e.type === 'person' && d.gender !== 'f');
      if (FEMALE.has(p)) return lastBefore(start, (e, d) => e.type === 'person' && d.gender !== 'm');
      if (PLURAL.has(p)) return lastBefore(start, (e) => e.type === 'organization' || e.type === 'country');
      const words = p.replace(DETERMINERS, '').split(' ').filter(Boolean);
      while (words.length > 1 && isHonorific(words[0]!)) words.shift(); // "Mr. Zarif"
      if (!words.length) return null;
      const byName = lastBefore(start, (e, d) => normalizeName(e.name) === words.join(' ') || (words.length === 1 && d.nameTokens.includes(words[0]!)));
      if (byName) return byName;
      // "the (Kenyan) foreign minister": the one person in play with that role (and nationality).
      const { country, rest } = statedNationality(registry, words);
      if (rest.length && isRoleHead(rest[rest.length - 1]!)) {
        const holders = entities.filter((e) => e.type === 'person' && (!country || e.country === country) && e.mentions.some((m) => m.end <= start) && roleMatches(e, rest));
        if (holders.length === 1) return holders[0]!;
        if (holders.length > 1) return null;
      }
      return lastBefore(start, (e) => e.type !== 'person' && normalizeName(e.name).includes(words.join(' ')));
    },
    addMention(entity: Entity, mention: Mention) {
      if (!entity.mentions.some((m) => m.start === mention.start && m.end === mention.end)) {
        entity.mentions.push(mention);
        entity.mentions.sort((x, y) => x.start - y.start);
        sorted = null;
      }
    },
  };
}

/** Titles the registry gives a person on the publication day (or ever, when the date is unknown). */
function registryTitles(registry: Registry, id: string, day: string | null): string[] {
  const roles = registry.get(id)?.roles ?? [];
  return roles
    .filter((r) => !day || ((!r.start || r.start.slice(0, day.length) <= day) && (!r.end || r.end >= day.slice(0, r.end.length))))
    .map((r) => r.title);
}
