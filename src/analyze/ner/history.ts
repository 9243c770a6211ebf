// Document features for the second tagging pass (Ratinov & Roth 2009, "extended prediction
// history"): how the first pass labelled the other occurrences of a word in the same article,
// whether the word is part of a longer name there, and the type of the name right before a
// bracket it stands in. A team or surname written alone is typed the way its fuller or clearer
// mentions are.
import type { Segmented } from '../types.js';
import { hashString, mix } from './hash.js';
import type { TagFeatures } from './features.js';
import { HashBuffer } from './hash-buffer.js';
import { documentSpans, TYPES } from './labels.js';

const SEEN = hashString('h:seen');
const MAJORITY = hashString('h:majority');
const LONGER = hashString('h:longer');
const BRACKETED = hashString('h:bracketed-after');
const N_TYPES = TYPES.length;

/** The document features computed from first-pass labels (one label per token), as a block beside the base features. */
export function historyFeatures(seg: Segmented, firstPass: Uint8Array): TagFeatures {
  const toks = seg.tokens;
  const typeAt = new Int8Array(toks.length).fill(-1); // -1 = outside any name
  const longer = new Map<string, number>(); // word → bits of (type, last word or not) of longer names
  const bracketed = new Int8Array(toks.length).fill(-1); // "Ana Silva (Porto)": type of the name before the bracket
  for (const s of documentSpans(seg, firstPass)) {
    const t = TYPES.indexOf(s.type);
    for (let k = s.start; k < s.end; k++) typeAt[k] = t;
    if (toks[s.end]?.text === '(') for (let k = s.end + 1; k < Math.min(toks.length, s.end + 6) && toks[k]!.text !== ')'; k++) bracketed[k] = t;
    if (s.end - s.start < 2) continue;
    for (let k = s.start; k < s.end; k++) {
      const bit = 1 << (t * 2 + (k === s.end - 1 ? 1 : 0));
      longer.set(toks[k]!.lower, (longer.get(toks[k]!.lower) ?? 0) | bit);
    }
  }
  // Per capitalised word: how often each type (and "no name") was given.
  const counts = new Map<string, Int32Array>();
  for (let i = 0; i < toks.length; i++) {
    const first = toks[i]!.text.charAt(0);
    if (first === first.toLowerCase()) continue; // not capitalised
    let c = counts.get(toks[i]!.lower);
    if (!c) counts.set(toks[i]!.lower, (c = new Int32Array(N_TYPES + 1)));
    c[typeAt[i]! + 1]!++;
  }
  const out = new HashBuffer(toks.length * 2);
  const offsets = new Uint32Array(toks.length + 1);
  for (let i = 0; i < toks.length; i++) {
    offsets[i] = out.length;
    // The token's own first-pass label is left out: the second pass would copy it instead of weighing the rest.
    const own = typeAt[i]! + 1;
    const c = counts.get(toks[i]!.lower);
    if (c) {
      let best = -1;
      let bestN = 0;
      for (let t = 0; t <= N_TYPES; t++) {
        const n = c[t]! - (t === own ? 1 : 0); // the other occurrences only
        if (n > 0) out.push(mix(SEEN, t));
        if (n > bestN) [best, bestN] = [t, n];
      }
      if (best >= 0) out.push(mix(MAJORITY, best));
    }
    if (bracketed[i]! >= 0) out.push(mix(BRACKETED, bracketed[i]!));
    const bits = longer.get(toks[i]!.lower);
    if (bits) for (let b = 0; b < N_TYPES * 2; b++) if (bits & (1 << b)) out.push(mix(LONGER, b));
  }
  offsets[toks.length] = out.length;
  return { hashes: out.view(), offsets };
}
