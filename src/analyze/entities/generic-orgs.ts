// Generic institution phrases ("the foreign ministry", "parliament") resolved to the institution
// of the country the context gives: a possessive or adjective right before, else the article's
// main country.
import { normalizeName } from '../../registry/normalize.js';
import type { Actor, Registry } from '../../registry/types.js';

export interface GenericIndex {
  phrases: Map<string, Actor[]>;
  /** Leading parts of the phrases, to stop extending a candidate early. */
  prefixes: Set<string>;
}

const cache = new WeakMap<Registry, GenericIndex>();

export function genericIndex(registry: Registry): GenericIndex {
  let idx = cache.get(registry);
  if (!idx) {
    const phrases = new Map<string, Actor[]>();
    const prefixes = new Set<string>();
    for (const a of registry.all()) {
      for (const g of a.generic ?? []) {
        const key = normalizeName(g);
        for (let n = 1; n <= key.length; n++) prefixes.add(key.slice(0, n));
        const list = phrases.get(key) ?? [];
        list.push(a);
        phrases.set(key, list);
      }
    }
    idx = { phrases, prefixes };
    cache.set(registry, idx);
  }
  return idx;
}
