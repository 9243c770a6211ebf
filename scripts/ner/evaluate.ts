// Entity-level exact scores of a tagger on labelled documents, compared as character spans
// (so a different tokenisation cannot hide a boundary error). "overall" is PER+ORG+LOC micro, as
// the NER scorer reports it; MISC is scored separately.
import { TYPES } from '../../src/analyze/ner/labels.js';
import type { Span } from '../../src/analyze/ner/labels.js';
import type { LabelledDoc } from './conll.js';

export type Scores = Record<string, { p: number; r: number; f1: number }>;

export function score(docs: LabelledDoc[], predict: (d: LabelledDoc) => Span[]): Scores {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (type: string, k: 'tp' | 'fp' | 'fn'): void => {
    for (const key of [type, type === 'MISC' ? null : 'overall']) {
      if (!key) continue;
      const c = counts.get(key) ?? { tp: 0, fp: 0, fn: 0 };
      c[k]++;
      counts.set(key, c);
    }
  };
  for (const d of docs) {
    const gold = new Set(d.entities.map((e) => `${e.start}:${e.end}:${e.type}`));
    const toks = d.seg.tokens;
    const pred = new Set(predict(d).map((s) => `${toks[s.start]!.start}:${toks[s.end - 1]!.end}:${s.type}`));
    for (const p of pred) bump(p.split(':')[2]!, gold.has(p) ? 'tp' : 'fp');
    for (const g of gold) if (!pred.has(g)) bump(g.split(':')[2]!, 'fn');
  }
  const out: Scores = {};
  for (const key of ['overall', ...TYPES]) {
    const c = counts.get(key) ?? { tp: 0, fp: 0, fn: 0 };
    const p = c.tp / (c.tp + c.fp || 1);
    const r = c.tp / (c.tp + c.fn || 1);
    out[key] = { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
  }
  return out;
}

export const formatScores = (s: Scores): string =>
  Object.entries(s).map(([k, v]) => `${k} ${v.f1.toFixed(3)}`).join('  ');
