// What the sentence says about an event besides its type: negation ("did not attend"), modality
// (reported / hypothetical / planned / asserted), sourcing (speculation, anonymous source, expert,
// media report, official) and an explicit response cue ("in response to", "dismissed").
import type { AnalysisEvent, Segmented, Token } from '../types.js';
import type { EventLexicon } from './lexicon.js';

const PUNCT_STOP = new Set([',', ';', ':', '—', '–', '(', ')', '"', '“', '”']);
const FUTURE_PAST = new Set(['would', "'d"]);

/** A negation word among the four tokens before the trigger (stopping at punctuation) or inside it. */
export function isNegated(seg: Segmented, tokenIdx: number, lex: EventLexicon): boolean {
  const toks = seg.tokens;
  const s = toks[tokenIdx]!.sentence;
  for (let k = tokenIdx - 1; k >= 0 && k >= tokenIdx - 4; k--) {
    const t = toks[k]!;
    if (t.sentence !== s || PUNCT_STOP.has(t.text)) break;
    if (lex.negation.has(t.lower)) return true;
  }
  return false;
}

/** Modality cues of a whole sentence, computed once per sentence. */
export interface SentenceModality {
  conditional: boolean;
  later: boolean;
  reported: boolean;
}

export function sentenceModality(sentText: string, lex: EventLexicon): SentenceModality {
  return {
    conditional: /\b(?:if|unless|in case|provided that)\b/i.test(sentText),
    later: /\b(?:next (?:week|month|year)|later this (?:week|month|year))\b/i.test(sentText),
    reported: lex.reportedRe.test(sentText),
  };
}

export function modalityOf(seg: Segmented, tokenIdx: number, sm: SentenceModality, lex: EventLexicon): NonNullable<AnalysisEvent['modality']> {
  const toks = seg.tokens;
  const trig = toks[tokenIdx]!;
  const sent = seg.sentences[trig.sentence]!;
  const nearText = seg.text.slice(windowBefore(toks, tokenIdx, 5), trig.start);
  if (sm.conditional && (/\b(?:would|could|might|may)\b/i.test(nearText) || /\b(?:if|unless)\b/i.test(seg.text.slice(sent.start, trig.start)))) return 'hypothetical';
  if (/\b(?:could|might|may)\b/i.test(nearText)) return 'hypothetical';
  if (lex.plannedRe.test(nearText) || toks.slice(Math.max(0, tokenIdx - 3), tokenIdx).some((t) => FUTURE_PAST.has(t.lower))) return 'planned';
  if (sm.later) return 'planned';
  if (sm.reported) return 'reported';
  return 'asserted';
}

export interface SourcingClues {
  /** The quote the trigger sits in has an anonymous speaker. */
  anonymousSpeaker: boolean;
  /** A news agency or state medium is named in the sentence. */
  stateMedium: boolean;
  /** The source actor is a named institution, country or registry person. */
  officialSource: boolean;
}

/** The sentence's own sourcing cue (computed once per sentence), or null. */
export function sentenceSourcing(sentText: string, clues: Omit<SourcingClues, 'officialSource'>, lex: EventLexicon): AnalysisEvent['sourcing'] | null {
  if (lex.speculationRe.test(sentText)) return 'speculation';
  if (clues.anonymousSpeaker || lex.anonymousRe.test(sentText)) return 'anonymous-source';
  if (lex.expertRe.test(sentText)) return 'expert';
  if (clues.stateMedium || lex.stateMediaRe.test(sentText)) return 'official';
  if (lex.mediaRe.test(sentText) || /\breportedly\b/i.test(sentText)) return 'media-report';
  return null;
}

export function sourcingOf(sentText: string, clues: SourcingClues, lex: EventLexicon): NonNullable<AnalysisEvent['sourcing']> {
  return sentenceSourcing(sentText, clues, lex) ?? (clues.officialSource ? 'official' : 'unknown');
}

const globalResponse = new WeakMap<EventLexicon, RegExp>();

export function responseCueOf(sentText: string, lex: EventLexicon): string | null {
  let re = globalResponse.get(lex);
  if (!re) globalResponse.set(lex, (re = new RegExp(lex.responseRe.source, lex.responseRe.flags.replace('g', '') + 'g')));
  re.lastIndex = 0;
  for (let m = re.exec(sentText); m; m = re.exec(sentText)) {
    // "urged the North to respond", "has yet to reply": asking for an answer is not answering.
    if (/\b(?:to|not|never|yet to|failed to|refused to)\s+$/i.test(sentText.slice(Math.max(0, m.index - 12), m.index))) continue;
    return m[0].toLowerCase().replace(/\s+/g, ' ');
  }
  return null;
}

function windowBefore(toks: Token[], idx: number, n: number): number {
  const s = toks[idx]!.sentence;
  let k = idx;
  while (k > 0 && idx - k < n && toks[k - 1]!.sentence === s) k--;
  return toks[k]!.start;
}
