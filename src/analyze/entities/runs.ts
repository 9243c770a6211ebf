// Capitalised word runs that the registry does not know: candidate names of people,
// organisations and places, with the titles written right before them split off as roles.
import type { Segmented, Token } from '../types.js';
import type { EntityLexicon } from './lexicon.js';
import { cityByName } from './places.js';
import { isAllCaps, isCapitalized, isHyphen, opensSentence } from './tokens.js';

const CONNECTORS = new Set(['of', 'for', 'and', 'on', 'the', 'de', '&']);
const NAMEY_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'X', 'NUM', 'VERB']);

export interface Run {
  tokStart: number;
  tokEnd: number;
  /** Title words split off the front ("Foreign Minister"). */
  title: string | null;
}

export function findRuns(seg: Segmented, covered: Uint8Array, lex: EntityLexicon, starts: Set<number>, shouted: Set<number>): Run[] {
  const toks = seg.tokens;
  const runs: Run[] = [];
  let i = 0;
  while (i < toks.length) {
    if (!startsName(seg, i, covered, lex, starts, shouted)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < toks.length && !covered[j] && toks[j]!.sentence === toks[i]!.sentence) {
      const t = toks[j]!;
      if (isCapitalized(t) && !/^[“”"']/.test(t.text)) {
        j++;
      } else if (isHyphen(t) && t.start === toks[j - 1]!.end && toks[j + 1] && toks[j + 1]!.start === t.end && /^\p{L}/u.test(toks[j + 1]!.text)) {
        j += 2; // "Son-hui", "al-Assad"
      } else if ((CONNECTORS.has(t.lower) || lex.nameParticles.has(t.text)) && toks[j + 1] && isCapitalized(toks[j + 1]!) && !covered[j + 1]) {
        j++;
      } else break;
    }
    // Connectors only belong inside organisation names ("Institute for National Unification").
    let end = j;
    for (let k = i + 1; k < j; k++) {
      const w = toks[k]!.lower;
      if (CONNECTORS.has(w) && !hasOrgHead(toks, i, j, lex) && !(w === 'of' && isTitleHead(toks[i]!.text, lex))) {
        end = k;
        break;
      }
    }
    pushRun(seg, runs, i, end, lex);
    i = end === j ? j : end + 1;
  }
  return runs;
}

function startsName(seg: Segmented, i: number, covered: Uint8Array, lex: EntityLexicon, starts: Set<number>, shouted: Set<number>): boolean {
  const t = seg.tokens[i]!;
  if (covered[i] || !isCapitalized(t)) return false;
  if (!/\p{L}/u.test(t.text)) return false;
  const lower = t.lower.replace(/\.$/, '');
  // "New" opens "New York" and "NEW DELHI", not just sentences.
  if (lex.notNames.has(lower) && !lex.personTitles.has(lower) && !startsCity(seg, i)) return false;
  if (opensSentence(seg, starts, i) && t.pos !== 'PROPN' && !shouted.has(t.sentence)) return false;
  return NAMEY_POS.has(t.pos) || isAllCaps(t);
}

function hasOrgHead(toks: Token[], i: number, j: number, lex: EntityLexicon): boolean {
  for (let k = i; k < j; k++) if (lex.orgHeads.has(toks[k]!.lower)) return true;
  return false;
}

/** Splits leading title words off ("Foreign Minister Ri Son Gwon" → title + name) and trims trailing junk. */
function pushRun(seg: Segmented, runs: Run[], i: number, j: number, lex: EntityLexicon): void {
  const toks = seg.tokens;
  while (j > i && (CONNECTORS.has(toks[j - 1]!.lower) || isHyphen(toks[j - 1]!))) j--;
  if (j <= i) return;
  let k = i;
  const of = ofTitleEnd(seg, i, j, lex);
  if (of !== null) k = of;
  else if (!hasOrgHead(toks, i, j, lex)) {
    for (;;) {
      if (k + 2 < j && isHyphen(toks[k + 1]!) && lex.personTitles.has(`${toks[k]!.text}-${toks[k + 2]!.text}`.toLowerCase())) k += 3;
      else if (k < j && lex.personTitles.has(toks[k]!.lower.replace(/\.$/, ''))) k++;
      else break;
    }
    // "First" or "Party" alone are not titles; a title needs a role word or an honorific.
    if (k > i && !toks.slice(i, k).some((t) => isTitleHead(t.text, lex) || isTitleHead(t.text.split('-')[0]!, lex))) k = i;
    // "Foreign Affairs Minister Alexander Downer": the title runs to the last role word that still
    // leaves a name of two words or more after it.
    for (let h = j - 3; h >= k; h--) {
      if (isTitleHead(toks[h]!.text, lex) && !FAMILY.has(toks[h]!.lower)) {
        k = h + 1;
        break;
      }
    }
  }
  const title = k > i ? seg.text.slice(toks[i]!.start, toks[k - 1]!.end) : null;
  if (k === j) {
    runs.push({ tokStart: j, tokEnd: j, title }); // a title alone ("the Supreme Leader")
    return;
  }
  runs.push({ tokStart: k, tokEnd: j, title });
}

/** Kinship words head appositions ("his sister, …") but are also surnames (Son, Young): never a title. */
const FAMILY = new Set(['son', 'daughter', 'sister', 'brother', 'wife', 'husband', 'uncle', 'aunt', 'mother', 'father', 'nephew', 'heir']);

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'sir', 'dame', 'comrade', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'adm', 'rev', 'sgt', 'brig', 'cmdr', 'maj']);

export function isTitleHead(word: string, lex: EntityLexicon): boolean {
  const w = word.toLowerCase().replace(/\.$/, '');
  return lex.roleHeads.has(w) || HONORIFICS.has(w);
}

/** A run with no name left after its title. */
export const isTitleOnly = (r: Run): boolean => r.title !== null && r.tokStart === r.tokEnd;

function startsCity(seg: Segmented, i: number): boolean {
  const next = seg.tokens[i + 1];
  return !!next && isCapitalized(next) && !!cityByName(seg.text.slice(seg.tokens[i]!.start, next.end));
}

/**
 * "Secretary of State Jane Roe", "Minister of Foreign Affairs Ri Son Gwon": a title with "of" runs
 * up to where the name starts (a given name or East Asian surname, else the last two words).
 * Returns the name's first token, or null when the run is no such title.
 */
function ofTitleEnd(seg: Segmented, i: number, j: number, lex: EntityLexicon): number | null {
  const toks = seg.tokens;
  if (!isTitleHead(toks[i]!.text, lex)) return null;
  let o = -1;
  for (let k = i + 1; k < j; k++) if (toks[k]!.lower === 'of') o = k;
  if (o < 0 || hasOrgHead(toks, o, j, lex)) return null;
  for (let p = o + 2; p <= j - 2; p++) {
    const w = toks[p]!.lower;
    if (lex.firstNames.has(w) || lex.eastAsianSurnames.has(w)) return p;
  }
  // No given name in sight: a long tail ends in a name, a short one is still the title.
  return j - (o + 2) >= 3 ? j - 2 : j;
}
