// The learned event typer at run time: for one trigger hit, keep it or drop it as no event (a
// byline, a caption, a background mention). The model (data/models/events.bin.gz, built by `npm
// run train:events`) is loaded once per process. It overrules the rules only where it is
// confident: "no event" is its best label and reaches the threshold calibrated on held-out folds
// of the training data.
import { existsSync, readFileSync } from 'node:fs';
import { dataPath } from '../../../core/data-path.js';
import { ReadoutError } from '../../../core/errors.js';
import { HashBuffer } from '../../ner/hash-buffer.js';
import { FEATURE_VERSION, hitFeatures, type HitContext } from './features.js';
import { NONE_INDEX, TYPING_LABELS, TypingModel } from './model.js';

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

/**
 * The decision rule, shared with the training script's calibration and cross-validation: drop the
 * hit when "no event" is the typer's best label and reaches its threshold, else keep the rule's
 * type. The typer does not retype: on newswire its retypes followed words of the synthetic
 * stories ("ease", "lift" inside a demand read as CONCEDE) and cost more than they gave.
 */
export function keeps(p: ArrayLike<number>, thresholds: Record<string, number>): boolean {
  let best = 0;
  for (let k = 1; k < p.length; k++) if (p[k]! > p[best]!) best = k;
  return best !== NONE_INDEX || p[best]! < (thresholds[TYPING_LABELS[NONE_INDEX]!] ?? Infinity);
}

// Reused between hits (analysis is synchronous, one article at a time).
const buffer = new HashBuffer(256);

/** Whether the event coder keeps a hit. STATEMENT hits (speech) are the rules' alone. */
export function keepsHit(ctx: HitContext, model = loadTypingModel()): boolean {
  if (ctx.hit.type === 'STATEMENT') return true;
  buffer.length = 0;
  hitFeatures(ctx, buffer);
  return keeps(model.probabilities(buffer.view()), model.header.thresholds);
}
