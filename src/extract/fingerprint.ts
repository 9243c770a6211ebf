// Content fingerprints for dedup:
// - contentHash: sha256 of the normalised words — equal texts (up to case/space/punctuation).
// - simhash: 64-bit Charikar SimHash of word 3-shingles, for a quick "almost identical" check.
// - minhash + LSH band keys over word 3-shingles: finds syndicated rewrites and updated
//   versions (a shortened copy still shares most of its shingles with the original), which
//   SimHash misses once more than a few sentences change.
import { createHash } from 'node:crypto';

export const MINHASH_SIZE = 64;
/** 32 bands of 2 rows: a pair with Jaccard 0.3 becomes a candidate with p ≈ 0.95, 0.1 with p ≈ 0.27. */
export const LSH_BANDS = 32;
const ROWS = MINHASH_SIZE / LSH_BANDS;

export interface Fingerprints {
  contentHash: string;
  simhash: string;
  /** MINHASH_SIZE 32-bit minima as 8-hex-digit groups. */
  minhash: string;
  /** Distinct word 3-shingles (needed to turn Jaccard into containment). */
  shingleCount: number;
  /** One 32-bit key per LSH band (band number mixed in): articles sharing a key are candidates. */
  bands: number[];
}

export function normaliseForHash(text: string): string[] {
  return text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
}

// 32-bit FNV-1a; two seeds give SimHash its 64 bits (BigInt arithmetic would be ~10x slower).
function fnv1a(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A cheap 32-bit mixer (murmur3 finaliser) to derive MINHASH_SIZE hash functions from one. */
function mix(h: number, seed: number): number {
  let x = (h ^ seed) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

const SEEDS = Array.from({ length: MINHASH_SIZE }, (_, i) => mix(i + 1, 0x9e3779b9));

function shingles(words: string[]): string[] {
  if (words.length < 3) return words.length ? [words.join(' ')] : [];
  const out = new Set<string>();
  for (let i = 0; i + 3 <= words.length; i++) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return [...out];
}

export function simhash(grams: string[]): string {
  const v = new Int32Array(64);
  for (const g of grams) {
    const hi = fnv1a(g, 0x811c9dc5);
    const lo = fnv1a(g, 0x050c5d1f);
    for (let b = 0; b < 32; b++) {
      v[b]! += (hi >>> b) & 1 ? 1 : -1;
      v[32 + b]! += (lo >>> b) & 1 ? 1 : -1;
    }
  }
  let hi = 0;
  let lo = 0;
  for (let b = 0; b < 32; b++) {
    if (v[b]! > 0) hi |= 1 << b;
    if (v[32 + b]! > 0) lo |= 1 << b;
  }
  return hex8(hi) + hex8(lo);
}

function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

export function hammingDistance(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < 16; i += 8) {
    let x = (parseInt(a.slice(i, i + 8), 16) ^ parseInt(b.slice(i, i + 8), 16)) >>> 0;
    while (x) {
      x &= x - 1;
      d++;
    }
  }
  return d;
}

function minhash(grams: string[]): Uint32Array {
  const mins = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  for (const g of grams) {
    const h = fnv1a(g, 0x811c9dc5);
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const v = mix(h, SEEDS[i]!);
      if (v < mins[i]!) mins[i] = v;
    }
  }
  return mins;
}

export function fingerprints(text: string): Fingerprints {
  const words = normaliseForHash(text);
  const grams = shingles(words);
  const mins = minhash(grams);
  const minhashHex = Array.from(mins, hex8).join('');
  // Signed 32-bit, so the keys fit an integer column in both SQLite and PostgreSQL.
  const bands = Array.from({ length: LSH_BANDS }, (_, b) => fnv1a(`${b}:${minhashHex.slice(b * ROWS * 8, (b + 1) * ROWS * 8)}`, 0x811c9dc5) | 0);
  return {
    contentHash: createHash('sha256').update(words.join(' ')).digest('hex'),
    simhash: simhash(grams),
    minhash: minhashHex,
    shingleCount: grams.length,
    bands: grams.length ? bands : [],
  };
}

export interface Similarity {
  /** Estimated Jaccard similarity of the two shingle sets. */
  jaccard: number;
  /** Estimated share of the smaller text's shingles found in the larger one. */
  containment: number;
}

export function similarity(a: { minhash: string; shingleCount: number }, b: { minhash: string; shingleCount: number }): Similarity {
  let same = 0;
  for (let i = 0; i < MINHASH_SIZE; i++) if (a.minhash.slice(i * 8, i * 8 + 8) === b.minhash.slice(i * 8, i * 8 + 8)) same++;
  const jaccard = same / MINHASH_SIZE;
  const inter = (jaccard * (a.shingleCount + b.shingleCount)) / (1 + jaccard);
  const smaller = Math.max(1, Math.min(a.shingleCount, b.shingleCount));
  return { jaccard, containment: Math.min(1, inter / smaller) };
}

/**
 * Near-duplicates: most of the shorter text appears in the longer one (a shortened rewrite,
 * an updated version). Texts on the same story written independently share far less.
 */
export function isNearDuplicate(s: Similarity): boolean {
  return s.jaccard >= 0.5 || s.containment >= 0.7;
}
