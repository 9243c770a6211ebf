// Roles written around a name: titles before it ("North Korean leader Kim", "Foreign Minister Ri")
// and appositions after it ("Choe, North Korea's first vice minister of foreign affairs,").
import type { Segmented, Token } from '../types.js';
import type { EntityLexicon } from './lexicon.js';
import { isHonorific, isRoleHead, isTitleWord } from './title-lexicon.js';

/** Lower-case title words right before token `i` ("leader", "first vice minister"). */
export function titleBefore(seg: Segmented, i: number, lex: EntityLexicon): string | null {
  const toks = seg.tokens;
  let k = i;
  while (k > 0 && toks[k - 1]!.sentence === toks[i]!.sentence && lex.personTitles.has(toks[k - 1]!.lower.replace(/\.$/, ''))) k--;
  if (k === i) return null;
  const words = toks.slice(k, i).map((t) => t.text);
  if (!words.some(isTitleHead)) return null;
  // "Overseas Development Minister": capitalised words written into the title before its head.
  let p = k;
  while (p > 0 && k - p < 3 && toks[p - 1]!.sentence === toks[i]!.sentence && /^\p{Lu}\p{Ll}+$/u.test(toks[p - 1]!.text) && !lex.notNames.has(toks[p - 1]!.lower)) p--;
  if (p < k && isTitleHead(toks[i - 1]!.text)) k = p;
  return seg.text.slice(toks[k]!.start, toks[i - 1]!.end);
}

const STOP = new Set([',', '.', ';', ':', '—', '–', '(', ')', '“', '”', '"']);
const CLAUSE = new Set(['who', 'whom', 'whose', 'which', 'that', 'now', 'and', 'but', 'since', 'when', 'where', 'while', 'until']);
const LEADING = /^(?:(?:the|a|an|who is|who was|now)\s+)+/i;

/** ", a senior fellow at the Stimson Center," → "senior fellow at the Stimson Center" (with its token end). */
export function appositionAfter(seg: Segmented, end: number, lex: EntityLexicon): { role: string; tokStart: number; tokEnd: number } | null {
  const toks = seg.tokens;
  const comma = toks[end];
  if (!comma || comma.text !== ',') return ofAffiliation(seg, end, lex);
  let k = end + 1;
  // An apposition opens with a determiner, a name or a title, not a clause ("regardless of…", "who…").
  const opener = toks[k];
  if (!opener || !(/^(?:the|a|an|now|then|former)$/i.test(opener.text) || /^\p{Lu}/u.test(opener.text) || lex.personTitles.has(opener.lower) || lex.roleHeads.has(opener.lower))) return null;
  let head = false;
  while (k < toks.length && k < end + 16 && toks[k]!.sentence === comma.sentence && !STOP.has(toks[k]!.text)) {
    const w = toks[k]!.lower;
    // "a former negotiator now at …", "an ambassador who now …": the role ends where a clause starts.
    if (k > end + 1 && CLAUSE.has(w)) break;
    if (w === '-' && toks[k - 1]!.end < toks[k]!.start) break; // " - " is a dash, "vice-president" a word
    if (lex.speechVerbs.has(w) || toks[k]!.pos === 'VERB' && !/ing$|ed$/.test(w) && w !== 'elect') break;
    // "a diplomat serving as …", "the envoy is …": after the title a verb starts a clause, not more title.
    if (head && (toks[k]!.pos === 'VERB' || toks[k]!.pos === 'AUX') && !/^(?:elect|designate|acting)$/.test(w)) break;
    // "A, Defense Secretary B and …": a name right after the title makes this a list, not an apposition.
    if (head && lex.roleHeads.has(toks[k - 1]!.lower) && isListName(toks[k]!)) return null;
    if (lex.roleHeads.has(w)) head = true;
    k++;
  }
  if (!head || k === end + 1) return null;
  const raw = seg.text.slice(toks[end + 1]!.start, toks[k - 1]!.end);
  // "North Korea's first vice minister" → "first vice minister": the country is kept elsewhere.
  const role = raw.replace(LEADING, '').replace(/^(?:\p{Lu}[\p{L}.]*\s+)*\p{Lu}[\p{L}.]*['’]s?\s+/u, '');
  return { role: role.trim(), tokStart: end + 1, tokEnd: k };
}

/** A capitalised word that is no title word: the first name of the next list member. */
function isListName(t: Token): boolean {
  return /^\p{Lu}\p{Ll}/u.test(t.text) && !isTitleWord(t.text) && !/^(?:of|for|to|at)$/i.test(t.text);
}

/** "Cho Han-bum of the Korea Institute …" → role-less affiliation phrase. */
function ofAffiliation(seg: Segmented, end: number, _lex: EntityLexicon): { role: string; tokStart: number; tokEnd: number } | null {
  const toks = seg.tokens;
  if (toks[end]?.text !== 'of' && toks[end]?.text !== 'at') return null;
  let k = end + 1;
  if (toks[k] && /^the$/i.test(toks[k]!.text)) k++;
  const first = k;
  while (k < toks.length && k < first + 10 && (/^\p{Lu}/u.test(toks[k]!.text) || /^(?:of|for|and|on|the|[-&])$/.test(toks[k]!.text))) k++;
  if (k === first) return null;
  return { role: seg.text.slice(toks[end]!.start, toks[k - 1]!.end), tokStart: end, tokEnd: k };
}

/** A word that makes a run of title words a title: a role head or a form of address. */
const isTitleHead = (word: string): boolean => isRoleHead(word) || isHonorific(word);
