// The position scorer: a pure function (text, the article's events and quotes when there are
// any, an issue of the position lexicon) → a position on the issue's hawkish ↔ engagement axis
// in [−1, +1] (−1 hawkish, +1 engagement), with the sentences that drove it.
//
// Method (documented in docs/opinion.md):
// 1. Lexicon cues. The text is split into sentences and words; at each word the longest cue
//    phrase of the issue starting there matches (whole words; "~" stems match as prefixes).
//    A hawkish cue adds its weight to H, an engagement cue to E.
// 2. Negation. A negation word ("not", "no", "never", "n't", "without" …) among the three words
//    before a cue, in the same clause (no , ; : or "but" between), turns the cue to the other side
//    at half strength (negated_factor): "a strike is not a military option" leans to engagement.
// 3. Quotes. A cue inside quotation marks or inside one of the analysis' quotes is someone
//    else's words that the author reports: it counts quoted_factor (½) of its weight.
// 4. Events. Each event of the article's analysis with |intensity| ≥ 1 (−10 conflict … +10
//    cooperation, negation already applied by the event coder) adds |intensity| / 10 to E when
//    cooperative or H when conflictual (½ when it is a quoted statement): what the piece says
//    actors did or should do.
// 5. position = (E − H) / (E + H + 1): the +1 keeps one stray cue from reading as a firm
//    stance (one weight-1 cue → ±0.5, two → ±0.67); null when nothing matched (no signal).
// Tone (for reader comments) counts the lexicon's positive and negative words, a negation
// before one flipping it: tone = (P − N) / (P + N + 1).
import type { AnalysisEvent, Quote, Span } from '../analyze/types.js';
import { WORD_RE, type CuePhrase, type Issue, type PositionLexicon } from './lexicon.js';

/** Bump when the scorer or its lexicon changes its output. */
export const SCORER_VERSION = '1';

export interface PositionEvidence {
  sentence: string;
  /** Signed contribution of the sentence: < 0 hawkish, > 0 engagement. */
  weight: number;
  /** The cues found, as written ("military option (negated)", "event SANCTION −8"). */
  cues: string[];
  /** All of its cues were inside quotes. */
  quoted: boolean;
}

export interface PositionScore {
  issue: string;
  /** −1 hawkish … +1 engagement; null when no cue matched. */
  position: number | null;
  /** Summed hawkish and engagement weights. */
  hawkish: number;
  engagement: number;
  /** Number of cues (lexicon and events) counted. */
  cues: number;
  /** −1 hostile … +1 warm (tone words). */
  tone: number;
  /** The sentences with the largest contributions, strongest first. */
  evidence: PositionEvidence[];
}

export interface PositionContext {
  events?: readonly AnalysisEvent[];
  quotes?: readonly Quote[];
}

export const MAX_EVIDENCE = 5;
const NEGATION_WINDOW = 3;
const CLAUSE_BREAK = /[,;:.!?()]|\bbut\b|\bwhile\b|\bwhereas\b/i;

interface Word extends Span {
  lower: string;
}

function tokenize(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD_RE)) out.push({ start: m.index, end: m.index + m[0].length, lower: m[0].toLowerCase().replace(/’/g, "'") });
  return out;
}

/** Sentence spans: a break after . ! ? (and closing quotes) before whitespace, and at every line break. */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  const re = /[.!?]+["”’)\]]*\s+|\n+/g;
  let start = 0;
  for (const m of text.matchAll(re)) {
    const end = m.index + m[0].length;
    if (text.slice(start, end).trim()) spans.push({ start, end: m.index + m[0].trimEnd().length });
    start = end;
  }
  if (text.slice(start).trim()) spans.push({ start, end: text.trimEnd().length });
  return spans.map((s) => {
    const lead = text.slice(s.start, s.end).length - text.slice(s.start, s.end).trimStart().length;
    return { start: s.start + lead, end: s.end };
  });
}

/** Spans inside quotation marks (“…”, "…", «…»); an unclosed quote runs to the end of its paragraph. */
export function quotedSpans(text: string): Span[] {
  const spans: Span[] = [];
  const re = /[“"«]([^“”"«»\n]*)(?:[”"»]|(?=\n)|$)/g;
  for (const m of text.matchAll(re)) if (m[1]!.trim()) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

interface Hit {
  cue: CuePhrase;
  start: number;
  end: number;
  /** Index of the word after the match. */
  next: number;
}

function matchAt(ws: Word[], i: number, byFirst: Map<string, CuePhrase[]>, prefixCues: CuePhrase[]): Hit | null {
  const w = ws[i]!;
  for (const cue of byFirst.get(w.lower) ?? []) {
    const n = cue.words.length;
    if (i + n > ws.length) continue;
    let ok = true;
    for (let k = 1; k < n; k++) {
      const word = ws[i + k]!.lower;
      const want = cue.words[k]!;
      if (!(word === want || (cue.prefix && k === n - 1 && word.startsWith(want)))) {
        ok = false;
        break;
      }
    }
    if (ok) return { cue, start: w.start, end: ws[i + n - 1]!.end, next: i + n };
  }
  for (const cue of prefixCues) if (w.lower.startsWith(cue.words[0]!)) return { cue, start: w.start, end: w.end, next: i + 1 };
  return null;
}

function isNegation(lexicon: PositionLexicon, word: string): boolean {
  return lexicon.negation.has(word) || word.endsWith("n't");
}

/** Whether a negation word stands within NEGATION_WINDOW words before ws[i], in the same clause. */
function negatedAt(lexicon: PositionLexicon, text: string, ws: Word[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - NEGATION_WINDOW); k--) {
    if (CLAUSE_BREAK.test(text.slice(ws[k]!.end, ws[k + 1]!.start))) return false;
    if (isNegation(lexicon, ws[k]!.lower)) return true;
  }
  return false;
}

const inside = (spans: readonly Span[], at: number) => spans.some((s) => at >= s.start && at < s.end);
const round = (v: number) => Math.round(v * 1000) / 1000;

/** Walks the cues of one table over the words; calls back with each hit's signed value after negation. */
function scan(
  lexicon: PositionLexicon,
  text: string,
  ws: Word[],
  table: { byFirst: Map<string, CuePhrase[]>; prefixCues: CuePhrase[] },
  onHit: (hit: Hit, value: number, negated: boolean) => void,
): void {
  for (let i = 0; i < ws.length; ) {
    const hit = matchAt(ws, i, table.byFirst, table.prefixCues);
    if (!hit) {
      i++;
      continue;
    }
    const negated = negatedAt(lexicon, text, ws, i);
    onHit(hit, negated ? -hit.cue.value * lexicon.negatedFactor : hit.cue.value, negated);
    i = hit.next;
  }
}

/** Tone of a text in [−1, +1] from the lexicon's tone words (negation flips a word). */
export function scoreTone(text: string, lexicon: PositionLexicon): number {
  let pos = 0;
  let neg = 0;
  scan(lexicon, text, tokenize(text), lexicon.tone, (_hit, value) => {
    if (value > 0) pos += value;
    else neg -= value;
  });
  return round((pos - neg) / (pos + neg + 1));
}

/** The position of a text on the issue's axis, with the evidence sentences. */
export function scorePosition(text: string, issue: Issue, lexicon: PositionLexicon, context: PositionContext = {}): PositionScore {
  const ws = tokenize(text);
  const sentences = sentenceSpans(text);
  const quoted = [...quotedSpans(text), ...(context.quotes ?? []).filter((q) => q.end > q.start)];
  const bySentence = new Map<number, PositionEvidence & { unquoted: boolean }>();
  let hawkish = 0;
  let engagement = 0;
  let cues = 0;
  const sentenceOf = (at: number) => {
    const idx = sentences.findIndex((s) => at >= s.start && at < s.end);
    return idx;
  };
  const add = (at: number, fallbackText: string, value: number, label: string, isQuoted: boolean) => {
    if (value < 0) hawkish -= value;
    else engagement += value;
    cues++;
    const idx = sentenceOf(at);
    const key = idx >= 0 ? idx : -1 - bySentence.size;
    const s = idx >= 0 ? sentences[idx]! : null;
    const ev = bySentence.get(key) ?? { sentence: s ? text.slice(s.start, s.end) : fallbackText, weight: 0, cues: [], quoted: true, unquoted: false };
    ev.weight += value;
    ev.cues.push(label);
    if (!isQuoted) ev.unquoted = true;
    bySentence.set(key, ev);
  };

  scan(lexicon, text, ws, issue, (hit, value, negated) => {
    const q = inside(quoted, hit.start);
    add(hit.start, '', q ? value * lexicon.quotedFactor : value, `${text.slice(hit.start, hit.end)}${negated ? ' (negated)' : ''}`, q);
  });

  for (const e of context.events ?? []) {
    if (!Number.isFinite(e.intensity) || Math.abs(e.intensity) < 1) continue;
    const at = e.sentence?.start ?? e.trigger?.start ?? -1;
    const q = !!e.quote || (at >= 0 && inside(quoted, e.trigger?.start ?? at));
    const value = (e.intensity / 10) * (q ? lexicon.quotedFactor : 1);
    add(at, e.sentence?.text ?? '', value, `event ${e.type} ${e.intensity > 0 ? '+' : ''}${e.intensity}${e.negated ? ' (negated)' : ''}`, q);
  }

  const evidence = [...bySentence.values()]
    .filter((e) => e.sentence.trim() !== '')
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .slice(0, MAX_EVIDENCE)
    .map((e) => ({ sentence: e.sentence.trim(), weight: round(e.weight), cues: e.cues, quoted: !e.unquoted }));
  return {
    issue: issue.name,
    position: cues === 0 ? null : round((engagement - hawkish) / (engagement + hawkish + 1)),
    hawkish: round(hawkish),
    engagement: round(engagement),
    cues,
    tone: scoreTone(text, lexicon),
    evidence,
  };
}

/** Where a position falls: hawkish ≤ −0.2 < neutral < 0.2 ≤ engagement (no signal is neutral). */
export const LEAN_THRESHOLD = 0.2;
export type Lean = 'hawkish' | 'neutral' | 'engagement';
export function leanOf(position: number | null): Lean {
  if (position === null) return 'neutral';
  return position <= -LEAN_THRESHOLD ? 'hawkish' : position >= LEAN_THRESHOLD ? 'engagement' : 'neutral';
}
