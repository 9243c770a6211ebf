// Threshold calibration and scores for the event typer, on held-out predictions only.
import { keeps } from '../../src/analyze/events/typing/classify.js';
import { N_TYPING, NONE_INDEX, TYPING_LABELS } from '../../src/analyze/events/typing/model.js';
import type { Example } from './learner.js';

// The grid starts at 0.8: the labels thresholds are calibrated on are noisy (story-level types,
// heuristic background), so a lower threshold that looks like a gain on them is not trusted.
const GRID = [0.8, 0.85, 0.9, 0.95];
/** Above any probability: the typer never overrules the rule with this label. */
export const NEVER = 2;

const argmax = (p: ArrayLike<number>): number => {
  let b = 0;
  for (let k = 1; k < p.length; k++) if (p[k]! > p[b]!) b = k;
  return b;
};

/**
 * The lowest probability of "no event" at which dropping the rule's hit gains most on these
 * held-out predictions: dropping a hit that is no event gains the example's weight, dropping a
 * right one loses it. Ties go to the higher threshold; never gaining gives NEVER. The typer only
 * drops (classify.ts), so the other labels get NEVER.
 */
export function calibrate(examples: Example[], probs: Float64Array[]): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(TYPING_LABELS.map((l) => [l, NEVER]));
  for (const c of [NONE_INDEX]) {
    let best = { theta: NEVER, gain: 0 };
    for (const theta of [...GRID].reverse()) {
      let gain = 0;
      examples.forEach((e, i) => {
        const p = probs[i]!;
        if (argmax(p) !== c || c === e.rule || p[c]! < theta) return;
        gain += e.label === c ? e.weight : e.label === e.rule ? -e.weight : 0;
      });
      if (gain > best.gain + 1e-9) best = { theta, gain };
    }
    out[TYPING_LABELS[c]!] = best.theta;
  }
  return out;
}

export interface Scores {
  n: number;
  accuracy: number;
  macroF1: number;
}

/** Accuracy and macro-F1 (over the labels that occur as gold or prediction) of predicted label indices. */
export function scores(gold: number[], pred: number[]): Scores {
  const tp = new Float64Array(N_TYPING);
  const fp = new Float64Array(N_TYPING);
  const fn = new Float64Array(N_TYPING);
  let right = 0;
  gold.forEach((g, i) => {
    const p = pred[i]!;
    if (g === p) {
      right++;
      tp[g]!++;
    } else {
      fn[g]!++;
      fp[p]!++;
    }
  });
  let sum = 0;
  let classes = 0;
  for (let k = 0; k < N_TYPING; k++) {
    if (!tp[k] && !fp[k] && !fn[k]) continue;
    classes++;
    const prec = tp[k]! + fp[k]! ? tp[k]! / (tp[k]! + fp[k]!) : 0;
    const rec = tp[k]! + fn[k]! ? tp[k]! / (tp[k]! + fn[k]!) : 0;
    sum += prec + rec ? (2 * prec * rec) / (prec + rec) : 0;
  }
  return { n: gold.length, accuracy: gold.length ? right / gold.length : 0, macroF1: classes ? sum / classes : 0 };
}

/** The label the event coder ends with for an example: the rule's, or NONE (dropped by the typer). */
export function finalLabel(e: Example, p: ArrayLike<number>, thresholds: Record<string, number>): number {
  return keeps(p, thresholds) ? e.rule : NONE_INDEX;
}

export const fmt = (s: Scores): string => `accuracy ${s.accuracy.toFixed(3)}, macro-F1 ${s.macroF1.toFixed(3)} (${s.n})`;
export { argmax };
