import { describe, expect, it } from 'vitest';
import { fingerprints, hammingDistance, isNearDuplicate, LSH_BANDS, similarity } from './fingerprint.js';

const sentences = Array.from({ length: 40 }, (_, i) =>
  `Sentence ${i} says the envoy met officials on day ${i % 7} and the ministry answered with statement ${i * 3}.`,
);
const base = sentences.join(' ');
const unrelated = Array.from({ length: 40 }, (_, i) => `Report ${i * 13} covers grain prices, rainfall and harvest ${i} in the southern provinces.`).join(' ');

describe('fingerprints', () => {
  it('gives the same content hash to texts that differ only in case, spacing and punctuation', () => {
    expect(fingerprints('The minister said: "No talks."').contentHash).toBe(fingerprints('the  minister SAID no talks').contentHash);
  });

  it('keeps a lightly edited copy within a few SimHash bits and unrelated texts far apart', () => {
    const edited = base.replace('Sentence 3 says', 'Sentence three reports');
    const fb = fingerprints(base).simhash;
    expect(hammingDistance(fb, fingerprints(edited).simhash)).toBeLessThanOrEqual(3);
    expect(hammingDistance(fb, fingerprints(unrelated).simhash)).toBeGreaterThan(12);
  });

  it('finds a shortened rewrite as a near-duplicate through shared LSH bands', () => {
    const rewrite = sentences.slice(0, 25).map((s, i) => (i % 5 === 0 ? `In other words, ${s.toLowerCase()}` : s)).join(' ');
    const a = fingerprints(base);
    const b = fingerprints(rewrite);
    expect(a.bands.filter((k) => b.bands.includes(k)).length).toBeGreaterThan(0);
    expect(isNearDuplicate(similarity(a, b))).toBe(true);
  });

  it('does not call different stories near-duplicates', () => {
    const a = fingerprints(base);
    const c = fingerprints(unrelated);
    expect(isNearDuplicate(similarity(a, c))).toBe(false);
    expect(a.bands.filter((k) => c.bands.includes(k))).toHaveLength(0);
  });

  it('produces stable shapes, and no bands for empty text', () => {
    const f = fingerprints(base);
    expect(f.simhash).toMatch(/^[0-9a-f]{16}$/);
    expect(f.minhash).toHaveLength(512);
    expect(f.bands).toHaveLength(LSH_BANDS);
    expect(fingerprints('').bands).toEqual([]);
  });
});
