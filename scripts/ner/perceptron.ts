// Averaged structured perceptron for the tagger (Collins 2002), with the averaging done lazily:
// w holds the current weights and u the step-weighted sum of updates, so the average is w - u/c.
import { N_LABELS } from '../../src/analyze/ner/labels.js';
import { forceOutside, forEachWordFeature, type TagFeatures } from '../../src/analyze/ner/features.js';
import { constrained, TaggerModel, viterbi, type ModelHeader } from '../../src/analyze/ner/model.js';

const L = N_LABELS;

export class Perceptron {
  private rows = new Map<number, number>();
  private w = new Float32Array(1 << 20);
  private u = new Float64Array(1 << 20);
  private tw = new Float32Array((L + 1) * L);
  private tu = new Float64Array((L + 1) * L);
  private c = 1;

  /** Current (not averaged) best labels of tokens [from, to). */
  decode(blocks: TagFeatures[], from: number, to: number): Uint8Array {
    const n = to - from;
    const em = new Float32Array(n * L);
    for (const f of blocks) {
      for (let i = from; i < to; i++) {
        const base = (i - from) * L;
        const add = (h: number): void => {
          const r = this.rows.get(h);
          if (r !== undefined) for (let l = 0; l < L; l++) em[base + l]! += this.w[r * L + l]!;
        };
        for (let k = f.offsets[i]!; k < f.offsets[i + 1]!; k++) add(f.hashes[k]!);
        if (f.words) forEachWordFeature(f.words, i, add);
      }
    }
    for (const f of blocks) if (f.words) forceOutside(em, f.words, L, from);
    return viterbi(em, n, constrained(this.tw));
  }

  /** One training step on a sentence: decode, and move towards the gold where they differ. */
  train(blocks: TagFeatures[], from: number, to: number, gold: Uint8Array): void {
    const guess = this.decode(blocks, from, to);
    for (let i = from; i < to; i++) {
      const g = gold[i]!;
      const p = guess[i - from]!;
      const gPrev = i === from ? L : gold[i - 1]!;
      const pPrev = i === from ? L : guess[i - from - 1]!;
      if (g !== p) {
        const update = (h: number): void => {
          const r = this.row(h);
          this.bump(this.w, this.u, r * L + g, 1);
          this.bump(this.w, this.u, r * L + p, -1);
        };
        for (const f of blocks) {
          for (let k = f.offsets[i]!; k < f.offsets[i + 1]!; k++) update(f.hashes[k]!);
          if (f.words) forEachWordFeature(f.words, i, update);
        }
      }
      if (g !== p || gPrev !== pPrev) {
        this.bump(this.tw, this.tu, gPrev * L + g, 1);
        this.bump(this.tw, this.tu, pPrev * L + p, -1);
      }
    }
    this.c++;
  }

  /** The averaged weights, without features whose weights all round to zero. */
  toModel(header: ModelHeader, minWeight: number): TaggerModel {
    const keep: number[] = [];
    const avg = (w: ArrayLike<number>, u: ArrayLike<number>, i: number): number => w[i]! - u[i]! / this.c;
    const kept: number[] = [];
    for (const [h, r] of [...this.rows].sort((a, b) => a[1] - b[1])) {
      let max = 0;
      for (let l = 0; l < L; l++) max = Math.max(max, Math.abs(avg(this.w, this.u, r * L + l)));
      if (max < minWeight) continue;
      keep.push(h);
      for (let l = 0; l < L; l++) kept.push(avg(this.w, this.u, r * L + l));
    }
    const trans = new Float32Array(this.tw.length);
    for (let i = 0; i < trans.length; i++) trans[i] = avg(this.tw, this.tu, i);
    return new TaggerModel(header, Uint32Array.from(keep), Float32Array.from(kept), trans);
  }

  private row(h: number): number {
    let r = this.rows.get(h);
    if (r !== undefined) return r;
    r = this.rows.size;
    this.rows.set(h, r);
    if ((r + 1) * L > this.w.length) {
      const w = new Float32Array(this.w.length * 2);
      w.set(this.w);
      this.w = w;
      const u = new Float64Array(this.u.length * 2);
      u.set(this.u);
      this.u = u;
    }
    return r;
  }

  private bump(w: Float32Array, u: Float64Array, i: number, d: number): void {
    w[i]! += d;
    u[i]! += this.c * d;
  }
}
