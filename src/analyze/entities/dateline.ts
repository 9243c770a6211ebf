// Datelines: "SEOUL, Nov. 9 -", "WASHINGTON (Reuters) -", "(CNN) --", "VAIL, Colorado" open a
// paragraph with the place the story was filed from and the outlet that filed it. Neither takes
// part in what the sentence reports: the place is no one's surname, and the event coder looks for
// actors after the prefix.
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

// The prefix on a sentence's text: the filing place in capitals, optionally with its region or
// date ("MANILA, Philippines", "SEOUL, March 3"), then the outlet in brackets, then a dash and a
// space; either the place or the outlet must be there.
const PLACE = String.raw`(\p{Lu}{2,}[\p{Lu}\p{M}.'’ -]*?)(,\s*[\p{Lu}\d][\p{L}\d.]*(?:\s[\p{Lu}\d][\p{L}\d.]*){0,3})?`;
const OUTLET = String.raw`(\([^()\n]{1,40}\))`;
const DATELINE = new RegExp(String.raw`^\s*(?:${PLACE}\s*${OUTLET}?|${OUTLET})\s*(--|[-–—])\s+`, 'u');

/** Length of the dateline prefix of a sentence, 0 when it has none. */
export function datelineLength(sentence: string): number {
  const m = DATELINE.exec(sentence);
  if (!m) return 0;
  const [whole, place, region, outlet, otherOutlet, dash] = m;
  // "SEOUL - …" is a dateline, "NATO - Russia talks …" a headline: after capitals alone, a plain
  // hyphen needs a known city (a dash of a dateline's own, "—" or "--", does not).
  if (place && !region && !outlet && !otherOutlet && dash === '-' && !cityByName(place.trim())) return 0;
  return whole.length;
}
