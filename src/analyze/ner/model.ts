// The tagger's weights and first-order Viterbi decoding. A model is a table from feature hash to
// one weight per label, plus label-to-label transition weights (row N_LABELS is the sentence start).
// Stored as a gzipped binary: "RONER1", a JSON header, hashes (u32), weights (i16, one scale), transitions (f32).
import { gunzipSync, gzipSync } from 'node:zlib';
import { allowed, N_LABELS } from './labels.js';
import type { TagFeatures } from './features.js';

const MAGIC = 'RONER1';

export interface ModelHeader {
  /** Feature extraction version the weights were trained with. */
  features: number;
  labels: readonly string[];
  /** Free-form training facts (data, epochs, held-out score). */
  trained: Record<string, unknown>;
}

export class TaggerModel {
  private readonly rows: Map<number, number>;

  constructor(
    readonly header: ModelHeader,
    hashes: Uint32Array,
    private readonly weights: Float32Array,
    /** (N_LABELS + 1) × N_LABELS: from label (or start) to label. */
    private readonly transitions: Float32Array,
  ) {
    this.rows = new Map();
    for (let r = 0; r < hashes.length; r++) this.rows.set(hashes[r]!, r);
  }

  get size(): number {
    return this.rows.size;
  }

  /** Emission scores of tokens [from, to), flat: (to - from) × N_LABELS. */
  emissions(f: TagFeatures, from: number, to: number): Float32Array {
    const out = new Float32Array((to - from) * N_LABELS);
    for (let i = from; i < to; i++) {
      const base = (i - from) * N_LABELS;
      for (let k = f.offsets[i]!; k < f.offsets[i + 1]!; k++) {
        const r = this.rows.get(f.hashes[k]!);
        if (r === undefined) continue;
        const w = r * N_LABELS;
        for (let l = 0; l < N_LABELS; l++) out[base + l]! += this.weights[w + l]!;
      }
    }
    return out;
  }

  /** Best label sequence for tokens [from, to) (one sentence). */
  decode(f: TagFeatures, from: number, to: number): Uint8Array {
    return viterbi(this.emissions(f, from, to), to - from, this.transitions);
  }

  serialize(): Buffer {
    const n = this.rows.size;
    const hashes = new Uint32Array(n);
    let maxAbs = 0;
    for (const [h, r] of this.rows) hashes[r] = h;
    for (const w of this.weights) maxAbs = Math.max(maxAbs, Math.abs(w));
    const scale = maxAbs / 32767 || 1;
    const q = new Int16Array(this.weights.length);
    for (let i = 0; i < q.length; i++) q[i] = Math.round(this.weights[i]! / scale);
    const header = Buffer.from(JSON.stringify({ ...this.header, rows: n, scale }), 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32LE(header.length);
    const parts = [Buffer.from(MAGIC), len, header, pad(header.length), Buffer.from(hashes.buffer), Buffer.from(q.buffer), pad(q.byteLength), Buffer.from(this.transitions.buffer)];
    return gzipSync(Buffer.concat(parts), { level: 9 });
  }

  static deserialize(gz: Buffer): TaggerModel {
    const buf = gunzipSync(gz);
    if (buf.subarray(0, MAGIC.length).toString() !== MAGIC) throw new Error('not a Readout tagger model');
    let at = MAGIC.length;
    const hlen = buf.readUInt32LE(at);
    at += 4;
    const header = JSON.parse(buf.subarray(at, at + hlen).toString('utf8')) as ModelHeader & { rows: number; scale: number };
    at += hlen + pad(hlen).length;
    const copy = (bytes: number): ArrayBuffer => buf.buffer.slice(buf.byteOffset + at, buf.byteOffset + at + bytes);
    const hashes = new Uint32Array(copy(header.rows * 4));
    at += header.rows * 4;
    const q = new Int16Array(copy(header.rows * N_LABELS * 2));
    at += q.byteLength + pad(q.byteLength).length;
    const transitions = new Float32Array(copy((N_LABELS + 1) * N_LABELS * 4));
    const weights = new Float32Array(q.length);
    for (let i = 0; i < q.length; i++) weights[i] = q[i]! * header.scale;
    const { rows: _rows, scale: _scale, ...rest } = header;
    return new TaggerModel(rest, hashes, weights, transitions);
  }
}

/** Zero bytes that bring a section to a 4-byte boundary. */
const pad = (len: number): Buffer => Buffer.alloc((4 - (len % 4)) % 4);

/** First-order Viterbi with the BIO constraint (no I- after O or another type). */
export function viterbi(emissions: Float32Array, n: number, transitions: Float32Array): Uint8Array {
  const L = N_LABELS;
  const labels = new Uint8Array(n);
  if (!n) return labels;
  const score = new Float64Array(n * L);
  const back = new Uint8Array(n * L);
  for (let l = 0; l < L; l++) score[l] = allowed(0, l) ? emissions[l]! + transitions[L * L + l]! : -Infinity;
  for (let i = 1; i < n; i++) {
    for (let l = 0; l < L; l++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        if (!allowed(p, l)) continue;
        const s = score[(i - 1) * L + p]! + transitions[p * L + l]!;
        if (s > best) [best, arg] = [s, p];
      }
      score[i * L + l] = best + emissions[i * L + l]!;
      back[i * L + l] = arg;
    }
  }
  let best = -Infinity;
  for (let l = 0; l < L; l++) if (score[(n - 1) * L + l]! > best) [best, labels[n - 1]] = [score[(n - 1) * L + l]!, l];
  for (let i = n - 1; i > 0; i--) labels[i - 1] = back[i * L + labels[i]!]!;
  return labels;
}
