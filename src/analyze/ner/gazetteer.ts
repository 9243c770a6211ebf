// Gazetteer codes per token: where the registry (countries, demonyms, institutions, people, places)
// or the world-cities list names a span, each token of the span gets "type:via:B|I". The tagger
// weighs these against the words around them, so a registry name is evidence, not a verdict.
import { normalizeName } from '../../registry/normalize.js';
import type { Registry } from '../../registry/types.js';
import type { Segmented } from '../types.js';
import type { RawMention } from '../entities/mention-types.js';
import { cityByName } from '../entities/places.js';
import { isCapitalized } from '../entities/tokens.js';
import { hashString } from './hash.js';

/** Per token, 0 or a hashed gazetteer code. */
export function gazetteerCodes(seg: Segmented, registry: Registry, found: RawMention[]): { registry: Uint32Array; city: Uint32Array } {
  const reg = new Uint32Array(seg.tokens.length);
  for (const m of found) {
    const a = registry.get(m.hits[0]!.actorId);
    const kind = `${a?.type ?? 'other'}:${m.hits[0]!.via}`;
    for (let k = m.tokStart; k < m.tokEnd; k++) reg[k] = hashString(`G:${kind}:${k === m.tokStart ? 'B' : 'I'}`);
  }
  return { registry: reg, city: cityCodes(seg) };
}

const CITY_B = hashString('G:city:B');
const CITY_I = hashString('G:city:I');

/** Two- and three-word city names ("New Delhi", "Rio de Janeiro"); single words are a word flag. */
function cityCodes(seg: Segmented): Uint32Array {
  const out = new Uint32Array(seg.tokens.length);
  const toks = seg.tokens;
  for (let i = 0; i + 1 < toks.length; i++) {
    if (!isCapitalized(toks[i]!)) continue;
    for (let n = 3; n >= 2; n--) {
      const last = toks[i + n - 1];
      if (!last || last.sentence !== toks[i]!.sentence || !isCapitalized(last)) continue;
      if (!cityByName(normalizeName(seg.text.slice(toks[i]!.start, last.end)))) continue;
      out[i] = CITY_B;
      for (let k = i + 1; k < i + n; k++) out[k] = CITY_I;
      i += n - 1;
      break;
    }
  }
  return out;
}
