// Multinomial logistic regression over hashed features, trained by AdaGrad with L2 on the features
// an example touches. Deterministic: examples in a fixed order, shuffled each epoch by a seeded
// generator, and the rule's vote dropped from a seeded share of examples (so the model learns to
// type from the words alone too, instead of only copying the rule).
import { N_TYPING, TYPING_LABELS, TypingModel, type TypingHeader } from '../../src/analyze/events/typing/model.js';
import { rng } from '../ner/names.js';

export interface Example {
  /** Features with the rule's vote, and without it. */
  withRule: Uint32Array;
  noRule: Uint32Array;
  /** Index into TYPING_LABELS. */
  label: number;
  /** Index into TYPING_LABELS of the rule's type. */
  rule: number;
  weight: number;
  /** Cross-validation fold (examples of one story, title or document share one). */
  fold: number;
  /** Where it came from (for reports): title, lede, story, background, conll, hand. */
  origin: string;
}

export interface LearnOptions {
  epochs: number;
  seed: number;
  /** Learning rate of AdaGrad. */
  rate: number;
  l2: number;
  /** Share of examples trained without the rule's vote. */
  ruleDropout: number;
  /** Features seen in fewer training examples are left out. */
  minCount: number;
}

export const DEFAULTS: LearnOptions = { epochs: 12, seed: 14, rate: 0.2, l2: 1e-5, ruleDropout: 0.3, minCount: 2 };

const K = N_TYPING;

export function train(examples: Example[], header: Omit<TypingHeader, 'labels'>, opt: LearnOptions = DEFAULTS): TypingModel {
  const counts = new Map<number, number>();
  for (const e of examples) for (const h of new Set([...e.withRule, ...e.noRule])) counts.set(h, (counts.get(h) ?? 0) + 1);
  const rows = new Map<number, number>();
  for (const e of examples) for (const h of e.withRule) if ((counts.get(h) ?? 0) >= opt.minCount && !rows.has(h)) rows.set(h, rows.size);
  for (const e of examples) for (const h of e.noRule) if ((counts.get(h) ?? 0) >= opt.minCount && !rows.has(h)) rows.set(h, rows.size);
  const w = new Float64Array(rows.size * K);
  const g2 = new Float64Array(rows.size * K).fill(1e-8);
  // Each class's examples weigh in by the square root of its rarity, so rare types are not drowned.
  const perClass = new Float64Array(K);
  for (const e of examples) perClass[e.label]! += e.weight;
  const mean = examples.reduce((a, e) => a + e.weight, 0) / K;
  const classWeight = Float64Array.from(perClass, (c) => (c ? Math.sqrt(mean / c) : 0));

  const order = examples.map((_, i) => i);
  const random = rng(opt.seed);
  const p = new Float64Array(K);
  const active: number[] = [];
  for (let epoch = 0; epoch < opt.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const idx of order) {
      const e = examples[idx]!;
      const feats = random() < opt.ruleDropout ? e.noRule : e.withRule;
      active.length = 0;
      for (const h of feats) {
        const r = rows.get(h);
        if (r !== undefined) active.push(r);
      }
      scoreInto(p, w, active);
      const scale = e.weight * classWeight[e.label]!;
      for (const r of active) {
        const at = r * K;
        for (let k = 0; k < K; k++) {
          const grad = scale * (p[k]! - (k === e.label ? 1 : 0)) + opt.l2 * w[at + k]!;
          g2[at + k]! += grad * grad;
          w[at + k]! -= (opt.rate * grad) / Math.sqrt(g2[at + k]!);
        }
      }
    }
  }
  // Features whose weights all stay near zero carry nothing; leaving them out keeps the file small.
  const keep: number[] = [];
  const kept: number[] = [];
  for (const [h, r] of rows) {
    let max = 0;
    for (let k = 0; k < K; k++) max = Math.max(max, Math.abs(w[r * K + k]!));
    if (max < 0.01) continue;
    keep.push(h);
    for (let k = 0; k < K; k++) kept.push(w[r * K + k]!);
  }
  return new TypingModel({ ...header, labels: TYPING_LABELS }, Uint32Array.from(keep), Float32Array.from(kept));
}

/** Softmax of the summed weights of the active rows (training's own scorer, on full-precision weights). */
function scoreInto(p: Float64Array, w: Float64Array, active: number[]): void {
  p.fill(0);
  for (const r of active) for (let k = 0; k < K; k++) p[k]! += w[r * K + k]!;
  let max = -Infinity;
  for (let k = 0; k < K; k++) max = Math.max(max, p[k]!);
  let sum = 0;
  for (let k = 0; k < K; k++) sum += p[k] = Math.exp(p[k]! - max);
  for (let k = 0; k < K; k++) p[k]! /= sum;
}
