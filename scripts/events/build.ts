// From examples to the shipped typer: out-of-fold predictions (each fold by a model trained on the
// others), per-label thresholds calibrated on them, and the final model trained on everything.
import { FEATURE_VERSION } from '../../src/analyze/events/typing/features.js';
import type { TypingModel } from '../../src/analyze/events/typing/model.js';
import { FOLDS } from './data.js';
import { calibrate } from './evaluate.js';
import { DEFAULTS, train, type Example, type LearnOptions } from './learner.js';

export interface Built {
  model: TypingModel;
  /** Held-out label probabilities of every example (by a model that never saw its fold). */
  oof: Float64Array[];
}

export function outOfFold(examples: Example[], opt: LearnOptions): Float64Array[] {
  const oof: Float64Array[] = new Array(examples.length);
  for (let fold = 0; fold < FOLDS; fold++) {
    const m = train(examples.filter((e) => e.fold !== fold), { features: FEATURE_VERSION, thresholds: {}, trained: {} }, opt);
    examples.forEach((e, i) => {
      if (e.fold === fold) oof[i] = m.probabilities(e.withRule);
    });
  }
  return oof;
}

export function build(examples: Example[], trained: Record<string, unknown>, opt: LearnOptions = DEFAULTS): Built {
  const oof = outOfFold(examples, opt);
  const thresholds = calibrate(examples, oof);
  const model = train(examples, { features: FEATURE_VERSION, thresholds, trained: { ...trained, epochs: opt.epochs, seed: opt.seed } }, opt);
  return { model, oof };
}
