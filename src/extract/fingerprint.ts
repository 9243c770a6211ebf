// Content fingerprints for dedup: an exact hash of the normalised text, and a 64-bit SimHash
// (Charikar) over word 3-shingles, whose Hamming distance tracks how much two texts differ.
import { createHash } from 'node:crypto';

export interface Fingerprints {
  /** sha256 hex of the normalised text: equal for texts that differ only in case/space/punctuation. */
  contentHash: string;
  /** 64-bit SimHash as 16 hex digits. */
  simhash: string;
}

export function normaliseForHash(text: string): string[] {
  return text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
}

// Two independent 32-bit FNV-1a hashes give the 64 bits (BigInt arithmetic would be ~10x slower).
function fnv1a(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function simhash(words: string[]): string {
  const v = new Int32Array(64);
  const n = Math.max(1, words.length - 2);
  for (let i = 0; i < n; i++) {
    const shingle = words.slice(i, i + 3).join(' ');
    const hi = fnv1a(shingle, 0x811c9dc5);
    const lo = fnv1a(shingle, 0x050c5d1f);
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
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
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

export function fingerprints(text: string): Fingerprints {
  const words = normaliseForHash(text);
  return {
    contentHash: createHash('sha256').update(words.join(' ')).digest('hex'),
    simhash: simhash(words),
  };
}
