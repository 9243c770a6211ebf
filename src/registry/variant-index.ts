// Registry persons by the romanisation-folded key of their name and aliases (see variant-key.ts),
// built once with the registry so the analyzer's look-ups stay plain Map gets.
import type { Actor } from './types.js';
import { variantKey } from './variant-key.js';

/** A look-up from a name to the ids of persons whose name or an alias shares its variant key. */
export function variantIndex(actors: Iterable<Actor>): (name: string) => string[] {
  const byKey = new Map<string, string[]>();
  for (const a of actors) {
    if (a.type !== 'person') continue;
    for (const surface of [a.name, ...a.aliases]) {
      const key = variantKey(surface);
      if (!key) continue;
      const ids = byKey.get(key);
      if (!ids) byKey.set(key, [a.id]);
      else if (!ids.includes(a.id)) ids.push(a.id);
    }
  }
  return (name) => {
    const key = variantKey(name);
    return (key && byKey.get(key)) || [];
  };
}
