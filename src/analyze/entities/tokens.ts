// Token predicates shared by the entity finder's steps.
import type { Segmented, Token } from '../types.js';

const UPPER = /^\p{Lu}/u;
const HAS_LETTER = /\p{L}/u;
const WORDISH = /\p{L}{2}/u;
const LOWER_LETTER = /\p{Ll}/u;

export const isCapitalized = (t: Token): boolean => UPPER.test(t.text);

/** "KCNA", "U.S.", "AT&T": two or more letters, no lower case. */
export function isAllCaps(t: Token): boolean {
  return HAS_LETTER.test(t.text) && t.text.replace(/[^\p{L}]/gu, '').length >= 2 && t.text === t.text.toUpperCase();
}

export const isPossessive = (t: Token): boolean => /^['’]s?$/.test(t.text);
export const isHyphen = (t: Token): boolean => /^[-‐‑]$/.test(t.text);

/** Index of the first token of each sentence (token index → true). */
export function sentenceStarts(seg: Segmented): Set<number> {
  const starts = new Set<number>();
  let prev = -1;
  seg.tokens.forEach((t, i) => {
    if (t.sentence !== prev) {
      starts.add(i);
      prev = t.sentence;
    }
  });
  return starts;
}

/** True when the token opens its sentence (ignoring opening quotes and brackets before it). */
export function opensSentence(seg: Segmented, starts: Set<number>, i: number): boolean {
  let k = i;
  while (k > 0 && !starts.has(k) && /^[“"‘'([«—–-]$/.test(seg.tokens[k - 1]!.text)) k--;
  return starts.has(k);
}

/** Sentences written in capitals (headlines, sports results): case carries no signal there. */
export function shoutedSentences(seg: Segmented): Set<number> {
  // Counted in flat arrays: this runs over every token of every article.
  const words = new Uint32Array(seg.sentences.length);
  const upper = new Uint32Array(seg.sentences.length);
  for (const t of seg.tokens) {
    const w = t.text;
    if (w.length < 2 || !WORDISH.test(w)) continue;
    words[t.sentence]!++;
    if (!LOWER_LETTER.test(w)) upper[t.sentence]!++;
  }
  const out = new Set<number>();
  for (let s = 0; s < words.length; s++) if (words[s]! > 0 && upper[s]! / words[s]! > 0.6) out.add(s);
  return out;
}

/** Text between two tokens' edges. */
export const spanText = (seg: Segmented, a: number, b: number): string => seg.text.slice(seg.tokens[a]!.start, seg.tokens[b - 1]!.end);
