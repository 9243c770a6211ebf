// A quote paragraph with no cue of its own takes the speaker the paragraph before hands it. News
// style sets a statement off in its own paragraphs after an introduction: "X said:", "X told
// reporters,", "a statement by X:", "X said in a statement:" ending the paragraph; or, after a
// paragraph whose last sentence reports X's words ("…, X said in a statement carried by Y."), the
// quote that follows goes on with X's words.
import { clauseStart, cueBefore, type Cue } from './cues.js';
import type { QuoteLexicon } from './lexicon.js';
import { phraseAfter } from './phrase.js';

interface Compiled {
  utteranceBy: RegExp;
  inverted: RegExp;
}
let compiled: Compiled | undefined;

function compile(lex: QuoteLexicon): Compiled {
  if (compiled) return compiled;
  const heads = lex.utteranceHeads.map((h) => h.replace(/ /g, '\\s+')).join('|');
  compiled = {
    // "a statement by X:", "the full text of the ministry's statement issued by X:"
    utteranceBy: new RegExp(`\\b(?:${heads})\\s+(?:(?:issued|released|published|posted|made|carried)\\s+(?:[\\w-]+\\s+){0,3}?)?(?:by|from)\\s+`, 'giu'),
    // "…, said X" at the end of a sentence.
    inverted: new RegExp(`,\\s+(?:(?:${lex.adverbRe})\\s+){0,2}(?:${lex.speechVerbRe})\\s+`, 'giu'),
  };
  return compiled;
}

const NOT_A_SUBJECT = /^(?:the|a|an|those|these|this|that|such|some|many|all|both|other|earlier|previous|recent|news|media|press|initial|first|latest|new)$/i;

/** End of the previous paragraph's text (before trailing spaces), its start, and its last character. */
function previousParagraph(text: string, paraStart: number): { start: number; end: number } | null {
  let e = paraStart - 1;
  while (e > 0 && /\s/.test(text[e - 1]!)) e--;
  if (e <= 0) return null;
  return { start: text.lastIndexOf('\n', e - 1) + 1, end: e };
}

/**
 * "X said:" / "X told reporters," / "a statement by X:" ending the paragraph before `paraStart`:
 * an introduction of the quote that opens the next paragraph.
 */
export function introBefore(text: string, paraStart: number, lex: QuoteLexicon): Cue | null {
  const prev = previousParagraph(text, paraStart);
  if (!prev) return null;
  const last = text[prev.end - 1];
  if (last !== ':' && last !== ',') return null;
  const clause = clauseStart(text, prev.end, prev.start, lex);
  const cue = cueBefore(text, clause, prev.end, lex);
  if (cue?.introduces) return cue;
  if (last !== ':') return null;
  // "A statement by X:" names its author without a verb of saying.
  const c = compile(lex);
  const win = text.slice(clause, prev.end);
  let found: Cue | null = null;
  c.utteranceBy.lastIndex = 0;
  for (let m = c.utteranceBy.exec(win); m; m = c.utteranceBy.exec(win)) {
    const sp = phraseAfter(text, clause + m.index + m[0].length, lex);
    if (sp && /^\s*:\s*$/.test(text.slice(sp.end, prev.end))) found = { start: clause + m.index, end: sp.end, speaker: sp, where: 'before', introduces: true };
  }
  return found;
}

/**
 * The speaker of reported speech in the last sentence of the paragraph before `paraStart`
 * ("…, X said." / "X said in a statement …." / "According to X, …."), as a cue; null when that
 * sentence reports nobody's words or holds a quotation of its own.
 */
export function reportBefore(text: string, paraStart: number, lex: QuoteLexicon): Cue | null {
  const prev = previousParagraph(text, paraStart);
  if (!prev) return null;
  let e = prev.end;
  if (!/[.!]/.test(text[e - 1]!)) return null;
  e--;
  const s = clauseStart(text, e, prev.start, lex);
  const sentence = text.slice(s, e);
  if (/[“”"«»]/.test(sentence)) return null;
  const c = compile(lex);
  c.inverted.lastIndex = 0;
  let inv: Cue | null = null;
  for (let m = c.inverted.exec(sentence); m; m = c.inverted.exec(sentence)) {
    const sp = phraseAfter(text, s + m.index + m[0].length, lex);
    if (sp && /^(?:(?:the|a|an)\s|\p{Lu})/u.test(text.slice(sp.start, sp.end))) inv = { start: s + m.index + 1, end: sp.end, speaker: sp, where: 'after', introduces: false };
  }
  if (inv) return inv;
  const cue = cueBefore(text, s, e, lex);
  // "Those reports appeared …": a noun read as a verb, its "subject" a determiner.
  if (cue && NOT_A_SUBJECT.test(text.slice(cue.speaker.start, cue.speaker.end))) return null;
  // Only a verb of saying reports a statement; a framing verb ("X called the move …", "it goes
  // without saying") does not.
  if (!cue || cue.where === 'according') return cue;
  const verb = (text.slice(cue.start, cue.end).toLowerCase().match(/[\p{L}]+/gu) ?? []).at(-1) ?? '';
  if (!(lex.speechVerbs.has(verb) || lex.indirectVerbs.has(verb)) || verb.endsWith('ing')) return null;
  // "media reports", "his remarks": a plural noun after a lower-case word is no verb.
  const before = (text.slice(cue.speaker.start, cue.speaker.end).match(/[\p{L}]+$/u) ?? [''])[0];
  if (verb.endsWith('s') && /^\p{Ll}/u.test(before) && !lex.pronouns.has(before)) return null;
  return cue;
}
