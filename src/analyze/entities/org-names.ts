// A country or region name can be the first word of a company or institution name ("Pacific Gold
// Corp", "Korea Development Bank"): such a hit yields to the longer organisation name.
import type { Registry } from '../../registry/types.js';
import type { Segmented } from '../types.js';
import type { EntityLexicon } from './lexicon.js';
import type { RawMention } from './mention-types.js';
import { isCapitalized } from './tokens.js';

const INSIDE = new Set(['of', 'and', '&', 'for']);

export function opensOrgName(seg: Segmented, m: RawMention, registry: Registry, lex: EntityLexicon): boolean {
  const type = registry.get(m.hits[0]!.actorId)?.type;
  if (type !== 'country' && type !== 'place') return false;
  const toks = seg.tokens;
  for (let k = m.tokEnd; k < Math.min(toks.length, m.tokEnd + 6); k++) {
    const t = toks[k]!;
    if (t.sentence !== m.sentence) return false;
    const w = t.lower;
    if (!isCapitalized(t) && !INSIDE.has(w)) return false;
    if (lex.orgHeads.has(w) || lex.orgSuffixes.has(w)) return true;
  }
  return false;
}
