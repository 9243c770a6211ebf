// Small character-level helpers that delimit a speaker phrase: forwards after a verb ("said the
// source in Pyongyang, who…") and backwards from a verb to the start of its subject.
import type { QuoteLexicon } from './lexicon.js';

export interface Range {
  start: number;
  end: number;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Words that end a subject phrase when walking back from its verb. */
const SUBJECT_STOP = new Set([
  'that', 'and', 'but', 'which', 'while', 'because', 'as', 'if', 'so', 'when', 'where', 'though', 'although',
  'after', 'before', 'since', 'or', 'nor', 'yet', 'whom', 'whose', 'is', 'was', 'are', 'were', 'said', 'says',
  'told', 'to', 'than', 'then', 'what', 'how', 'why',
]);
/** Words after which the rest of a forward speaker phrase is an adjunct, not the speaker. */
const FORWARD_STOP = new Set(['who', 'whom', 'which', 'that', 'when', 'while', 'as', 'after', 'before', 'during', 'on', 'at', 'in', 'and', 'but', 'to', 'adding', 'noting', 'referring', 'speaking', 'according', 'because', 'since', 'last', 'this', 'yesterday', 'today', 'earlier', 'later', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

const ADVERBS = new Set(['also', 'then', 'later', 'again', 'once', 'earlier', 'further', 'often', 'has', 'had', 'have', 'would', 'will', 'first', 'last', 'still', 'never', 'even', 'just', 'since']);

const isSpaceCh = (ch: string) => ch === ' ' || ch === '\t' || ch === '\u00a0';

/** True when the full stop at `dot` ends a sentence rather than an abbreviation or initial. */
export function isSentenceDot(text: string, dot: number, lex: QuoteLexicon): boolean {
  let s = dot;
  while (s > 0 && /[\p{L}.]/u.test(text[s - 1]!)) s--;
  const word = text.slice(s, dot).toLowerCase();
  if (word.length === 1 || word.includes('.')) return false; // initials, U.S.
  return !lex.abbreviations.has(word);
}

/** The word [start, end) ending at or before `pos` (skipping spaces), or null at punctuation. */
function wordBefore(text: string, pos: number, floor: number): Range | null {
  let e = pos;
  while (e > floor && isSpaceCh(text[e - 1]!)) e--;
  let s = e;
  while (s > floor && (WORD_CHAR.test(text[s - 1]!) || "-'’.".includes(text[s - 1]!))) s--;
  while (s < e && !WORD_CHAR.test(text[s]!)) s++;
  return s < e ? { start: s, end: e } : null;
}

/**
 * The subject phrase ending just before a verb at `verbStart`: up to 8 words back, stopping at
 * punctuation, clause words and `floor`. Skips an appositive between commas ("Smith, the envoy, said").
 */
export function subjectBefore(text: string, verbStart: number, floor: number, lex: QuoteLexicon): Range | null {
  let e = verbStart;
  while (e > floor && isSpaceCh(text[e - 1]!)) e--;
  if (text[e - 1] === ',') {
    const c = text.lastIndexOf(',', e - 2);
    if (c <= floor || e - c > 120 || /[“”"\n]/.test(text.slice(c, e))) return null;
    e = c;
  }
  let start = -1;
  let end = -1;
  let count = 0;
  let pos = e;
  // Adverbs between subject and verb: "Smith later said", "she repeatedly says".
  for (let w = wordBefore(text, pos, floor); w; w = wordBefore(text, pos, floor)) {
    const lw = text.slice(w.start, w.end).toLowerCase();
    if (!(lw.endsWith('ly') || ADVERBS.has(lw)) || lw === 'only' || text.slice(w.end, pos).trim()) break;
    pos = w.start;
  }
  while (count < 8) {
    const w = wordBefore(text, pos, floor);
    if (!w) break;
    const between = text.slice(w.end, pos);
    if (between.trim() && !/^\s*\)?\s*$/.test(between)) break;
    const raw = text.slice(w.start, w.end);
    if (raw.endsWith('.') && count > 0 && isSentenceDot(text, w.end - 1, lex)) break;
    const lw = raw.toLowerCase();
    if (SUBJECT_STOP.has(lw) || (count === 0 && lex.speechVerbs.has(lw))) break;
    if (end < 0) end = raw.endsWith('.') && isSentenceDot(text, w.end - 1, lex) ? w.end - 1 : w.end;
    start = w.start;
    count++;
    pos = w.start;
    // Parenthetical "(D-N.C.)" between name and verb is skipped by the caller's regexes.
  }
  return start >= 0 && end > start ? { start, end } : null;
}

/** A speaker phrase starting at `pos` (after "said"): up to a comma, clause end, bracket or quote. */
export function phraseAfter(text: string, pos: number, lex: QuoteLexicon, max = 160): Range | null {
  let s = pos;
  while (s < text.length && isSpaceCh(text[s]!)) s++;
  const limit = Math.min(text.length, s + max);
  let e = s;
  let words = 0;
  let i = s;
  while (i < limit) {
    const ch = text[i]!;
    if (',;:()“”"«»\n!?—–'.includes(ch)) break;
    if (ch === '.' && isSentenceDot(text, i, lex)) break;
    if (WORD_CHAR.test(ch)) {
      let j = i;
      while (j < limit && (WORD_CHAR.test(text[j]!) || "-'’.".includes(text[j]!))) j++;
      let w = text.slice(i, j);
      if (w.endsWith('.') && isSentenceDot(text, j - 1, lex)) {
        w = w.slice(0, -1);
        j--;
      }
      const lw = w.toLowerCase();
      // "a source in Pyongyang" keeps its place; "Smith in a statement" stops.
      const place = (lw === 'in' || lw === 'from') && /^\s\p{Lu}/u.test(text.slice(j, j + 2));
      if (words > 0 && FORWARD_STOP.has(lw) && !place) break;
      words++;
      e = j;
      i = j;
      if (words >= 14) break;
      continue;
    }
    i++;
  }
  return e > s ? { start: s, end: e } : null;
}

/** "SEOUL, March 4 (Yonhap) -- ": a dateline opening a sentence is not part of any subject. */
const DATELINE = /^\p{Lu}[\p{Lu}\s.'’-]{1,40}(?:,[^,\n]{1,30})?(?:\s*\([^)]{1,30}\))?\s*(?:--|—|–|-)\s+/u;

/** Position after a dateline starting at `pos`, else `pos`. */
export function skipDateline(text: string, pos: number): number {
  const m = DATELINE.exec(text.slice(pos, pos + 90));
  return m ? pos + m[0].length : pos;
}
