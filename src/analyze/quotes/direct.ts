// Direct and partial quotes: each quoted span with its speaker cue, kind and speaker.
// A quote with no cue of its own takes the speaker of the quote just before it in the same or the
// previous paragraph (news style: "“…,” she said. “…”"); short scare quotes without a cue are dropped.
import type { EntityIndex, Quote, Speaker } from '../types.js';
import { clauseStart, cueAfter, cueBefore, type Cue } from './cues.js';
import type { QuoteLexicon } from './lexicon.js';
import type { QuotedSpan } from './quote-marks.js';
import { resolveSpeaker } from './speakers.js';

/** At most this many words in a quoted phrase with no speech cue make it a title or scare quote. */
export const SCARE_MAX_WORDS = 3;
/** A quoted Title Case phrase of at most this many words is a title (a show, book, slogan), not speech. */
export const TITLE_MAX_WORDS = 6;
const SMALL_WORDS = /^(?:a|an|the|of|and|or|in|on|at|to|for|by|with|from|is|as|vs|&)$/;
const TITLE_WORD = /^[\p{Lu}\p{N}]/u;

function isTitle(s: string): boolean {
  if (/[.,!?:;…]\s*$/u.test(s)) return false;
  const ws = s.split(/\s+/).filter(Boolean);
  let caps = 0;
  for (const w of ws) {
    if (TITLE_WORD.test(w)) caps++;
    else if (!SMALL_WORDS.test(w)) return false;
  }
  return caps >= 1 && TITLE_WORD.test(ws[0]!);
}
const WORD_RE = /[\p{L}\p{N}]+/gu;
const PARTICIPLE_END = /\b(?:saying|adding|writing|telling\s+[^,]{1,40}|noting|declaring|insisting|arguing|asking|warning|explaining|tweeting|stating)\s*[,:]?\s*$/iu;
const INTRO_END = /(?:[:,—–]|\bthat|\bas saying)\s*$/u;

function countWords(text: string, start: number, end: number, cap: number): number {
  WORD_RE.lastIndex = start;
  let n = 0;
  for (let m = WORD_RE.exec(text); m && m.index < end && n <= cap; m = WORD_RE.exec(text)) n++;
  return n;
}

export function findDirectQuotes(text: string, spans: QuotedSpan[], entities: EntityIndex, lex: QuoteLexicon): Quote[] {
  const out: Quote[] = [];
  let prevSpeaker: Speaker | null = null;
  let prevPara = -9;
  let prevClose = 0;
  for (const q of spans) {
    const paraStart = text.lastIndexOf('\n', q.open - 1) + 1;
    let paraEnd = text.indexOf('\n', q.close);
    if (paraEnd < 0) paraEnd = text.length;
    const floor = Math.max(paraStart, prevClose);
    const clause = clauseStart(text, q.open, floor, lex);
    const head = text.slice(clause, q.open).trim();
    let cue: Cue | null = q.closed ? cueAfter(text, q.close, paraEnd, lex) : null;
    const before = cueBefore(text, clause, q.open, lex);
    if (before && (before.introduces || !cue)) cue = before;
    if (!cue && head === '' && paraStart > 0) cue = colonBefore(text, paraStart, lex);
    // "X attacked Y, saying, “…”" / "X has a message: “…”": the clause's first actor speaks.
    if (!cue && (PARTICIPLE_END.test(head) || head.endsWith(':'))) cue = clauseActor(text, clause, q.open, entities);
    const fullClause = head === '' || INTRO_END.test(head) || (cue?.introduces ?? false);
    const words = countWords(text, q.start, q.end, SCARE_MAX_WORDS + 1);
    if (words === 0) continue;
    if (!cue && words <= SCARE_MAX_WORDS) continue;
    if (words <= TITLE_MAX_WORDS && !cue?.introduces && isTitle(text.slice(q.start, q.end))) continue;
    let speaker: Speaker | null = null;
    if (cue) speaker = resolveSpeaker(text, cue.speaker, entities, lex);
    else if (prevPara >= q.paragraph - 1 && fullClause) speaker = prevSpeaker;
    out.push({
      start: q.start,
      end: q.end,
      text: text.slice(q.start, q.end),
      kind: fullClause ? 'direct' : 'partial',
      speaker,
      cue: cue ? { start: cue.start, end: cue.end, text: text.slice(cue.start, cue.end) } : null,
    });
    if (speaker) {
      prevSpeaker = speaker;
      prevPara = q.lastParagraph;
    }
    prevClose = q.close;
  }
  return out;
}

/** The first person (else organisation) mentioned in [start, end), as a cue. */
function clauseActor(text: string, start: number, end: number, entities: EntityIndex): Cue | null {
  let best: { s: number; e: number; person: boolean } | null = null;
  for (const ent of entities.entities) {
    if (ent.type !== 'person' && ent.type !== 'organization') continue;
    const person = ent.type === 'person';
    for (const m of ent.mentions) {
      if (m.start < start || m.end > end) continue;
      if (!best || (person && !best.person) || (person === best.person && m.start < best.s)) best = { s: m.start, e: m.end, person };
    }
  }
  void text;
  return best ? { start: best.s, end: best.e, speaker: { start: best.s, end: best.e }, where: 'before', introduces: true } : null;
}

/** "X continued:" ending the previous paragraph introduces a quote that opens the next one. */
function colonBefore(text: string, paraStart: number, lex: QuoteLexicon): Cue | null {
  let e = paraStart - 1;
  while (e > 0 && /\s/.test(text[e - 1]!)) e--;
  if (text[e - 1] !== ':') return null;
  const prevStart = text.lastIndexOf('\n', e - 1) + 1;
  const clause = clauseStart(text, e, prevStart, lex);
  const cue = cueBefore(text, clause, e, lex);
  return cue?.introduces ? cue : null;
}
