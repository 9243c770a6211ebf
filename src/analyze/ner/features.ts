// Feature extraction for the entity tagger: for each token, hashed features from the word, its
// neighbours (±2), shapes, part-of-speech tags, word lists, gazetteer spans and the document
// (whether a capitalised sentence opener is also written in lower case elsewhere), and whether the
// sentence is written in capitals or in Title Case (a headline), where capitals say less.
import type { Segmented } from '../types.js';
import { hashString, mix, mix3 } from './hash.js';
import type { WordAtomizer, WordAtoms } from './word-atoms.js';

export interface TagFeatures {
  /** Feature hashes of token i are hashes[offsets[i] .. offsets[i+1]). */
  hashes: Uint32Array;
  offsets: Uint32Array;
}

export interface FeatureInputs {
  seg: Segmented;
  atomizer: WordAtomizer;
  /** Gazetteer codes per token (0 = none). */
  gazetteers: Uint32Array[];
  /** Sentences written in capitals. */
  shouted: Set<number>;
}

const T = (name: string): number => hashString(name);
const F = {
  bias: T('bias'), w0: T('w0'), wc: T('wc'), sh: T('sh'), wm1: T('w-1'), wp1: T('w+1'), wm2: T('w-2'), wp2: T('w+2'),
  shL: T('sh-1|sh'), shR: T('sh|sh+1'), shm1: T('sh-1'), shp1: T('sh+1'), p0: T('p0'), pL: T('p-1|p'), pR: T('p|p+1'), pW: T('p|w+1'),
  bL: T('w-1|w'), bR: T('w|w+1'), first: T('first|sh'), shout: T('shout|w'), fl0: T('fl'), flm1: T('fl-1'), flp1: T('fl+1'),
  titled: T('titled|w'), g0: T('g'), gm1: T('g-1'), gp1: T('g+1'), gm2: T('g-2'), gp2: T('g+2'), doc: T('doc'),
};
const BOUNDARY = T('<s>');
const DOC_LOWER = T('doc:lower-elsewhere');
const DOC_CAP = T('doc:capital-mid-sentence');

export function extractFeatures(input: FeatureInputs): TagFeatures {
  const { seg, atomizer, gazetteers, shouted } = input;
  const toks = seg.tokens;
  const n = toks.length;
  const atoms: WordAtoms[] = toks.map((t) => atomizer.atoms(t.text));
  const pos = toks.map((t) => hashString(t.pos));
  const doc = documentWordForms(seg, atoms, shouted);
  const titled = titleCaseSentences(seg, atoms);
  const out: number[] = [];
  const offsets = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) {
    offsets[i] = out.length;
    const s = toks[i]!.sentence;
    const inSentence = (k: number): boolean => k >= 0 && k < n && toks[k]!.sentence === s;
    const a = atoms[i]!;
    const lw = (k: number): number => (inSentence(k) ? atoms[k]!.lower : BOUNDARY);
    const sh = (k: number): number => (inSentence(k) ? atoms[k]!.shape : BOUNDARY);
    const ps = (k: number): number => (inSentence(k) ? pos[k]! : BOUNDARY);
    const first = !inSentence(i - 1);
    out.push(F.bias, mix(F.w0, a.lower), mix(F.wc, a.word), mix(F.sh, a.shape));
    for (const f of a.affixes) out.push(f);
    out.push(mix(F.wm1, lw(i - 1)), mix(F.wp1, lw(i + 1)), mix(F.wm2, lw(i - 2)), mix(F.wp2, lw(i + 2)));
    out.push(mix3(F.shL, sh(i - 1), a.shape), mix3(F.shR, a.shape, sh(i + 1)), mix(F.shm1, sh(i - 1)), mix(F.shp1, sh(i + 1)));
    out.push(mix(F.p0, pos[i]!), mix3(F.pL, ps(i - 1), pos[i]!), mix3(F.pR, pos[i]!, ps(i + 1)), mix3(F.pW, pos[i]!, lw(i + 1)));
    out.push(mix3(F.bL, lw(i - 1), a.lower), mix3(F.bR, a.lower, lw(i + 1)));
    if (first) out.push(mix(F.first, a.shape));
    if (shouted.has(s)) out.push(mix(F.shout, a.lower));
    else if (titled.has(s)) out.push(mix(F.titled, a.lower));
    for (const f of a.flags) out.push(mix(F.fl0, f));
    if (inSentence(i - 1)) for (const f of atoms[i - 1]!.flags) out.push(mix(F.flm1, f));
    if (inSentence(i + 1)) for (const f of atoms[i + 1]!.flags) out.push(mix(F.flp1, f));
    for (const g of gazetteers) {
      if (g[i]) out.push(mix(F.g0, g[i]!));
      if (inSentence(i - 1) && g[i - 1]) out.push(mix(F.gm1, g[i - 1]!));
      if (inSentence(i + 1) && g[i + 1]) out.push(mix(F.gp1, g[i + 1]!));
      if (inSentence(i - 2) && g[i - 2]) out.push(mix(F.gm2, g[i - 2]!));
      if (inSentence(i + 2) && g[i + 2]) out.push(mix(F.gp2, g[i + 2]!));
    }
    if (a.capitalized && (first || shouted.has(s))) {
      const seen = doc.get(a.lower) ?? 0;
      if (seen & 1) out.push(mix(F.doc, DOC_LOWER));
      if (seen & 2) out.push(mix(F.doc, DOC_CAP));
    }
  }
  offsets[n] = out.length;
  return { hashes: Uint32Array.from(out), offsets };
}

/** Per lower-case word: bit 1 = written in lower case somewhere, bit 2 = capitalised mid-sentence in a normal sentence. */
function documentWordForms(seg: Segmented, atoms: WordAtoms[], shouted: Set<number>): Map<number, number> {
  const out = new Map<number, number>();
  const toks = seg.tokens;
  for (let i = 0; i < toks.length; i++) {
    const a = atoms[i]!;
    const mid = i > 0 && toks[i - 1]!.sentence === toks[i]!.sentence && !shouted.has(toks[i]!.sentence);
    const bit = !a.capitalized ? 1 : mid ? 2 : 0;
    if (bit) out.set(a.lower, (out.get(a.lower) ?? 0) | bit);
  }
  return out;
}

/** Sentences in Title Case (headlines): three or more words and nearly all of them capitalised. */
function titleCaseSentences(seg: Segmented, atoms: WordAtoms[]): Set<number> {
  const words = new Uint32Array(seg.sentences.length);
  const caps = new Uint32Array(seg.sentences.length);
  seg.tokens.forEach((t, i) => {
    if (!/^\p{L}{2}/u.test(t.text) || t.text.length < 4) return; // short function words stay lower case in titles
    words[t.sentence]!++;
    if (atoms[i]!.capitalized) caps[t.sentence]!++;
  });
  const out = new Set<number>();
  for (let s = 0; s < words.length; s++) if (words[s]! >= 3 && caps[s]! / words[s]! >= 0.8) out.add(s);
  return out;
}
