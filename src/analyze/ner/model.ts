// The tagger's weights and first-order Viterbi decoding. A model is a table from feature hash to
// one weight per label, plus label-to-label transition weights (row N_LABELS is the sentence start).
// Stored as "RONER1" in the models' file format (../weights-file.ts), the transitions as its extra floats.
import { allowed, N_LABELS } from './labels.js';
import { EDGE_L1, EDGE_L2, EDGE_R1, EDGE_R2, forceOutside, type TagFeatures } from './features.js';
import { FeatureTable } from './feature-table.js';
import { OUTSIDE, type PositionalFeatures } from './templates.js';
import type { WordAtoms } from './word-atoms.js';
import { packWeights, unpackWeights } from '../weights-file.js';

const MAGIC = 'RONER1';
/** The label count as a module constant (an imported binding is a getter under some loaders, too slow in these loops). */
const L = N_LABELS;

export interface ModelHeader {
  /** Feature extraction version the weights were trained with. */
  features: number;
  labels: readonly string[];
  /** Free-form training facts (data, epochs, held-out score). */
  trained: Record<string, unknown>;
}

/** Each scorer (a model, or both passes together) gets a slot in WordAtoms.scores. */
let nextSlot = 0;
export const claimScoreSlot = (): number => nextSlot++;

/** The five roles a word plays for a token (itself, one left, one right, two left, two right): blocks of a word's score vector. */
export const ROLE = { own: 0, left: 1, right: 2, left2: 3, right2: 4 } as const;
/** A position outside the sentence, as a word with no features of its own. */
export const BEYOND: PositionalFeatures = { ...OUTSIDE, own: new Uint32Array(0) };

export class TaggerModel {
  private readonly table: FeatureTable;
  private readonly slot = claimScoreSlot();
  /** Scores of the word roles outside a sentence. */
  private readonly beyondSentence: Float32Array;
  /** Transitions with -Infinity where BIO forbids the pair, so decoding needs no test. */
  private readonly allowedTransitions: Float32Array;

  constructor(
    readonly header: ModelHeader,
    /** Feature hash of each row, and the rows' weights (rows × L). */
    readonly hashes: Uint32Array,
    readonly weights: Float32Array,
    /** (L + 1) × L: from label (or start) to label. */
    private readonly transitions: Float32Array,
  ) {
    this.table = new FeatureTable(hashes);
    this.allowedTransitions = constrained(transitions);
    this.beyondSentence = wordScores(BEYOND, L, (h, out, base) => this.add(h, out, base));
  }

  get size(): number {
    return this.hashes.length;
  }

  /** Emission scores of all n tokens, flat (n × L), summed over feature blocks. */
  emissions(blocks: TagFeatures[], n: number): Float32Array {
    const out = new Float32Array(n * L);
    for (const f of blocks) this.addBlock(f, n, out);
    for (const f of blocks) if (f.words) forceOutside(out, f.words, L);
    return out;
  }

  /** Adds one block's scores to `out` (n × L), without forcing any token outside. */
  addBlock(f: TagFeatures, n: number, out: Float32Array): void {
    for (let i = 0; i < n; i++) {
      const base = i * L;
      for (let k = f.offsets[i]!; k < f.offsets[i + 1]!; k++) this.add(f.hashes[k]!, out, base);
      if (!f.words || f.words.outside[i]) continue;
      const { atoms, edges } = f.words;
      const e = edges[i]!;
      this.addScores(out, base, this.scoresOf(atoms[i]!), ROLE.own * L);
      this.addScores(out, base, e & EDGE_L1 ? this.scoresOf(atoms[i - 1]!) : this.beyondSentence, ROLE.left * L);
      this.addScores(out, base, e & EDGE_R1 ? this.scoresOf(atoms[i + 1]!) : this.beyondSentence, ROLE.right * L);
      this.addScores(out, base, e & EDGE_L2 ? this.scoresOf(atoms[i - 2]!) : this.beyondSentence, ROLE.left2 * L);
      this.addScores(out, base, e & EDGE_R2 ? this.scoresOf(atoms[i + 2]!) : this.beyondSentence, ROLE.right2 * L);
    }
  }

  /** Best labels of every token from their emission scores, sentence by sentence (`sentences` = [from, to) ranges). */
  decode(emissions: Float32Array, sentences: Iterable<[number, number]>, n: number): Uint8Array {
    const labels = new Uint8Array(n);
    for (const [from, to] of sentences) viterbiInto(emissions, from, to, this.allowedTransitions, labels);
    return labels;
  }

  /** A word's scores in its five roles, computed once per word and model. */
  private scoresOf(a: WordAtoms): Float32Array {
    return (a.scores[this.slot] ??= wordScores(a, L, (h, out, base) => this.add(h, out, base)));
  }

  private addScores(out: Float32Array, base: number, scores: Float32Array, role: number): void {
    for (let l = 0; l < L; l++) out[base + l]! += scores[role + l]!;
  }

  private add(h: number, out: Float32Array, base: number): void {
    const r = this.table.row(h);
    if (r < 0) return;
    const at = r * L;
    for (let l = 0; l < L; l++) out[base + l]! += this.weights[at + l]!;
  }


  serialize(): Buffer {
    return packWeights(MAGIC, this.header, this.hashes, this.weights, this.transitions);
  }

  static deserialize(gz: Buffer): TaggerModel {
    const f = unpackWeights<ModelHeader>(gz, MAGIC, 'tagger', L, (L + 1) * L);
    return new TaggerModel(f.header, f.hashes, f.weights, f.extra);
  }
}

/**
 * A word's scores in its five roles (as the token, one left, one right, two left, two right),
 * `width` numbers each, summed by `add` from the word's feature hashes.
 */
export function wordScores(word: PositionalFeatures, width: number, add: (h: number, out: Float32Array, base: number) => void): Float32Array {
  const s = new Float32Array(5 * width);
  for (const h of word.own) add(h, s, ROLE.own * width);
  for (const h of word.left) add(h, s, ROLE.left * width);
  for (const h of word.right) add(h, s, ROLE.right * width);
  add(word.left2, s, ROLE.left2 * width);
  add(word.right2, s, ROLE.right2 * width);
  return s;
}

/** Zero bytes that bring a section to a 4-byte boundary. */

/**
 * First-order Viterbi. `transitions` is (L + 1) × L with the last row the sentence start;
 * forbidden pairs carry -Infinity (TaggerModel builds them from the BIO rule).
 */
export function viterbi(emissions: Float32Array, n: number, transitions: Float32Array): Uint8Array {
  const labels = new Uint8Array(n);
  viterbiInto(emissions, 0, n, transitions, labels);
  return labels;
}

// Scratch space reused from sentence to sentence (analysis is synchronous, one article at a time).
let score = new Float64Array(64 * L);
let back = new Uint8Array(64 * L);

/** Viterbi over tokens [from, to) of a whole text's emissions, writing the labels in place. */
function viterbiInto(emissions: Float32Array, from: number, to: number, transitions: Float32Array, labels: Uint8Array): void {
  const n = to - from;
  if (!n) return;
  if (score.length < n * L) {
    score = new Float64Array(n * L * 2);
    back = new Uint8Array(n * L * 2);
  }
  const e0 = from * L;
  for (let l = 0; l < L; l++) score[l] = emissions[e0 + l]! + transitions[L * L + l]!;
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * L;
    // A token forced outside any name (features.ts) has only "O" to score; the rest stay -Infinity.
    const onlyOutside = emissions[e0 + i * L + 1] === -Infinity && emissions[e0 + i * L + 2] === -Infinity;
    for (let l = 0; l < L; l++) {
      if (onlyOutside && l > 0) {
        score[i * L + l] = -Infinity;
        continue;
      }
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        const s = score[prev + p]! + transitions[p * L + l]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * L + l] = best + emissions[e0 + i * L + l]!;
      back[i * L + l] = arg;
    }
  }
  let best = -Infinity;
  for (let l = 0; l < L; l++) {
    if (score[(n - 1) * L + l]! > best) {
      best = score[(n - 1) * L + l]!;
      labels[to - 1] = l;
    }
  }
  for (let i = n - 1; i > 0; i--) labels[from + i - 1] = back[i * L + labels[from + i]!]!;
}

/** Transitions with the BIO rule applied (for training, where the weights change every step). */
export function constrained(transitions: Float32Array): Float32Array {
  return Float32Array.from(transitions, (w, k) => {
    const from = Math.floor(k / L);
    return allowed(from === L ? 0 : from, k % L) ? w : -Infinity;
  });
}
