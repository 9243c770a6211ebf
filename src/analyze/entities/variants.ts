// Names in another romanisation (variant-key.ts): an unknown name that is a registry person's name
// spelt another way resolves to that person, and spellings of one unknown person in an article are
// one entity. Only people and untyped names fold: an organisation or place named like a person is
// not one, and vowel folding would merge different organisation names.
import { normalizeName } from '../../registry/normalize.js';
import type { Registry } from '../../registry/types.js';
import { variantKey } from '../../registry/variant-key.js';
import type { Draft } from './draft.js';
import type { RawMention } from './mention-types.js';

const foldable = (m: RawMention): boolean => m.type === 'person' || m.type === 'other';

/** Unknown runs whose variant key is that of exactly one registry person become mentions of that person. */
export function resolveVariants(unknown: RawMention[], registry: Registry): void {
  for (const m of unknown) {
    if (m.actorId || !foldable(m)) continue;
    const ids = registry.variantOf(m.text);
    const actor = ids.length === 1 ? registry.get(ids[0]!) : undefined;
    if (actor?.type !== 'person') continue;
    Object.assign(m, { actorId: actor.id, via: 'variant', type: 'person', country: actor.country, confidence: 3 });
  }
}

/** The draft key of an unknown person's name: its variant key, so its spellings meet; else null. */
export function variantDraftKey(m: RawMention): string | null {
  const key = m.type === 'person' ? variantKey(m.text) : null;
  return key ? `variant:${key}` : null;
}

/** A second spelling's words also find the entity from a surname-only mention ("Lee" after "Ri Son Gwon"). */
export function addNameTokens(d: Draft, text: string): void {
  for (const t of normalizeName(text).split(' ')) if (t && !d.nameTokens.includes(t)) d.nameTokens.push(t);
}
