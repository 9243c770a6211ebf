// The learned event typer at run time: for one trigger hit, keep the rule's type, retype it, or drop
// it as no event. The model (data/models/events.bin.gz, built by `npm run train:events`) is loaded
// once per process. It overrules the rule only where it is confident: its best label differs from
// the rule's and reaches that label's threshold, calibrated on held-out folds of the training data.
import { existsSync, readFileSync } from 'node:fs';
import { dataPath } from '../../../core/data-path.js';
import { ReadoutError } from '../../../core/errors.js';
import { HashBuffer } from '../../ner/hash-buffer.js';
import type { EventType } from '../../types.js';
import { FEATURE_VERSION, hitFeatures, type HitContext } from './features.js';
import { NONE_INDEX, TYPING_LABELS, TypingModel, type TypingLabel } from './model.js';

export const MODEL_FILE = dataPath('models', 'events.bin.gz');

let shipped: TypingModel | undefined;

export function loadTypingModel(path = MODEL_FILE): TypingModel {
  if (path === MODEL_FILE && shipped) return shipped;
  if (!existsSync(path)) throw new ReadoutError('config', `event typer model missing: ${path}`, { hint: 'run `npm run train:events` to rebuild it' });
  const m = TypingModel.deserialize(readFileSync(path));
  if (m.header.features !== FEATURE_VERSION) {
    throw new ReadoutError('config', `event typer model ${path} was trained with feature version ${m.header.features}, the code has ${FEATURE_VERSION}`, {
      hint: 'run `npm run train:events` to rebuild it',
    });
  }
  if (path === MODEL_FILE) shipped = m;
  return m;
}

/** What the typer makes of a hit: the rule's type stands, another type, or no event. */
export type Verdict = { kind: 'keep' } | { kind: 'retype'; type: Exclude<TypingLabel, 'NONE'> } | { kind: 'drop' };

/** The decision rule, shared with the training script's calibration and cross-validation. */
export function decide(p: ArrayLike<number>, ruleType: EventType, thresholds: Record<string, number>): Verdict {
  let best = 0;
  for (let k = 1; k < p.length; k++) if (p[k]! > p[best]!) best = k;
  const label = TYPING_LABELS[best]!;
  if (label === ruleType || p[best]! < (thresholds[label] ?? Infinity)) return { kind: 'keep' };
  return best === NONE_INDEX ? { kind: 'drop' } : { kind: 'retype', type: label as Exclude<TypingLabel, 'NONE'> };
}

// Reused between hits (analysis is synchronous, one article at a time).
const buffer = new HashBuffer(256);

/** The verdict on one hit. STATEMENT hits (speech) are the rules' alone. */
export function typeHit(ctx: HitContext, model = loadTypingModel()): Verdict {
  if (ctx.hit.type === 'STATEMENT') return { kind: 'keep' };
  buffer.length = 0;
  hitFeatures(ctx, buffer);
  return decide(model.probabilities(buffer.view()), ctx.hit.type, model.header.thresholds);
}
