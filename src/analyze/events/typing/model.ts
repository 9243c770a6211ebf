// The event typer's weights: a multinomial logistic regression, one weight per (feature hash, label),
// with per-label thresholds the training script calibrated on held-out folds. Stored gzipped:
// "ROEVT1", a JSON header, the feature hashes (u32) and the weights (i16 with one scale).
import { gunzipSync, gzipSync } from 'node:zlib';
import { FeatureTable } from '../../ner/feature-table.js';
import { EVENT_TYPES, type EventType } from '../../types.js';

const MAGIC = 'ROEVT1';

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
    let maxAbs = 0;
    for (const w of this.weights) maxAbs = Math.max(maxAbs, Math.abs(w));
    const scale = maxAbs / 32767 || 1;
    const q = Int16Array.from(this.weights, (w) => Math.round(w / scale));
    const header = Buffer.from(JSON.stringify({ ...this.header, rows: this.hashes.length, scale }), 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32LE(header.length);
    return gzipSync(Buffer.concat([Buffer.from(MAGIC), len, header, Buffer.from(this.hashes.buffer, this.hashes.byteOffset, this.hashes.byteLength), Buffer.from(q.buffer)]), { level: 9 });
  }

  static deserialize(gz: Buffer): TypingModel {
    const buf = gunzipSync(gz);
    if (buf.subarray(0, MAGIC.length).toString() !== MAGIC) throw new Error('not a Readout event typer model');
    let at = MAGIC.length;
    const hlen = buf.readUInt32LE(at);
    at += 4;
    const { rows, scale, ...header } = JSON.parse(buf.subarray(at, at + hlen).toString('utf8')) as TypingHeader & { rows: number; scale: number };
    at += hlen;
    // Copies, so the typed arrays are aligned whatever the header's length.
    const copy = (bytes: number): ArrayBuffer => buf.buffer.slice(buf.byteOffset + at, buf.byteOffset + at + bytes);
    const hashes = new Uint32Array(copy(rows * 4));
    at += rows * 4;
    const q = new Int16Array(copy(rows * N_TYPING * 2));
    return new TypingModel(header, hashes, Float32Array.from(q, (x) => x * scale));
  }
}
