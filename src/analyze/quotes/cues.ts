// Speaker cues around a quoted span: after it ("…,” said X" / "…,” X said"), before it
// ("X said: “…”", "X noted that “…”", "According to X, “…”"), a framing verb for a partial quote
// ("X called the drills “…”"), or the colon that ends the previous paragraph ("X continued:").
import type { QuoteLexicon } from './lexicon.js';
import { isSentenceDot, phraseAfter, skipDateline, subjectBefore, type Range } from './phrase.js';

export interface Cue extends Range {
  /** The speaker phrase. */
  speaker: Range;
  /** 'after'/'before': a verb of saying next to the quote; 'frame': a verb earlier in the sentence. */
  where: 'after' | 'before' | 'frame' | 'according';
  /** True when the cue ends with ":", "," or "that" right before the quote (a full-clause quote). */
  introduces: boolean;
}

interface Compiled {
  afterInverted: RegExp;
  afterSubject: RegExp;
  afterDash: RegExp;
  beforeVerb: RegExp;
  frameVerb: RegExp;
  according: RegExp;
  addressee: RegExp;
  quotedAsAfter: RegExp;
  quotedAs: RegExp;
}

const S = '[ \\t\\u00a0]+';
const WORD = "(?:[\\p{L}\\p{N}][\\p{L}\\p{N}.'’\\-]*|\\([^()\\n]{1,25}\\))";
let compiled: Compiled | undefined;

function compile(lex: QuoteLexicon): Compiled {
  if (compiled) return compiled;
  const verb = `(?:${lex.speechVerbRe})`;
  const adv = `(?:(?:${lex.adverbRe})${S}){0,2}`;
  compiled = {
    // "…,” said X" — sticky at the end of the closing mark.
    afterInverted: new RegExp(`[ \\t\\u00a0]*[,—–-]?[ \\t\\u00a0]*(?:${adv})(${verb})${S}(?=[\\p{L}\\p{N}])`, 'iuy'),
    // "…,” X said" / "…,” X, the envoy, told reporters"
    afterSubject: new RegExp(
      `[ \\t\\u00a0]*[,—–-]?[ \\t\\u00a0]*(${WORD}(?:${S}${WORD}){0,9}?)(?:,[^“”"\\n]{1,220}?,)?${S}${adv}(${verb})(?=[\\s.,;:!?—)]|$)`,
      'uy',
    ),
    // "…” — Jane Roe" / "…” ― Jane Roe, teacher": a byline-style attribution ending the paragraph.
    afterDash: /[ \t\u00a0]*[―—–][ \t\u00a0]*(?=\p{Lu})/uy,
    beforeVerb: new RegExp(`(?<![\\w-])(${verb})\\b`, 'giu'),
    frameVerb: new RegExp(`(?<![\\w-])(?:${lex.framingVerbRe})\\b`, 'giu'),
    according: new RegExp(`\\b(?:${lex.accordingRe})${S}`, 'giu'),
    // "…,” X was quoted as saying (by the agency)" — sticky at the end of the closing mark.
    quotedAsAfter: new RegExp(`[ \\t\\u00a0]*[,—–-]?[ \\t\\u00a0]*(${WORD}(?:${S}${WORD}){0,9}?)(?:,[^“”"\\n]{1,160}?,)?${S}(?:was|were|is|has${S}been|had${S}been)${S}quoted(?:${S}by${S}[^,“”"\\n]{1,80}?)?${S}as${S}saying\\b`, 'uy'),
    // "The agency quoted X as saying", "citing X as saying": X speaks, the medium carries.
    quotedAs: /\b(?:quoted|quoting|cited|citing|quotes|cites)\s+/giu,
    addressee: new RegExp(`^(?:(?:${lex.addresseeRe})$|(?:in|on|at|to|during|after|before|of|about|that|it|this)\\b)`, 'i'),
  };
  return compiled;
}

/** Tail of the cue after a verb of saying: "that", ":" "," or up to 8 words (object, adjuncts) then ":"/",". */
const INTRO_TAIL = /^(?:\s+[^\s,:;“”"]+){0,8}?\s*(?:[:,—–]|\bthat|\bas saying)?\s*$/u;
const ENDS_INTRO = /(?:[:,—–]|\bthat|\bas saying)\s*$/u;

export function cueAfter(text: string, close: number, paraEnd: number, lex: QuoteLexicon): Cue | null {
  const c = compile(lex);
  c.afterInverted.lastIndex = close;
  const inv = c.afterInverted.exec(text);
  if (inv) {
    const sp = phraseAfter(text, inv.index + inv[0].length, lex);
    if (sp && sp.end <= paraEnd && !isAddressee(text, sp, lex)) return { start: close + (inv[0].length - inv[0].trimStart().length), end: sp.end, speaker: sp, where: 'after', introduces: false };
  }
  c.quotedAsAfter.lastIndex = close;
  const qa = c.quotedAsAfter.exec(text);
  if (qa && qa.index + qa[0].length <= paraEnd) {
    const subjStart = qa.index + qa[0].indexOf(qa[1]!);
    const speaker = trimParen(text, { start: subjStart, end: subjStart + qa[1]!.length });
    return { start: subjStart, end: qa.index + qa[0].length, speaker, where: 'after', introduces: false };
  }
  c.afterSubject.lastIndex = close;
  const m = c.afterSubject.exec(text);
  if (m && m.index + m[0].length <= paraEnd) {
    const subjStart = m.index + m[0].indexOf(m[1]!);
    const speaker = trimParen(text, { start: subjStart, end: subjStart + m[1]!.length });
    const lw = m[1]!.toLowerCase();
    if (!/^(?:and|but|or|so|then|as|if|when|the\s+\w+\s+(?:is|was))\b/.test(lw)) {
      return { start: subjStart, end: m.index + m[0].length, speaker, where: 'after', introduces: false };
    }
  }
  c.afterDash.lastIndex = close;
  const dash = c.afterDash.exec(text);
  if (dash) {
    const sp = phraseAfter(text, close + dash[0].length, lex);
    if (sp && sp.end <= paraEnd && !/[\p{L}\p{N}]/u.test(text.slice(sp.end, paraEnd).split(',')[0]!)) {
      return { start: close + dash[0].length, end: sp.end, speaker: sp, where: 'after', introduces: false };
    }
  }
  return null;
}

/** A cue in [floor, open): the last verb of saying whose subject is in the window, or "According to X,". */
export function cueBefore(text: string, floor: number, open: number, lex: QuoteLexicon): Cue | null {
  const c = compile(lex);
  if (open - floor < 3) return null;
  const win = text.slice(floor, open);
  let best: Cue | null = null;
  c.according.lastIndex = 0;
  for (let m = c.according.exec(win); m; m = c.according.exec(win)) {
    const sp = phraseAfter(text, floor + m.index + m[0].length, lex);
    if (sp) best = { start: floor + m.index, end: sp.end, speaker: sp, where: 'according', introduces: ENDS_INTRO.test(win) || /,\s*$/.test(text.slice(sp.end, open)) };
  }
  c.beforeVerb.lastIndex = 0;
  let verbCue: Cue | null = null;
  for (let m = c.beforeVerb.exec(win); m; m = c.beforeVerb.exec(win)) {
    const vs = floor + m.index;
    const ve = vs + m[0].length;
    const subj = subjectBefore(text, vs, floor, lex);
    if (!subj) continue;
    const tail = text.slice(ve, open);
    const introduces = INTRO_TAIL.test(tail) && (ENDS_INTRO.test(tail) || tail.trim() === '');
    verbCue = { start: subj.start, end: ve, speaker: trimParen(text, subj), where: introduces ? 'before' : 'frame', introduces };
  }
  if (verbCue && (!best || verbCue.start > best.end)) best = verbCue;
  // "The agency quoted X as saying, “…”": X is the speaker, whatever verb came before.
  c.quotedAs.lastIndex = 0;
  for (let m = c.quotedAs.exec(win); m; m = c.quotedAs.exec(win)) {
    const sp = phraseAfter(text, floor + m.index + m[0].length, lex);
    if (!sp || !/^\s+as\s+saying\b/iu.test(text.slice(sp.end, open))) continue;
    const tail = text.slice(sp.end, open);
    if (!best || floor + m.index >= best.start) best = { start: floor + m.index, end: sp.end, speaker: sp, where: 'before', introduces: /saying\b[\s,:—–]*(?:that\s*)?$/iu.test(tail) };
  }
  // "The agency reported that X called it “…”": a framing verb inside the reported clause has its own subject.
  if (best && best.where !== 'according' && !best.introduces) {
    const inner = frameCue(text, best.end, open, lex, false);
    if (inner && inner.speaker.start >= best.end) return inner;
  }
  if (best) return best;
  return frameCue(text, floor, open, lex);
}

/** A framing verb in [floor, open) with its subject ("X called the drills “…”"). */
function frameCue(text: string, floor: number, open: number, lex: QuoteLexicon, participles = true): Cue | null {
  const c = compile(lex);
  if (open - floor < 3) return null;
  const win = text.slice(floor, open);
  c.frameVerb.lastIndex = 0;
  let frame: Cue | null = null;
  for (let m = c.frameVerb.exec(win); m; m = c.frameVerb.exec(win)) {
    const vs = floor + m.index;
    // "X rejected the offer, calling it “…”": a participle after a comma takes the clause's subject.
    const participle = /ing$/i.test(m[0]) && /,\s*$/.test(text.slice(floor, vs));
    if (!participles && /ing$/i.test(m[0])) continue;
    const subj = participle ? phraseAfter(text, skipDateline(text, floor), lex) : subjectBefore(text, vs, floor, lex);
    if (subj) frame = { start: subj.start, end: vs + m[0].length, speaker: trimParen(text, subj), where: 'frame', introduces: false };
  }
  return frame;
}

/** Start of the clause the quote at `open` is in: after the last sentence end, quote or paragraph start. */
export function clauseStart(text: string, open: number, floor: number, lex: QuoteLexicon): number {
  for (let i = open - 1; i > floor; i--) {
    const ch = text[i]!;
    if (ch === '\n') return i + 1;
    if ((ch === '!' || ch === '?') && /\s/.test(text[i + 1] ?? ' ')) return i + 1;
    if (ch === '.' && /\s/.test(text[i + 1] ?? ' ') && isSentenceDot(text, i, lex)) return i + 1;
  }
  return floor;
}

function isAddressee(text: string, sp: Range, lex: QuoteLexicon): boolean {
  return compile(lex).addressee.test(text.slice(sp.start, sp.end));
}

/** Drops a trailing "(D-N.C.)" style parenthetical from a subject range. */
function trimParen(text: string, r: Range): Range {
  let e = r.end;
  const s = text.slice(r.start, e);
  const p = s.lastIndexOf(' (');
  if (p > 0 && s.endsWith(')')) e = r.start + p;
  return { start: r.start, end: e };
}

export const introducedBy = (text: string, floor: number, open: number): boolean => ENDS_INTRO.test(text.slice(floor, open));
