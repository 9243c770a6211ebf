// Finds registry names in the text: the longest alias starting at each capitalised token wins.
import { normalizeName } from '../../registry/normalize.js';
import type { AliasHit, Registry } from '../../registry/types.js';
import type { Segmented } from '../types.js';
import type { RawMention } from './mention-types.js';
import { isAllCaps, isCapitalized, isHyphen, spanText } from './tokens.js';

/** Tokens that may sit inside a multi-word name ("Workers' Party", "Kim Yo-jong", "Bosnia and Herzegovina"). */
const INNER = /^(?:[-‐‑&.]|of|the|and|for|de|du|la|le|al|el|on|in|'s|’s|'|’)$/i;
const VIA_ORDER: AliasHit['via'][] = ['name', 'alias', 'metonym', 'demonym', 'surname', 'generic'];

export function scanRegistry(seg: Segmented, registry: Registry, shouted: Set<number>): RawMention[] {
  const out: RawMention[] = [];
  const toks = seg.tokens;
  const maxTokens = registry.maxAliasWords * 2 + 1;
  for (let i = 0; i < toks.length; i++) {
    const first = toks[i]!;
    if (!isCapitalized(first)) continue;
    let best: { end: number; hits: AliasHit[] } | null = null;
    const limit = Math.min(toks.length, i + maxTokens);
    for (let j = i + 1; j <= limit; j++) {
      const last = toks[j - 1]!;
      if (last.sentence !== first.sentence) break;
      // "Yo-jong": a lower-case syllable glued to a hyphen continues (and may end) a romanised name.
      const glued = j - 1 > i + 1 && isHyphen(toks[j - 2]!) && toks[j - 2]!.end === last.start && toks[j - 3]!.end === toks[j - 2]!.start && /^\p{Ll}/u.test(last.text);
      if (j - 1 > i && !glued && !isCapitalized(last) && !INNER.test(last.text)) break;
      if (!glued && !isCapitalized(last) && !isAllCaps(last)) continue; // a name ends on a capitalised word
      const surface = spanText(seg, i, j);
      const norm = normalizeName(surface);
      if (!registry.hasPrefix(norm)) break;
      const hits = acceptable(surface, registry.lookup(norm), shouted.has(first.sentence));
      if (hits.length) best = { end: j, hits };
    }
    if (!best) continue;
    // A hyphenated continuation ("U.S.-made") is an adjective, not a mention.
    const next = toks[best.end];
    if (next && isHyphen(next) && next.start === toks[best.end - 1]!.end && toks[best.end + 1] && /^\p{Ll}/u.test(toks[best.end + 1]!.text)) {
      continue;
    }
    const hits = [...best.hits].sort((a, b) => VIA_ORDER.indexOf(a.via) - VIA_ORDER.indexOf(b.via));
    const start = first.start;
    const end = toks[best.end - 1]!.end;
    out.push({
      start, end, text: seg.text.slice(start, end), tokStart: i, tokEnd: best.end, sentence: first.sentence,
      type: 'other', hits, actorId: null, via: hits[0]!.via === 'generic' ? 'generic' : hits[0]!.via, roles: [], affiliation: null, country: null, confidence: 3,
    });
    i = best.end - 1;
  }
  return out;
}

/**
 * Case rules that stop "us" or the "Un" of "Kim Jong Un" from meaning the US or the UN: a short
 * single word must be written in capitals. Surname hits are decided later, in context.
 */
function acceptable(surface: string, hits: AliasHit[], shouted: boolean): AliasHit[] {
  if (!hits.length) return hits;
  const letters = surface.replace(/[^\p{L}]/gu, '');
  if (!/\s/.test(surface) && letters.length <= 3 && letters !== letters.toUpperCase()) return [];
  if (shouted && letters.length <= 3) return hits.filter((h) => h.via !== 'surname');
  return hits;
}
