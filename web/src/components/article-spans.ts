// Highlights in an article's text, built from the analysis offsets (UTF-16, end exclusive) as a
// tree of ranges that React renders as nested spans — never as HTML. Layers nest from outer to
// inner (evidence sentence, event sentences, quotes, event triggers, entities, dates); where two
// ranges of the same layer overlap, the earlier (then longer) one keeps the overlap, and where
// ranges of different layers cross, the inner one is split at the outer one's edge.
import type { Analysis } from '../../../src/analyze/types';

export const LAYERS = ['evidence', 'sentence', 'quote', 'trigger', 'entity', 'date'] as const;
export type Layer = (typeof LAYERS)[number];

export interface Annotation {
  /** Selection keys (the side panel's items): "ent3", "q0", "ev2", "evidence". */
  key: string;
  layer: Layer;
  start: number;
  end: number;
  /** Extra class (the entity type), and the tooltip. */
  variant?: string;
  title: string;
}

/** One highlighted range after merging: every key and title of the annotations it stands for. */
export interface Mark {
  layer: Layer;
  start: number;
  end: number;
  keys: string[];
  titles: string[];
  variant?: string;
}

export type TextNode = string | { mark: Mark; children: TextNode[] };

const actor = (a: { name: string | null; country: string | null } | null) => (a ? (a.name ?? a.country ?? 'unknown') : '—');

/** The analysis as annotations (the evidence range, when found, is added by the caller). */
export function annotations(a: Analysis): Annotation[] {
  const out: Annotation[] = [];
  a.entities.forEach((e, i) => {
    const title = `${e.type}: ${e.name}${e.country ? ` (${e.country})` : ''}`;
    for (const m of e.mentions) out.push({ key: `ent${i}`, layer: 'entity', start: m.start, end: m.end, variant: e.type, title });
  });
  a.quotes.forEach((q, i) => {
    const who = q.speaker?.name ?? q.speaker?.description ?? (q.speaker?.anonymous ? 'an unnamed source' : 'unattributed');
    out.push({ key: `q${i}`, layer: 'quote', start: q.start, end: q.end, title: `${q.kind} quote: ${who}` });
  });
  a.events.forEach((e, i) => {
    const title = `${e.type}${e.mode ? `/${e.mode}` : ''}: ${actor(e.source)} → ${actor(e.target)}, intensity ${e.intensity}`;
    if (e.sentence) out.push({ key: `ev${i}`, layer: 'sentence', start: e.sentence.start, end: e.sentence.end, title });
    if (e.trigger) out.push({ key: `ev${i}`, layer: 'trigger', start: e.trigger.start, end: e.trigger.end, title });
  });
  for (const d of a.dates ?? []) out.push({ key: `date${d.start}`, layer: 'date', start: d.start, end: d.end, title: `date: ${d.value ?? 'unresolved'}` });
  return out;
}

/** One layer's ranges, clamped to the text, identical ranges merged, overlaps given to the earlier one. */
function layerMarks(list: Annotation[], length: number): Mark[] {
  const byRange = new Map<string, Mark>();
  for (const a of list) {
    const start = Math.max(0, Math.min(a.start, length));
    const end = Math.max(0, Math.min(a.end, length));
    if (!(end > start)) continue;
    const id = `${start}:${end}`;
    const m = byRange.get(id);
    if (m) {
      if (!m.keys.includes(a.key)) m.keys.push(a.key);
      if (!m.titles.includes(a.title)) m.titles.push(a.title);
    } else byRange.set(id, { layer: a.layer, start, end, keys: [a.key], titles: [a.title], variant: a.variant });
  }
  const sorted = [...byRange.values()].sort((x, y) => x.start - y.start || y.end - x.end);
  const kept: Mark[] = [];
  let reach = 0;
  for (const m of sorted) {
    if (m.end <= reach) continue;
    kept.push(m.start < reach ? { ...m, start: reach } : m);
    reach = m.end;
  }
  return kept;
}

function firstEndingAfter(marks: Mark[], at: number): number {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (marks[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The text as a tree of nested highlight ranges. */
export function buildTree(text: string, list: Annotation[]): TextNode[] {
  const layers = LAYERS.map((l) => layerMarks(list.filter((a) => a.layer === l), text.length)).filter((l) => l.length > 0);
  const build = (from: number, to: number, depth: number): TextNode[] => {
    if (depth >= layers.length) return from < to ? [text.slice(from, to)] : [];
    const out: TextNode[] = [];
    const layer = layers[depth]!;
    let at = from;
    // A layer's marks are sorted and disjoint: start at the first one ending after `from`.
    for (let i = firstEndingAfter(layer, from); i < layer.length && layer[i]!.start < to; i++) {
      const m = layer[i]!;
      const start = Math.max(m.start, from);
      const end = Math.min(m.end, to);
      if (start > at) out.push(...build(at, start, depth + 1));
      out.push({ mark: { ...m, start, end }, children: build(start, end, depth + 1) });
      at = end;
    }
    if (at < to) out.push(...build(at, to, depth + 1));
    return out;
  };
  return build(0, text.length, 0);
}

/** Folds case, curly quotes and dashes, and runs of whitespace, keeping where each folded character came from. */
function fold(s: string): { text: string; at: number[] } {
  let text = '';
  const at: number[] = [];
  let space = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (/\s/.test(c)) {
      space = text.length > 0;
      continue;
    }
    if (space) {
      text += ' ';
      at.push(i);
      space = false;
    }
    const lower = c.toLowerCase();
    text += lower.length === 1 ? lower.replace(/[‘’‛′]/, "'").replace(/[“”„″]/, '"').replace(/[‐‑‒–—]/, '-') : c;
    at.push(i);
  }
  return { text, at };
}

/** Where `sentence` is in `text`, tolerating whitespace, case and quote-style differences; null when absent. */
export function findSentence(text: string, sentence: string): { start: number; end: number } | null {
  const needle = fold(sentence).text;
  if (!needle) return null;
  const hay = fold(text);
  const i = hay.text.indexOf(needle);
  if (i < 0) return null;
  return { start: hay.at[i]!, end: hay.at[i + needle.length - 1]! + 1 };
}
