// Generic institution phrases ("the foreign ministry", "parliament") resolved to the institution
// of the country the context gives: a possessive or adjective right before, else the article's
// main country.
import { normalizeName } from '../../registry/normalize.js';
import type { Actor, Registry } from '../../registry/types.js';

const cache = new WeakMap<Registry, { phrases: Map<string, Actor[]>; maxWords: number }>();

export function genericIndex(registry: Registry): { phrases: Map<string, Actor[]>; maxWords: number } {
  let idx = cache.get(registry);
  if (!idx) {
    const phrases = new Map<string, Actor[]>();
    let maxWords = 1;
    for (const a of registry.all()) {
      for (const g of a.generic ?? []) {
        const key = normalizeName(g);
        maxWords = Math.max(maxWords, key.split(' ').length);
        const list = phrases.get(key) ?? [];
        list.push(a);
        phrases.set(key, list);
      }
    }
    idx = { phrases, maxWords };
    cache.set(registry, idx);
  }
  return idx;
}
