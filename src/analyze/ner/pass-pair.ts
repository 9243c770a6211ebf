// Both tagging passes read the same base features (the second adds its history block), so at run
// time one table holds both models' weights side by side: each base feature is looked up once and
// its two weight rows sit together in memory. Lookups into tables of this size are cache misses,
// the main cost of tagging. The scores are the ones each model gives alone (TaggerModel.emissions).
import { EDGE_L1, EDGE_L2, EDGE_R1, EDGE_R2, forceOutside, type TagFeatures } from './features.js';
import { N_LABELS } from './labels.js';
import { claimScoreSlot, FeatureTable, type TaggerModel } from './model.js';
import { OUTSIDE } from './templates.js';
import type { WordAtoms } from './word-atoms.js';

const L = N_LABELS;
/** A row: the first model's L weights, then the second's. */
const W = 2 * L;
/** Offsets of the five word roles in a word's score vector (token, one left, one right, two left, two right). */
const OWN = 0;
const LEFT = W;
const RIGHT = 2 * W;
const LEFT2 = 3 * W;
const RIGHT2 = 4 * W;

export class PassPair {
  private readonly table: FeatureTable;
  private readonly weights: Float32Array;
  private readonly slot = claimScoreSlot();
  private readonly beyondSentence = new Float32Array(5 * W);

  constructor(readonly first: TaggerModel, readonly second: TaggerModel) {
    const rowOf = new Map<number, number>();
    for (const h of first.hashes) rowOf.set(h, rowOf.size);
    for (const h of second.hashes) if (!rowOf.has(h)) rowOf.set(h, rowOf.size);
    this.weights = new Float32Array(rowOf.size * W);
    first.hashes.forEach((h, r) => this.weights.set(first.weights.subarray(r * L, (r + 1) * L), rowOf.get(h)! * W));
    second.hashes.forEach((h, r) => this.weights.set(second.weights.subarray(r * L, (r + 1) * L), rowOf.get(h)! * W + L));
    this.table = new FeatureTable(Uint32Array.from(rowOf.keys()));
    this.addAll(OUTSIDE.left, this.beyondSentence, LEFT);
    this.addAll(OUTSIDE.right, this.beyondSentence, RIGHT);
    this.add(OUTSIDE.left2, this.beyondSentence, LEFT2);
    this.add(OUTSIDE.right2, this.beyondSentence, RIGHT2);
  }

  /**
   * Emissions (n × L each) of the base features under the first and the second model. The first
   * is final; the second still lacks the history block and the forced "outside" tokens.
   */
  baseEmissions(f: TagFeatures, n: number): [Float32Array, Float32Array] {
    const a = new Float32Array(n * L);
    const b = new Float32Array(n * L);
    const w = this.weights;
    for (let i = 0; i < n; i++) {
      const base = i * L;
      for (let k = f.offsets[i]!; k < f.offsets[i + 1]!; k++) {
        const r = this.table.row(f.hashes[k]!);
        if (r < 0) continue;
        const at = r * W;
        for (let l = 0; l < L; l++) {
          a[base + l]! += w[at + l]!;
          b[base + l]! += w[at + L + l]!;
        }
      }
      if (!f.words || f.words.outside[i]) continue;
      const { atoms, edges } = f.words;
      const e = edges[i]!;
      addScores(a, b, base, this.scoresOf(atoms[i]!), OWN);
      addScores(a, b, base, e & EDGE_L1 ? this.scoresOf(atoms[i - 1]!) : this.beyondSentence, LEFT);
      addScores(a, b, base, e & EDGE_R1 ? this.scoresOf(atoms[i + 1]!) : this.beyondSentence, RIGHT);
      addScores(a, b, base, e & EDGE_L2 ? this.scoresOf(atoms[i - 2]!) : this.beyondSentence, LEFT2);
      addScores(a, b, base, e & EDGE_R2 ? this.scoresOf(atoms[i + 2]!) : this.beyondSentence, RIGHT2);
    }
    if (f.words) forceOutside(a, f.words, L);
    return [a, b];
  }

  /** A word's scores in its five roles under both models, computed once per word. */
  private scoresOf(word: WordAtoms): Float32Array {
    let s = word.scores[this.slot];
    if (s) return s;
    s = new Float32Array(5 * W);
    this.addAll(word.own, s, OWN);
    this.addAll(word.left, s, LEFT);
    this.addAll(word.right, s, RIGHT);
    this.add(word.left2, s, LEFT2);
    this.add(word.right2, s, RIGHT2);
    word.scores[this.slot] = s;
    return s;
  }

  private add(h: number, out: Float32Array, base: number): void {
    const r = this.table.row(h);
    if (r < 0) return;
    for (let l = 0; l < W; l++) out[base + l]! += this.weights[r * W + l]!;
  }

  private addAll(hs: Uint32Array, out: Float32Array, base: number): void {
    for (let k = 0; k < hs.length; k++) this.add(hs[k]!, out, base);
  }
}

function addScores(a: Float32Array, b: Float32Array, base: number, scores: Float32Array, role: number): void {
  for (let l = 0; l < L; l++) {
    a[base + l]! += scores[role + l]!;
    b[base + l]! += scores[role + L + l]!;
  }
}
