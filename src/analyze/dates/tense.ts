// Tense around a date expression: the nearest tense cue in the sentence decides whether an
// underspecified date ("Friday", "in March") points forward or back from publication.
import type { Ctx } from './types.js';

export type Tense = 'past' | 'future';

const FUTURE = new Set([
  'will', 'shall', "'ll", 'ʼll', 'won’t', "won't", 'upcoming', 'scheduled', 'expected',
  'due', 'planning', 'intends', 'intend', 'would', 'going', 'until',
  'tomorrow', 'hopes', 'aims', 'expect', 'expects', 'slated',
]);
const PAST = new Set(['said', 'was', 'were', 'had', 'did', 'told', 'ago', 'last', 'earlier', 'since', 'previously', 'been', 'began', 'met', 'held', 'took', 'made', 'came', 'went', 'left', 'saw', 'won', 'lost', 'gave', 'spoke', 'wrote']);
const WORD = /[A-Za-z'’ʼ]+/g;

function cueOf(word: string): Tense | null {
  const w = word.replace(/[’ʼ]/g, "'");
  if (w.endsWith("'ll")) return 'future';
  const lower = w.toLowerCase();
  if (FUTURE.has(lower)) return 'future';
  if (PAST.has(lower)) return 'past';
  if (w.length > 4 && w === lower && lower.endsWith('ed')) return 'past';
  return null;
}

/** Binary search for the sentence holding offset `at`; returns -1 if none. */
export function sentenceAt(ctx: Ctx, at: number): number {
  const s = ctx.sentences;
  let lo = 0, hi = s.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = s[mid]!;
    if (at < x.start) hi = mid - 1;
    else if (at >= x.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Start and end of the sentence around [start, end), or a window of the text. */
export function sentenceSpan(ctx: Ctx, start: number, end: number): [number, number] {
  const i = sentenceAt(ctx, start);
  if (i < 0) return [Math.max(0, start - 150), Math.min(ctx.text.length, end + 150)];
  const s = ctx.sentences[i]!;
  return [s.start, Math.max(s.end, end)];
}

export function tenseAt(ctx: Ctx, start: number, end: number): Tense {
  const [from, to] = sentenceSpan(ctx, start, end);
  const sentence = ctx.text.slice(from, to);
  let best: Tense = 'past';
  let bestDist = Infinity;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(sentence); m; m = WORD.exec(sentence)) {
    const ws = from + m.index, we = ws + m[0].length;
    if (ws >= start && we <= end) continue;
    const cue = cueOf(m[0]);
    if (!cue) continue;
    // Cues after the date weigh a little less than cues before it.
    const dist = we <= start ? start - we : (ws - end) * 1.5 + 1;
    if (dist < bestDist) { bestDist = dist; best = cue; }
  }
  return best;
}
