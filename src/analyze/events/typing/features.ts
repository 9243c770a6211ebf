// Features of one candidate event (a trigger hit in its sentence) for the learned event typer:
// the trigger and the words around it, the clause's words and word pairs, part-of-speech around the
// trigger, negation, modality, which kinds of actor stand before and after it, shape cues of
// timestamps, bylines and background dates, and the rule's own vote (type and mode). Each feature
// is a (template, value) pair hashed to 32 bits, as in the entity tagger, so no strings are kept.
import { hashString, mix, mix3 } from '../../ner/hash.js';
import type { HashBuffer } from '../../ner/hash-buffer.js';
import type { AnalysisEvent, Segmented, Token } from '../../types.js';
import type { Placed } from '../actors.js';
import type { TriggerHit } from '../triggers.js';

/** Bump when what a feature means changes; the model then has to be retrained (`npm run train:events`). */
export const FEATURE_VERSION = 1;

/** Everything the typer reads about one hit; all of it is computed by the event coder anyway. */
export interface HitContext {
  seg: Segmented;
  hit: Pick<TriggerHit, 'type' | 'mode' | 'start' | 'end' | 'token'>;
  /** Entity mentions inside the hit's sentence (near the trigger in a very long one), in text order. */
  mentions: Placed[];
  negated: boolean;
  modality: NonNullable<AnalysisEvent['modality']>;
}

// Template ids (the first value hashed into each feature).
const T = {
  bias: 1, ruleType: 2, ruleMode: 3, phrase: 4, trigStem: 5, trigLast: 6, at: 7, window: 8, pos: 9, posPair: 10,
  word: 11, pair: 12, negated: 13, modality: 14, argLeft: 15, argRight: 16, argNone: 17, ruleNeg: 18, ruleModality: 19,
  inQuote: 20, shape: 21, ruleStem: 22,
} as const;

/** Tokens either side of the trigger whose words and word pairs count as its clause. */
const CLAUSE = 10;
/** Tokens either side of the trigger read for sentence-wide cues. */
const SPAN = 60;
const WINDOW = 3;

const PUNCT = /^[^\p{L}\p{N}]+$/u;
const QUOTE_MARK = /^["“”«»]$/;

/**
 * A word's lower-cased stem (a light suffix strip, enough to join "attacked/attacks/attacking"),
 * with digits folded so numbers, years and clock times become shapes.
 */
export function stem(lower: string): string {
  if (/\d/.test(lower)) {
    if (/^(?:19|20)\d\d$/.test(lower)) return '<year>';
    if (/^\d{1,2}[:.]\d\d$/.test(lower)) return '<time>';
    return '<num>';
  }
  let w = lower.replace(/[’']s$/, '');
  if (w.length > 5 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('es') && /(?:ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
  // "stopped" → "stopp" → "stop"; "agreed" → "agre" stays (one form per word is what matters).
  if (w.length > 4 && w.at(-1) === w.at(-2) && !/[ls]/.test(w.at(-1)!)) w = w.slice(0, -1);
  return w;
}

const h = (s: string): number => hashString(s);
const typeHash = new Map<string, number>();
const cached = (s: string): number => {
  let v = typeHash.get(s);
  if (v === undefined) typeHash.set(s, (v = h(s)));
  return v;
};
/** Lower-cased word → hash of its stem, kept per process (emptied when it grows past a vocabulary's size). */
const stemHash = new Map<string, number>();
const stemOf = (lower: string): number => {
  let v = stemHash.get(lower);
  if (v === undefined) {
    if (stemHash.size > 200_000) stemHash.clear();
    stemHash.set(lower, (v = h(stem(lower))));
  }
  return v;
};

/**
 * Pushes the hit's feature hashes into `out`. `withRule = false` leaves out the rule's vote
 * (training drops it from some examples so the model also learns to type from the words alone).
 */
export function hitFeatures(ctx: HitContext, out: HashBuffer, withRule = true): void {
  const { seg, hit, mentions } = ctx;
  const toks = seg.tokens;
  const trig = toks[hit.token]!;
  const sent = trig.sentence;
  // The sentence around the trigger, at most SPAN tokens each way (a page without full stops is one "sentence").
  let first = hit.token;
  while (first > 0 && hit.token - first < SPAN && toks[first - 1]!.sentence === sent) first--;
  let last = hit.token;
  while (last + 1 < toks.length && last - hit.token < SPAN && toks[last + 1]!.sentence === sent) last++;
  let trigEnd = hit.token;
  while (trigEnd + 1 <= last && toks[trigEnd + 1]!.start < hit.end) trigEnd++;
  const stems = (k: number): number => stemOf(toks[k]!.lower);

  out.push(T.bias);
  const rule = cached(hit.type);
  const trigStem = stems(hit.token);
  if (withRule) {
    out.push(mix(T.ruleType, rule));
    out.push(mix(T.ruleMode, cached(`${hit.type}.${hit.mode ?? ''}`)));
    out.push(mix3(T.ruleNeg, rule, Number(ctx.negated)));
    out.push(mix3(T.ruleModality, rule, cached(ctx.modality)));
    out.push(mix3(T.ruleStem, rule, trigStem));
  }
  out.push(mix(T.phrase, h(seg.text.slice(hit.start, hit.end).toLowerCase().replace(/\s+/g, ' '))));
  out.push(mix(T.trigStem, trigStem));
  if (trigEnd > hit.token) out.push(mix(T.trigLast, stems(trigEnd)));
  out.push(mix(T.negated, Number(ctx.negated)));
  out.push(mix(T.modality, cached(ctx.modality)));

  // Words at fixed offsets and as a bag within ±WINDOW, outside the trigger.
  for (let d = 1; d <= WINDOW; d++) {
    const l = hit.token - d;
    const r = trigEnd + d;
    const lw = l >= first ? stems(l) : 0;
    const rw = r <= last ? stems(r) : 0;
    out.push(mix3(T.at, -d, lw));
    out.push(mix3(T.at, d, rw));
    if (lw) out.push(mix(T.window, lw));
    if (rw) out.push(mix(T.window, rw));
  }
  const pos = (k: number): number => (k >= first && k <= last ? cached(toks[k]!.pos) : 0);
  out.push(mix3(T.pos, 0, pos(hit.token)));
  out.push(mix3(T.pos, -1, pos(hit.token - 1)));
  out.push(mix3(T.pos, 1, pos(trigEnd + 1)));
  out.push(mix3(T.posPair, pos(hit.token - 1), pos(hit.token)));
  out.push(mix3(T.posPair, mix(pos(hit.token - 2), pos(hit.token - 1)), pos(hit.token)));

  // The clause: words and adjacent word pairs within CLAUSE tokens of the trigger.
  const from = Math.max(first, hit.token - CLAUSE);
  const to = Math.min(last, trigEnd + CLAUSE);
  let prev = 0;
  for (let k = from; k <= to; k++) {
    const t = toks[k]!;
    if (PUNCT.test(t.text)) {
      prev = 0;
      continue;
    }
    const w = stems(k);
    out.push(mix(T.word, w));
    if (prev) out.push(mix3(T.pair, prev, w));
    prev = w;
  }

  // Which kinds of actor stand before and after the trigger in the sentence (nearest first).
  let left: string | null = null;
  let right: string | null = null;
  const from0 = toks[first]!.start;
  for (const p of mentions) {
    if (p.m.start < from0) continue;
    if (p.m.end <= hit.start) left = p.e.type;
    else if (p.m.start >= hit.end) {
      right = p.e.type;
      break;
    }
  }
  if (left) out.push(mix(T.argLeft, cached(left)));
  if (right) out.push(mix(T.argRight, cached(right)));
  if (!left && !right) out.push(T.argNone);

  let marks = 0;
  for (let k = first; k < hit.token; k++) if (QUOTE_MARK.test(toks[k]!.text)) marks++;
  if (marks % 2 === 1) out.push(T.inQuote);
  for (const s of shapes(toks, first, last)) out.push(mix(T.shape, cached(s)));
}

/** Cues of lines that are not reports of a current act: clock times, bylines, captions, past dates. */
function shapes(toks: Token[], first: number, last: number): string[] {
  // No sentence-length cue: the sources differ in length (short sport lines and bylines, long
  // synthetic stories), so length taught the source, not whether a line reports an act.
  const out: string[] = [];
  let caps = 0;
  let words = 0;
  for (let k = first; k <= last; k++) {
    const t = toks[k]!;
    if (t.pos === 'PUNCT' || t.pos === 'SYM') continue;
    words++;
    const c = t.text.charCodeAt(0);
    if (t.text !== t.lower) caps++;
    if (c >= 48 && c <= 57) {
      if (/^\d{1,2}[:.]\d\d$/.test(t.text)) out.push('clock');
      else if (/^(?:19|20)\d\d$/.test(t.text)) out.push('year');
    } else if (t.lower === 'a.m.' || t.lower === 'p.m.' || t.lower === 'am' || t.lower === 'pm') out.push('clock');
  }
  if (words && caps / words > 0.6) out.push('mostly-capitalised');
  if (toks[first]!.lower === 'by') out.push('starts-by');
  if (/^(?:photo|file|image|picture|caption|copyright|©)$/.test(toks[first]!.lower)) out.push('starts-caption');
  return out;
}
