// Feature extraction for the entity tagger: for each token, hashed features from the word, its
// neighbours (±2), shapes, part-of-speech tags, word lists, gazetteer spans and the document
// (whether a capitalised sentence opener is also written in lower case elsewhere), and whether the
// sentence is written in capitals or in Title Case (a headline), where capitals say less.
import type { Segmented } from '../types.js';
import { hashString, mix, mix3 } from './hash.js';
import { BOUNDARY, F, OUTSIDE } from './templates.js';
import { HashBuffer } from './hash-buffer.js';
import type { WordAtomizer, WordAtoms } from './word-atoms.js';

/**
 * A block of features of every token of a text. Context features (conjunctions, gazetteers, the
 * document) are listed as hashes; the word features of a token and its neighbours are kept as the
 * words' atoms, so a model can score each word once and reuse the scores (see TaggerModel).
 */
export interface TagFeatures {
  /** Context feature hashes of token i are hashes[offsets[i] .. offsets[i+1]). */
  hashes: Uint32Array;
  offsets: Uint32Array;
  words?: WordFeatures;
}

export interface WordFeatures {
  atoms: WordAtoms[];
  /** Per token, which neighbours are in its sentence: EDGE_* bits. */
  edges: Uint8Array;
  /**
   * 1 where a token cannot be part of a name: a plain lower-case word between plain words (or
   * sentence edges). Names are written in capitals, with lower-case words only between capitalised
   * ones ("Bank of Korea"); such tokens get no features and are decoded as outside any name.
   */
  outside: Uint8Array;
}

export const EDGE_L1 = 1;
export const EDGE_R1 = 2;
export const EDGE_L2 = 4;
export const EDGE_R2 = 8;

/** Calls `each` with every word feature hash of token i (for training, where weights change every step). */
export function forEachWordFeature(w: WordFeatures, i: number, each: (h: number) => void): void {
  if (w.outside[i]) return;
  const e = w.edges[i]!;
  const a = w.atoms;
  for (const h of a[i]!.own) each(h);
  for (const h of e & EDGE_L1 ? a[i - 1]!.left : OUTSIDE.left) each(h);
  for (const h of e & EDGE_R1 ? a[i + 1]!.right : OUTSIDE.right) each(h);
  each(e & EDGE_L2 ? a[i - 2]!.left2 : OUTSIDE.left2);
  each(e & EDGE_R2 ? a[i + 2]!.right2 : OUTSIDE.right2);
}

export interface FeatureInputs {
  seg: Segmented;
  atomizer: WordAtomizer;
  /** Gazetteer codes per token (0 = none). */
  gazetteers: Uint32Array[];
  /** Sentences written in capitals. */
  shouted: Set<number>;
}

const DOC_LOWER = mix(F.doc, hashString('doc:lower-elsewhere'));
const DOC_CAP = mix(F.doc, hashString('doc:capital-mid-sentence'));

export function extractFeatures(input: FeatureInputs): TagFeatures {
  const { seg, atomizer, gazetteers, shouted } = input;
  const toks = seg.tokens;
  const n = toks.length;
  const atoms: WordAtoms[] = toks.map((t) => atomizer.atoms(t.text));
  const pos = toks.map((t) => posHash(t.pos));
  const forms = wordForms(seg, atoms, shouted);
  const titled = titleCaseSentences(seg, atoms);
  const out = new HashBuffer(n * 16);
  const offsets = new Uint32Array(n + 1);
  const edges = new Uint8Array(n);
  const outside = new Uint8Array(n);
  const same = (i: number, k: number): boolean => k >= 0 && k < n && toks[k]!.sentence === toks[i]!.sentence;
  for (let i = 0; i < n; i++) {
    offsets[i] = out.length;
    const s = toks[i]!.sentence;
    const a = atoms[i]!;
    const hasL = same(i, i - 1);
    const hasR = same(i, i + 1);
    if (a.plain && (!hasL || atoms[i - 1]!.plain) && (!hasR || atoms[i + 1]!.plain)) {
      outside[i] = 1;
      continue;
    }
    edges[i] = (hasL ? EDGE_L1 : 0) | (hasR ? EDGE_R1 : 0) | (same(i, i - 2) ? EDGE_L2 : 0) | (same(i, i + 2) ? EDGE_R2 : 0);
    const l = hasL ? atoms[i - 1]! : null;
    const r = hasR ? atoms[i + 1]! : null;
    const lLower = l ? l.lower : BOUNDARY;
    const rLower = r ? r.lower : BOUNDARY;
    out.push(F.bias);
    out.push(mix3(F.shL, l ? l.shape : BOUNDARY, a.shape));
    out.push(mix3(F.shR, a.shape, r ? r.shape : BOUNDARY));
    out.push(mix(F.p0, pos[i]!));
    out.push(mix3(F.pL, hasL ? pos[i - 1]! : BOUNDARY, pos[i]!));
    out.push(mix3(F.pR, pos[i]!, hasR ? pos[i + 1]! : BOUNDARY));
    out.push(mix3(F.pW, pos[i]!, rLower));
    out.push(mix3(F.bL, lLower, a.lower));
    out.push(mix3(F.bR, a.lower, rLower));
    if (!hasL) out.push(mix(F.first, a.shape));
    if (shouted.has(s)) out.push(mix(F.shout, a.lower));
    else if (titled.has(s)) out.push(mix(F.titled, a.lower));
    for (const g of gazetteers) {
      if (g[i]) out.push(mix(F.g0, g[i]!));
      if (hasL && g[i - 1]) out.push(mix(F.gm1, g[i - 1]!));
      if (hasR && g[i + 1]) out.push(mix(F.gp1, g[i + 1]!));
      if (same(i, i - 2) && g[i - 2]) out.push(mix(F.gm2, g[i - 2]!));
      if (same(i, i + 2) && g[i + 2]) out.push(mix(F.gp2, g[i + 2]!));
    }
    if (a.capitalized && (!hasL || shouted.has(s))) {
      const seen = forms.get(a.lower) ?? 0;
      if (seen & 1) out.push(DOC_LOWER);
      if (seen & 2) out.push(DOC_CAP);
    }
  }
  offsets[n] = out.length;
  return { hashes: out.view(), offsets, words: { atoms, edges, outside } };
}

/**
 * How this text writes each word, by its lower-case form: bit 1 = in lower case somewhere, bit 2 =
 * capitalised mid-sentence in a normal sentence. A per-text map: it stays in cache, where marks on
 * the words' shared cache entries cost a memory miss per token.
 */
function wordForms(seg: Segmented, atoms: WordAtoms[], shouted: Set<number>): Map<number, number> {
  const forms = new Map<number, number>();
  const toks = seg.tokens;
  for (let i = 0; i < toks.length; i++) {
    const a = atoms[i]!;
    const mid = i > 0 && toks[i - 1]!.sentence === toks[i]!.sentence && !shouted.has(toks[i]!.sentence);
    const bit = !a.capitalized ? 1 : mid ? 2 : 0;
    forms.set(a.lower, (forms.get(a.lower) ?? 0) | bit);
  }
  return forms;
}

const POS_HASHES = new Map<string, number>();
const posHash = (tag: string): number => POS_HASHES.get(tag) ?? POS_HASHES.set(tag, hashString(tag)).get(tag)!;

/** Sentences in Title Case (headlines): three or more words and nearly all of them capitalised. */
function titleCaseSentences(seg: Segmented, atoms: WordAtoms[]): Set<number> {
  const words = new Uint32Array(seg.sentences.length);
  const caps = new Uint32Array(seg.sentences.length);
  seg.tokens.forEach((t, i) => {
    if (!atoms[i]!.longWord) return; // short function words stay lower case in titles
    words[t.sentence]!++;
    if (atoms[i]!.capitalized) caps[t.sentence]!++;
  });
  const out = new Set<number>();
  for (let s = 0; s < words.length; s++) if (words[s]! >= 3 && caps[s]! / words[s]! >= 0.8) out.add(s);
  return out;
}

/** Sets the scores of tokens that cannot be in a name to "outside" only (`emissions` is n × labels, flat). */
export function forceOutside(emissions: Float32Array, w: WordFeatures, labels: number, from = 0): void {
  const n = emissions.length / labels;
  for (let i = 0; i < n; i++) {
    if (!w.outside[from + i]) continue;
    emissions[i * labels] = 0;
    for (let l = 1; l < labels; l++) emissions[i * labels + l] = -Infinity;
  }
}
