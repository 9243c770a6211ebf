// Types an unknown name from its form and context: titles, given names, East Asian name shape,
// organisation words, the cities gazetteer, speech verbs and prepositions around it.
import type { ActorType } from '../../registry/types.js';
import type { Segmented } from '../types.js';
import type { EntityLexicon } from './lexicon.js';
import { cityByName } from './places.js';
import { isAllCaps, isHyphen } from './tokens.js';

export interface Typed {
  type: ActorType;
  /** How sure: 2 = form or title says so, 1 = context suggests it, 0 = a guess. */
  confidence: 0 | 1 | 2;
  country: string | null;
}

export function classifyName(seg: Segmented, a: number, b: number, title: string | null, lex: EntityLexicon, shouted: boolean): Typed {
  const toks = seg.tokens;
  const words = toks.slice(a, b).filter((t) => !isHyphen(t)).map((t) => t.text);
  const lower = words.map((w) => w.toLowerCase().replace(/\.$/, ''));
  const last = lower[lower.length - 1]!;
  const surface = seg.text.slice(toks[a]!.start, toks[b - 1]!.end);

  const city = cityByName(surface);
  if (isDateline(seg, a, b)) return { type: 'place', confidence: 2, country: city?.country ?? null };
  if (words.length > 1 && !title && city) return { type: 'place', confidence: 2, country: city.country };
  if (words.length > 1 && (lower.some((w) => lex.orgHeads.has(w)) || lex.orgSuffixes.has(last))) {
    return { type: 'organization', confidence: 2, country: null };
  }
  // A lone "Ministry" or "Committee" is a reference to something named elsewhere, not a name.
  if (words.length === 1 && lex.orgHeads.has(lower[0]!)) return { type: 'other', confidence: 0, country: null };
  if (title) return { type: 'person', confidence: 2, country: null };
  // "newspaper Chosun Ilbo", "the carrier Korean Air": a kind of organisation right before the name.
  const nounBefore = toks[a - 1]?.text ?? '';
  if (/^\p{Ll}/u.test(nounBefore) && lex.orgNouns.has(nounBefore)) return { type: 'organization', confidence: 2, country: null };

  const before = toks[a - 1];
  const before2 = toks[a - 2];
  const after = toks[b];
  const prevWord = before?.lower ?? '';
  const nextWord = after?.lower ?? '';
  const speech = lex.speechVerbs.has(prevWord) || lex.speechVerbs.has(nextWord) || (nextWord === ',' && lex.speechVerbs.has(toks[b + 1]?.lower ?? ''));
  const appositive = nextWord === ',' && isRolePhraseAhead(seg, b + 1, lex);
  const nonPerson = lower.some((w) => lex.nonPersonWords.has(w));
  const personForm = words.length >= 2 && words.length <= 4 && !nonPerson && (lex.firstNames.has(lower[0]!) || lex.eastAsianSurnames.has(lower[0]!) && words.slice(1).every((w) => w.length <= 6));

  if (!shouted && words.length === 1 && isAllCaps(toks[a]!) && words[0]!.length <= 6) {
    return { type: 'organization', confidence: 1, country: null };
  }
  if (personForm && !city) return { type: 'person', confidence: 2, country: null };
  if (appositive || (speech && words.length >= 2)) return { type: 'person', confidence: 1, country: null };
  // In a results or standings line ("Leeds 2 Chelsea 1") a name next to a score is a team.
  if ((/^\d{1,3}$/.test(after?.text ?? '') || /^\d{1,3}$/.test(before?.text ?? ''))) return { type: 'organization', confidence: 1, country: city?.country ?? null };
  if (city) return { type: 'place', confidence: city && lex.placePrepositions.has(prevWord) ? 2 : 1, country: city.country };
  if (lex.placePrepositions.has(prevWord) && !(before2 && /^(the|a|an)$/i.test(before2.text)) && words.length <= 2) {
    return { type: 'place', confidence: 0, country: null };
  }
  if (speech && (words.length > 1 || toks[a]!.pos === 'PROPN')) return { type: 'person', confidence: 0, country: null };
  if (words.length >= 2 && words.length <= 3 && !nonPerson && toks.slice(a, b).every((t) => t.pos === 'PROPN') && lex.firstNames.has(lower[0]!)) {
    return { type: 'person', confidence: 1, country: null };
  }
  // Two or three capitalised proper nouns with no organisation or place cue are most often a
  // person's given name and surname (news text names people far more than anything else).
  if (!shouted && words.length >= 2 && words.length <= 3 && toks.slice(a, b).every((t) => t.pos === 'PROPN' && /^\p{Lu}\p{Ll}/u.test(t.text)) && !nonPerson) {
    // ...unless one of the words is a city: "Bayer Leverkusen", "Dallas Cowboys" are clubs and firms.
    const cityWord = words.find((w) => cityByName(w));
    if (cityWord) return { type: 'organization', confidence: 0, country: cityByName(cityWord)!.country };
    return { type: 'person', confidence: 0, country: null };
  }
  if (words.length === 1 && nextWord === ',' && /^(who|whose)$/i.test(toks[b + 1]?.text ?? '')) return { type: 'person', confidence: 1, country: null };
  return { type: 'other', confidence: 0, country: null };
}

/** ", a senior fellow at …" / ", spokesman for …": a role phrase follows the name. */
export function isRolePhraseAhead(seg: Segmented, i: number, lex: EntityLexicon): boolean {
  for (let k = i; k < Math.min(seg.tokens.length, i + 8); k++) {
    const w = seg.tokens[k]!.lower;
    if (w === ',' || w === '.' || w === ';') return false;
    if (lex.roleHeads.has(w)) return true;
  }
  return false;
}

/** "SEOUL, Nov. 9 -", "WASHINGTON (Reuters) -", "VAIL, Colorado": capitals opening a paragraph name where it was filed. */
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
