// The event typer's weights: a multinomial logistic regression, one weight per (feature hash, label),
// with per-label thresholds the training script calibrated on held-out folds. Stored as "ROEVT2"
// in the models' file format (../../weights-file.ts).
import { FeatureTable } from '../../ner/feature-table.js';
import { EVENT_TYPES, type EventType } from '../../types.js';
import { packWeights, unpackWeights } from '../../weights-file.js';

const MAGIC = 'ROEVT2';

/** What the typer can say: one of the PLOVER types, or that the hit is no event (STATEMENT is left to the rules). */
export const TYPING_LABELS = [...EVENT_TYPES.filter((t) => t !== 'STATEMENT'), 'NONE'] as const;
export type TypingLabel = Exclude<EventType, 'STATEMENT'> | 'NONE';
export const N_TYPING = TYPING_LABELS.length;
export const NONE_INDEX = TYPING_LABELS.indexOf('NONE');

export interface TypingHeader {
  /** Feature extraction version the weights were trained with (features.ts). */
  features: number;
  labels: readonly string[];
  /** Per label: the probability the typer needs to overrule the rule with that label (> 1: never). */
  thresholds: Record<string, number>;
  /** Free-form training facts (data, epochs, cross-validated scores). */
  trained: Record<string, unknown>;
}

export class TypingModel {
  private readonly rows: FeatureTable;

  constructor(
    readonly header: TypingHeader,
    private readonly hashes: Uint32Array,
    /** rows × N_TYPING, row-major. */
    private readonly weights: Float32Array,
  ) {
    if (header.labels.join() !== TYPING_LABELS.join()) throw new Error(`event typer labels ${header.labels.join()} differ from the code's`);
    this.rows = new FeatureTable(hashes);
  }

  get size(): number {
    return this.hashes.length;
  }

  /** Label probabilities (softmax of the summed weights) of one hit's features. */
  probabilities(features: ArrayLike<number>): Float64Array {
    const K = N_TYPING;
    const p = new Float64Array(K);
    for (let i = 0; i < features.length; i++) {
      const r = this.rows.row(features[i]!);
      if (r < 0) continue;
      const at = r * K;
      for (let k = 0; k < K; k++) p[k]! += this.weights[at + k]!;
    }
    let max = -Infinity;
    for (let k = 0; k < K; k++) max = Math.max(max, p[k]!);
    let sum = 0;
    for (let k = 0; k < K; k++) sum += p[k] = Math.exp(p[k]! - max);
    for (let k = 0; k < K; k++) p[k]! /= sum;
    return p;
  }

  serialize(): Buffer {
    return packWeights(MAGIC, this.header, this.hashes, this.weights);
  }

  static deserialize(gz: Buffer): TypingModel {
    const f = unpackWeights<TypingHeader>(gz, MAGIC, 'event typer', N_TYPING);
    return new TypingModel(f.header, f.hashes, f.weights);
  }
}
