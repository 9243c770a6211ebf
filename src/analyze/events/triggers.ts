// Trigger spans: one pass over the tokens; a token whose lower-cased text starts some lexicon
// phrase tries those phrases (sticky regexes on the body text). Per sentence, overlapping hits
// keep the longest phrase; noun-only hits count only when the sentence has no verb-headed hit,
// and bare speech verbs (STATEMENT) only when nothing else fired.
import type { EventType, Segmented, Span, Token } from '../types.js';
import type { EventLexicon, TriggerPhrase } from './lexicon.js';

export interface TriggerHit {
  type: EventType;
  mode: string | null;
  start: number;
  end: number;
  /** Index of the first token of the trigger in seg.tokens. */
  token: number;
  sentence: number;
  words: number;
  verbal: boolean;
}

const VERBAL = new Set(['VERB', 'AUX']);
/** A form of "be" right before a word: the word is a passive participle. */
const BE = /\b(?:be|been|being|is|are|was|were)\s+$/i;
const FRAMING = new Set<EventType>(['REQUEST', 'THREATEN', 'AGREE', 'REJECT', 'ACCUSE']);
/** "When asked to comment", "if asked": a question put to the speaker (by a reporter), not a request. */
const QUESTION_BEFORE = /\b(?:when|if|once|after|before)\s+(?:(?:he|she|they|it)\s+(?:is|was|were)\s+)?$/i;
/** "asked about …", "asked reporters whether …": a question, not a request. */
const QUESTION_AFTER = /^ask(?:ed|s|ing)?\s+(?:\p{L}+\s+)?(?:about|whether|if|what|how|why|who)\b/iu;

/**
 * `skip`: spans in text order where a token triggers nothing: dates ("March", "May") and names
 * ("United States", "Peace Corps", "Treaty Organization").
 */
export function findTriggers(seg: Segmented, lex: EventLexicon, skip: Span[]): TriggerHit[][] {
  const bySentence: TriggerHit[][] = [];
  const { tokens, text } = seg;
  let d = 0;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const list = lex.byFirst.get(tok.lower);
    if (!list) continue;
    while (d < skip.length && skip[d]!.end <= tok.start) d++;
    if (d < skip.length && skip[d]!.start <= tok.start) continue;
    const sEnd = seg.sentences[tok.sentence]!.end;
    for (const p of list) {
      const hit = tryPhrase(p, text, tokens, i, sEnd);
      if (hit) (bySentence[tok.sentence] ??= []).push(hit);
    }
  }
  return bySentence.map((hits) => (hits ? select(hits) : hits));
}

function tryPhrase(p: TriggerPhrase, text: string, tokens: Token[], i: number, sEnd: number): TriggerHit | null {
  const tok = tokens[i]!;
  p.re.lastIndex = tok.start;
  const m = p.re.exec(text);
  if (!m || tok.start + m[0].length > sEnd) return null;
  // A one-word trigger read as an adjective describes, it does not report ("a demanding
  // phrase", "threatening rhetoric").
  if (p.words === 1 && tok.pos === 'ADJ') return null;
  // "will be met with force", "was met with criticism": meeting with a reaction, not with someone.
  if (p.type === 'CONSULT' && tok.lower === 'met' && /^met\s+with\b/i.test(text.slice(tok.start, tok.start + 12)) && BE.test(text.slice(Math.max(0, tok.start - 12), tok.start))) return null;
  if (isIdiom(p.type, tokens, i, text)) return null;
  return {
    type: p.type, mode: p.mode, start: tok.start, end: tok.start + m[0].length, token: i, sentence: tok.sentence, words: p.words,
    verbal: VERBAL.has(tok.pos) || (p.words > 1 && tok.pos !== 'NOUN' && tok.pos !== 'PROPN'),
  };
}

const SIGN_NOUN_BEFORE = new Set(['a', 'an', 'no', 'any', 'every', 'the', 'first', 'clear', 'little', 'some', 'strong']);

/**
 * A trigger word in a phrase where it names no act: "in order to" (a purpose), "a sign of" /
 * "signs that" (evidence, not a signature), "wanted to respond" (a wish; a request needs someone
 * asked: "wanted X to …"), "when asked about" (a reporter's question).
 */
function isIdiom(type: EventType, tokens: Token[], i: number, text: string): boolean {
  const tok = tokens[i]!;
  const word = tok.lower;
  const near = (k: number): string => (tokens[k]?.sentence === tok.sentence ? tokens[k]!.lower : '');
  if (type === 'REQUEST' && word.startsWith('ask')) return QUESTION_BEFORE.test(text.slice(Math.max(0, tok.start - 24), tok.start)) || QUESTION_AFTER.test(text.slice(tok.start, tok.start + 40));
  if (type === 'REQUEST' && word === 'order') return near(i - 1) === 'in';
  if (type === 'AGREE' && (word === 'sign' || word === 'signs')) return SIGN_NOUN_BEFORE.has(near(i - 1)) || near(i + 1) === 'of' || near(i + 1) === 'that';
  if (type === 'REQUEST' && word.startsWith('want')) return near(i + 1) === 'to';
  return false;
}

/** Keeps non-overlapping hits, preferring more written words, then verbs, then earlier start. */
function select(hits: TriggerHit[]): TriggerHit[] {
  const ranked = [...hits].sort((a, b) => b.words - a.words || Number(b.verbal) - Number(a.verbal) || (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const kept: TriggerHit[] = [];
  for (const h of ranked) if (!kept.some((k) => k.start < h.end && h.start < k.end)) kept.push(h);
  const events = kept.filter((h) => h.type !== 'STATEMENT' || h.mode !== 'comment');
  const pool = events.length ? events : kept;
  // A noun trigger counts when it comes before the first verb trigger ("reported a visit by X").
  const firstVerb = Math.min(...pool.filter((h) => h.verbal).map((h) => h.start));
  const ordered = pool.filter((h) => h.verbal || h.start < firstVerb).sort((a, b) => a.start - b.start);
  // What follows a demand, threat, promise, refusal or accusation is its content ("urged X to
  // halt attacks", "accused X of arresting"), not a second event.
  const frame = ordered.findIndex((h) => FRAMING.has(h.type));
  return frame < 0 ? ordered : ordered.filter((h, i) => i <= frame || FRAMING.has(h.type) || h.type === 'STATEMENT');
}
