// Datelines: "SEOUL, Nov. 9 -", "WASHINGTON (Reuters) -", "VAIL, Colorado" open a paragraph with
// the place the story was filed from.
import type { Segmented } from '../types.js';
import { cityByName } from './places.js';
import { isAllCaps, isHyphen } from './tokens.js';

/** Capitals opening a paragraph and followed by a comma, a bracket, a date or a dash after a city. */
export function isDateline(seg: Segmented, a: number, b: number): boolean {
  const toks = seg.tokens;
  const sentence = seg.sentences[toks[a]!.sentence]!;
  const opensParagraph = a === 0 || seg.sentences[toks[a - 1]!.sentence]!.paragraph !== sentence.paragraph;
  if (!opensParagraph) return false;
  for (let k = a; k < b; k++) if (!isAllCaps(toks[k]!) && !isHyphen(toks[k]!)) return false;
  const next = toks[b];
  if (!next || next.sentence !== toks[a]!.sentence) return false;
  if (next.text === ',' || next.text === '(' || /^\d{4}-\d\d-\d\d$/.test(next.text)) return true;
  // "SEOUL - …" is a dateline; "SOCCER - …" is a headline's topic label.
  return /^(?:[-–—]|--)$/.test(next.text) && !!cityByName(seg.text.slice(toks[a]!.start, toks[b - 1]!.end));
}
