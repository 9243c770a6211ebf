// Both tagging passes read the same base features (the second adds its history block), so at run
// time one table holds both models' weights side by side: each base feature is looked up once and
// its two weight rows sit together in memory (lookups into tables of this size miss the CPU cache
// and are most of the scoring time). The scores are the ones each model gives alone.
import { EDGE_L1, EDGE_L2, EDGE_R1, EDGE_R2, forceOutside, type TagFeatures } from './features.js';
import { N_LABELS } from './labels.js';
import { FeatureTable } from './feature-table.js';
import { BEYOND, claimScoreSlot, ROLE, wordScores, type TaggerModel } from './model.js';
import type { WordAtoms } from './word-atoms.js';

const L = N_LABELS;
/** A row: the first model's L weights, then the second's. */
const W = 2 * L;

export class PassPair {
  private readonly table: FeatureTable;
  private readonly weights: Float32Array;
  private readonly slot = claimScoreSlot();
  private readonly beyondSentence: Float32Array;

  constructor(readonly first: TaggerModel, readonly second: TaggerModel) {
    const rowOf = new Map<number, number>();
    for (const h of first.hashes) rowOf.set(h, rowOf.size);
    for (const h of second.hashes) if (!rowOf.has(h)) rowOf.set(h, rowOf.size);
    this.weights = new Float32Array(rowOf.size * W);
    first.hashes.forEach((h, r) => this.weights.set(first.weights.subarray(r * L, (r + 1) * L), rowOf.get(h)! * W));
    second.hashes.forEach((h, r) => this.weights.set(second.weights.subarray(r * L, (r + 1) * L), rowOf.get(h)! * W + L));
    this.table = new FeatureTable(Uint32Array.from(rowOf.keys()));
    this.beyondSentence = wordScores(BEYOND, W, (h, out, base) => this.add(h, out, base));
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
      addScores(a, b, base, this.scoresOf(atoms[i]!), ROLE.own * W);
      addScores(a, b, base, e & EDGE_L1 ? this.scoresOf(atoms[i - 1]!) : this.beyondSentence, ROLE.left * W);
      addScores(a, b, base, e & EDGE_R1 ? this.scoresOf(atoms[i + 1]!) : this.beyondSentence, ROLE.right * W);
      addScores(a, b, base, e & EDGE_L2 ? this.scoresOf(atoms[i - 2]!) : this.beyondSentence, ROLE.left2 * W);
      addScores(a, b, base, e & EDGE_R2 ? this.scoresOf(atoms[i + 2]!) : this.beyondSentence, ROLE.right2 * W);
    }
    if (f.words) forceOutside(a, f.words, L);
    return [a, b];
  }

  /** A word's scores in its five roles under both models, computed once per word. */
  private scoresOf(word: WordAtoms): Float32Array {
    return (word.scores[this.slot] ??= wordScores(word, W, (h, out, base) => this.add(h, out, base)));
  }

  private add(h: number, out: Float32Array, base: number): void {
    const r = this.table.row(h);
    if (r < 0) return;
    for (let l = 0; l < W; l++) out[base + l]! += this.weights[r * W + l]!;
  }

}

function addScores(a: Float32Array, b: Float32Array, base: number, scores: Float32Array, role: number): void {
  for (let l = 0; l < L; l++) {
    a[base + l]! += scores[role + l]!;
    b[base + l]! += scores[role + L + l]!;
  }
}
