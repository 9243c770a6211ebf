// Reported speech without quotation marks: "X said (that) …", "X warned that …", "X told reporters
// that …", "…, X said." and "According to X, …". The reported clause is the quote span.
import type { EntityIndex, Quote, Segmented, Sentence } from '../types.js';
import type { QuoteLexicon } from './lexicon.js';
import { phraseAfter, subjectBefore, type Range } from './phrase.js';
import type { QuotedSpan } from './quote-marks.js';
import { resolveSpeaker } from './speakers.js';

interface Compiled {
  verb: RegExp;
  according: RegExp;
  inverted: RegExp;
  thatAhead: RegExp;
  noClause: RegExp;
}
let compiled: Compiled | undefined;

function compile(lex: QuoteLexicon): Compiled {
  if (compiled) return compiled;
  compiled = {
    verb: new RegExp(`\\b(?:${lex.indirectVerbRe})\\b`, 'giu'),
    according: new RegExp(`^(?:${lex.accordingRe})\\s+`, 'iu'),
    inverted: new RegExp(`,\\s+(?:(said|says|added|adds|noted|explained|warned)\\s+([^,]{2,80}?)|([^,]{2,60}?)\\s+(said|says|added|adds|noted|explained|warned))\\s*[.!]?\\s*$`, 'iu'),
    // "that" after at most six words (an addressee or adjunct: "told reporters on Monday that").
    thatAhead: /^(?:\s+[^\s,;:.“”"]+){0,6}?\s+that\s+/iu,
    // After a bare verb, these do not start a reported clause.
    noClause: /^\s*(?:[,.;:!?(“”"—–-]|in\b|on\b|at\b|to\b|for\b|of\b|about\b|with\b|during\b|after\b|before\b|by\b|from\b|it\b|so\b|nothing\b|something\b|little\b|much\b|more\b|this\b|yes\b|no\b|as\b|and\b|but\b|or\b|was\b|is\b|were\b|had\b|has\b|last\b|this\b|$)/iu,
  };
  return compiled;
}

const MIN_WORDS = 3;
const PLAUSIBLE = /^(?:[\p{Lu}]|(?:he|she|they|it|we|officials?|sources?)\b)/u;

export function findIndirectQuotes(seg: Segmented, spans: QuotedSpan[], entities: EntityIndex, lex: QuoteLexicon): Quote[] {
  const out: Quote[] = [];
  const text = seg.text;
  let k = 0;
  for (const s of seg.sentences) {
    while (k < spans.length && spans[k]!.close <= s.start) k++;
    if (k < spans.length && spans[k]!.open < s.end) continue; // sentences with quotation marks belong to direct.ts
    const found = inSentence(text, s, lex);
    if (!found) continue;
    const speaker = resolveSpeaker(text, found.speaker, entities, lex);
    out.push({
      start: found.clause.start,
      end: found.clause.end,
      text: text.slice(found.clause.start, found.clause.end),
      kind: 'indirect',
      speaker,
      cue: { start: found.cue.start, end: found.cue.end, text: text.slice(found.cue.start, found.cue.end) },
    });
  }
  return out;
}

interface Found {
  speaker: Range;
  clause: Range;
  cue: Range;
}

function inSentence(text: string, s: Sentence, lex: QuoteLexicon): Found | null {
  const c = compile(lex);
  const st = s.text;
  let end = s.end;
  while (end > s.start && /[\s.!?]/.test(text[end - 1]!)) end--;
  const acc = c.according.exec(st);
  if (acc) {
    const sp = phraseAfter(text, s.start + acc[0].length, lex);
    const comma = sp ? text.indexOf(',', sp.end) : -1;
    if (sp && comma >= 0 && comma < end) {
      const clause = trimStart(text, comma + 1, end);
      if (words(text, clause) >= MIN_WORDS) return { speaker: sp, clause, cue: { start: s.start, end: sp.end } };
    }
  }
  c.verb.lastIndex = 0;
  for (let m = c.verb.exec(st); m; m = c.verb.exec(st)) {
    const vs = s.start + m.index;
    const ve = vs + m[0].length;
    const subj = subjectBefore(text, vs, s.start, lex);
    if (!subj || !PLAUSIBLE.test(text.slice(subj.start, subj.end))) continue;
    const after = text.slice(ve, end);
    const that = c.thatAhead.exec(after);
    let clauseStart = -1;
    if (that) clauseStart = ve + that[0].length;
    else if (!/^told|^tells/i.test(m[0]) && !c.noClause.test(after)) clauseStart = ve;
    if (clauseStart < 0) continue;
    const clause = trimStart(text, clauseStart, end);
    if (words(text, clause) < MIN_WORDS) continue;
    return { speaker: subj, clause, cue: { start: subj.start, end: ve } };
  }
  const inv = c.inverted.exec(st);
  if (inv && inv.index > 0) {
    const spText = inv[2] ?? inv[3]!;
    const spStart = s.start + inv.index + inv[0].indexOf(spText);
    const clause = trimStart(text, s.start, s.start + inv.index);
    if (words(text, clause) >= MIN_WORDS && PLAUSIBLE.test(spText)) {
      return { speaker: { start: spStart, end: spStart + spText.length }, clause, cue: { start: s.start + inv.index + 1, end } };
    }
  }
  return null;
}

function trimStart(text: string, start: number, end: number): Range {
  let s = start;
  while (s < end && /\s/.test(text[s]!)) s++;
  return { start: s, end };
}

function words(text: string, r: Range): number {
  let n = 0;
  let inWord = false;
  for (let i = r.start; i < r.end; i++) {
    const w = /[\p{L}\p{N}]/u.test(text[i]!);
    if (w && !inWord) n++;
    inWord = w;
  }
  return n;
}
