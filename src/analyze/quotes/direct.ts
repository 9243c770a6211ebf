// Direct and partial quotes: each quoted span with its speaker cue, kind and speaker.
// A quote with no cue of its own takes the speaker of the quote just before it in the same or the
// previous paragraph (news style: "“…,” she said. “…”"); short scare quotes without a cue are dropped.
import type { EntityIndex, Quote, Speaker } from '../types.js';
import { clauseStart, cueAfter, cueBefore, type Cue } from './cues.js';
import { SpeakerMemory, type QuoteContext } from './discourse.js';
import { issuerOf } from './issuer.js';
import { introBefore, reportBefore } from './lead-in.js';
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

const NO_CONTEXT: QuoteContext = { titleEnd: 0, isOutlet: () => false, inBody: new Set() };

export function findDirectQuotes(text: string, spans: QuotedSpan[], entities: EntityIndex, lex: QuoteLexicon, ctx: QuoteContext = NO_CONTEXT): Quote[] {
  const out: Quote[] = [];
  const memory = new SpeakerMemory(entities, lex.speechVerbRe, lex.adverbRe, lex.utteranceHeads);
  let prevSpeaker: Speaker | null = null;
  let prevPara = -9;
  let prevAt = -1;
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
    if (!cue && head === '' && paraStart > 0) cue = introBefore(text, paraStart, lex);
    // A quote paragraph after a paragraph that ends reporting X's words goes on with X's words,
    // unless a quote attributed later than that report came in between.
    let lead: Cue | null = null;
    if (!cue && head === '' && paraStart > 0) {
      lead = reportBefore(text, paraStart, lex);
      if (lead && prevPara >= q.paragraph - 1 && prevAt > lead.start) lead = null;
    }
    // "X attacked Y, saying, “…”" / "X has a message: “…”": the clause's first actor speaks.
    if (!cue && (PARTICIPLE_END.test(head) || head.endsWith(':'))) cue = clauseActor(text, clause, q.open, entities);
    const fullClause = head === '' || INTRO_END.test(head) || (cue?.introduces ?? false);
    const words = countWords(text, q.start, q.end, SCARE_MAX_WORDS + 1);
    if (words === 0) continue;
    if (!cue && words <= SCARE_MAX_WORDS) continue;
    if (words <= TITLE_MAX_WORDS && !cue?.introduces && isTitle(text.slice(q.start, q.end))) continue;
    let speaker: Speaker | null = null;
    if (cue) speaker = settle(text, cue, q, resolveSpeaker(text, cue.speaker, entities, lex), memory, entities, lex, ctx);
    else if (lead) {
      speaker = settle(text, lead, q, resolveSpeaker(text, lead.speaker, entities, lex), memory, entities, lex, ctx);
      if (speaker) cue = lead;
    }
    if (!speaker && !cue && prevPara >= q.paragraph - 1 && fullClause) speaker = prevSpeaker;
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
      prevAt = q.open;
      if (cue) memory.remember(speaker, text.slice(cue.speaker.start, cue.speaker.end), afterSpeaker(text, cue), q.open, q.lastParagraph);
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

/** The rest of the cue's sentence after its speaker phrase ("said in a statement carried by …"). */
function afterSpeaker(text: string, cue: Cue): string {
  let e = Math.max(cue.end, cue.speaker.end);
  const limit = Math.min(text.length, e + 120);
  while (e < limit && !/[.!?\n“”"]/.test(text[e]!)) e++;
  return text.slice(cue.speaker.end, e);
}

const PRONOUN = /^(?:he|she|it|they)$/i;
const REFERRING = /^(?:the|this|that|its|his|her|their)\s+(?:[\p{L}-]+\s+){0,3}?([\p{L}-]+)$/iu;
/** The article's own wire in a dateline: "CITY, Date (Wire) -". */
const DATELINE_WIRE = /^[^\n(]{0,80}\(([^()\n]{2,40})\)\s*[-—–]/u;

/**
 * The speaker a cue's phrase stands for once the article is taken into account: a bare cue ("she
 * added", "the spokesman said", "the statement said", "it said") goes back to the statement's
 * author; an outlet carrying a statement hands it to the author the text names; a name found only
 * in the headline speaks for no quote in the body.
 */
function settle(text: string, cue: Cue, q: QuotedSpan, speaker: Speaker | null, memory: SpeakerMemory, entities: EntityIndex, lex: QuoteLexicon, ctx: QuoteContext): Speaker | null {
  if (!speaker) return null;
  const phrase = text.slice(cue.speaker.start, cue.speaker.end).trim();
  const inBody = q.open >= ctx.titleEnd;
  const e = memory.entityOf(speaker);
  if (e && inBody && ctx.titleEnd > 0 && !ctx.inBody.has(e)) {
    // Only the headline names it: whatever the cue says, this is not the speaker.
    return PRONOUN.test(phrase) ? memory.last(phrase, q.paragraph, ctx.isOutlet) : { name: null, entityId: null, anonymous: false, description: phrase };
  }
  if (e && ctx.isOutlet(e)) {
    const author = statementAuthor(text, cue, q, memory, entities, lex, ctx);
    if (author) return { ...author, description: phrase };
    if (ownWire(text, e)) return { name: null, entityId: null, anonymous: false, description: phrase };
    return speaker;
  }
  if (speaker.name || speaker.anonymous || !speaker.description) return speaker;
  const desc = speaker.description.trim();
  if (PRONOUN.test(desc)) return memory.last(desc, q.paragraph, ctx.isOutlet) ?? speaker;
  const ref = REFERRING.exec(desc);
  if (!ref) return speaker;
  const head = ref[1]!.toLowerCase();
  const isDocument = lex.utteranceHeads.some((h) => h.toLowerCase() === head);
  const found = isDocument ? statementAuthor(text, cue, q, memory, entities, lex, ctx, head) : memory.byWord(head, q.paragraph, (r) => !!r.entity && ctx.isOutlet(r.entity));
  if (!found) return speaker;
  // "the mayor" is a mention of the mayor named before.
  const e2 = isDocument ? null : memory.entityOf(found);
  const at = text.indexOf(desc, cue.speaker.start);
  if (e2 && at >= 0 && at < cue.speaker.end) entities.addMention(e2, { start: at, end: at + desc.length, text: desc, via: 'title' });
  return { ...found, description: found.description ?? desc };
}

/** The author of the statement a quote belongs to: the issuer the text names, else the latest speaker said to speak through one. */
function statementAuthor(text: string, cue: Cue, q: QuotedSpan, memory: SpeakerMemory, entities: EntityIndex, lex: QuoteLexicon, ctx: QuoteContext, head = 'statement'): Speaker | null {
  const issuer = issuerOf(text, cue.start, `the ${head}`, lex.utteranceHeads, entities);
  if (issuer && !ctx.isOutlet(issuer)) return { name: issuer.name, entityId: issuer.id, anonymous: false, description: null };
  return memory.author(head, q.paragraph, (r) => !!r.entity && ctx.isOutlet(r.entity));
}

/** True when the outlet is the article's own wire, named in its dateline. */
function ownWire(text: string, e: { mentions: { start: number }[] }): boolean {
  const m = DATELINE_WIRE.exec(text.slice(0, 200));
  if (!m) return false;
  const at = m.index + m[0].indexOf('(') + 1;
  return e.mentions.some((x) => x.start >= at && x.start < at + m[1]!.length);
}
