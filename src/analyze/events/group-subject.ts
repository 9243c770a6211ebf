// A group named by a common noun as the subject of an act: "Police fired tear gas", "Protesters
// burned tyres", "Militants attacked a convoy". No entity names them, but a desk files the act
// under them (CAMEO's sector actors: police, military, rebels, opposition, protesters…) and under
// the country the sentence places them in. Only the clause's own subject counts: its head noun
// opens the clause after determiners, quantities and named modifiers.
import type { Segmented, Token } from '../types.js';
import type { Placed } from './actors.js';

/** Nouns for people acting together, as a clause subject. */
const GROUP_HEADS = new Set([
  'police', 'policemen', 'troops', 'soldiers', 'forces', 'army', 'military', 'militants', 'rebels', 'insurgents', 'fighters',
  'gunmen', 'protesters', 'protestors', 'demonstrators', 'activists', 'students', 'workers', 'farmers', 'opposition',
  'authorities', 'officials', 'lawmakers', 'legislators', 'prosecutors', 'judges', 'guards', 'militia', 'militias', 'separatists',
]);
/** Words that may open the subject phrase before its head ("the", "hundreds of", "riot"). */
const OPENERS = new Set(['the', 'a', 'an', 'some', 'several', 'many', 'dozens', 'hundreds', 'thousands', 'of', 'more', 'than', 'about', 'at', 'least', 'armed', 'riot', 'masked', 'local', 'government', 'security', 'opposition', 'federal', 'state']);

export interface GroupSubject {
  /** The subject phrase as written ("Police", "Hundreds of protesters"). */
  name: string;
  /** The country a modifier or the sentence gives ("Kenyan police", "… in Nairobi"); null if none. */
  country: string | null;
}

/** The group that is the subject of the trigger at token `tokenIdx`, its clause starting at `clauseStart`. */
export function groupSubject(seg: Segmented, tokenIdx: number, clauseStart: number, inSentence: Placed[]): GroupSubject | null {
  const toks = seg.tokens;
  const trig = toks[tokenIdx]!;
  let k = tokenIdx - 1;
  while (k >= 0 && toks[k]!.sentence === trig.sentence && toks[k]!.start >= clauseStart) k--;
  const first = k + 1;
  let head: Token | null = null;
  // The trigger may be the group itself ("Protesters blocked …" is a protest by the protesters).
  for (let i = first; i <= tokenIdx; i++) {
    const w = toks[i]!;
    if (GROUP_HEADS.has(w.lower)) {
      head = w;
      break;
    }
    if (!OPENERS.has(w.lower) && !isModifier(w, inSentence)) break;
  }
  if (!head) return null;
  const start = toks[first]!.start;
  const name = seg.text.slice(start, head.end).replace(/^(?:the|a|an)\s+/i, '');
  const country = inSentence.find((p) => p.m.start >= start && p.m.end <= head!.start && p.e.country)?.e.country
    ?? inSentence.find((p) => p.m.start >= trig.end && p.e.country && /\b(?:in|across|near|outside)\s+(?:the\s+)?(?:\p{Ll}+\s+)?$/iu.test(seg.text.slice(Math.max(trig.end, p.m.start - 20), p.m.start)))?.e.country
    ?? null;
  return { name: name.charAt(0).toUpperCase() + name.slice(1), country };
}

/** A word inside a named modifier of the subject ("Kenyan police", "Sudrian army"). */
function isModifier(t: Token, inSentence: Placed[]): boolean {
  return inSentence.some((p) => p.m.start <= t.start && t.end <= p.m.end);
}
