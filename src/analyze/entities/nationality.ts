// Which country the words at a position state: a country's name, its nationality adjective
// ("Kenyan"), a possessive ("Kenya's", "Nairobi's"), read off the registry mentions of the text.
import type { Actor, Registry } from '../../registry/types.js';
import type { Segmented } from '../types.js';
import type { RawMention } from './mention-types.js';
import { isPossessive } from './tokens.js';

/** Registry mentions of one article indexed by their first and last token. */
export interface TextActors {
  seg: Segmented;
  registry: Registry;
  byStart: Map<number, RawMention>;
  byEnd: Map<number, RawMention>;
}

export function textActors(seg: Segmented, registry: Registry, found: RawMention[]): TextActors {
  const byStart = new Map<number, RawMention>();
  const byEnd = new Map<number, RawMention>();
  for (const m of found) {
    byStart.set(m.tokStart, m);
    byEnd.set(m.tokEnd, m);
  }
  return { seg, registry, byStart, byEnd };
}

/** The registry actor a mention names, whichever of its hits it resolves to (countries share none). */
export function actorOf(t: TextActors, m: RawMention): Actor | undefined {
  return t.registry.get(m.actorId ?? m.hits[0]?.actorId ?? '');
}

/** The country a mention names as a country (name, alias, demonym, capital), else null. */
export function countryOf(t: TextActors, m: RawMention): string | null {
  const a = actorOf(t, m);
  return a?.type === 'country' && m.hits.some((h) => h.via !== 'surname' && h.via !== 'generic') ? a.country : null;
}

export interface StatedCountry {
  country: string;
  /** First token of the words that state it ("Kenya" of "Kenya's"). */
  tokStart: number;
  /** Stated as "X's" (a possessive), which also works for capitals ("Nairobi's envoy"). */
  possessive: boolean;
}

/**
 * A country stated by the words ending right before token `end`: "Kenyan", "Kenya", "Kenya's", "the
 * Kenyan". A capital counts only as a possessive: "Nairobi's foreign ministry", not "in Nairobi".
 */
export function countryEndingAt(t: TextActors, end: number): StatedCountry | null {
  const toks = t.seg.tokens;
  const possessive = end > 0 && isPossessive(toks[end - 1]!);
  const m = t.byEnd.get(possessive ? end - 1 : end);
  if (!m) return null;
  const country = countryOf(t, m);
  if (!country) return null;
  if (!possessive && m.hits.every((h) => h.via === 'metonym')) return null;
  return { country, tokStart: m.tokStart, possessive };
}

/** The last country stated in token range [from, to) (names, demonyms, possessives), else null. */
export function lastCountryIn(t: TextActors, from: number, to: number): StatedCountry | null {
  for (let k = to; k > from; k--) {
    const c = countryEndingAt(t, k);
    if (c && c.tokStart >= from) return c;
  }
  return null;
}

/** A leading nationality in a phrase's words ("kenyan foreign minister", "kenya's president"), and the rest. */
export function statedNationality(registry: Registry, words: string[]): { country: string | null; rest: string[] } {
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    const surface = words.slice(0, n).join(' ').replace(/['’]s$/, '');
    for (const h of registry.lookup(surface)) {
      const a = registry.get(h.actorId);
      if (a?.type === 'country' && h.via !== 'surname' && h.via !== 'generic') return { country: a.country, rest: words.slice(n) };
    }
  }
  return { country: null, rest: words };
}
