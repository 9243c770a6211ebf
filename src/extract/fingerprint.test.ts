import { describe, expect, it } from 'vitest';
import { fingerprints, hammingDistance } from './fingerprint.js';

const base = Array.from({ length: 60 }, (_, i) =>
  `Sentence ${i} about the envoy's visit, the ministry's statement and the reply that followed on day ${i % 7}.`,
).join(' ');

describe('fingerprints', () => {
  it('gives the same content hash to texts that differ only in case, spacing and punctuation', () => {
    const a = fingerprints('The minister said: "No talks."');
    const b = fingerprints('the  minister SAID no talks');
    expect(a.contentHash).toBe(b.contentHash);
  });

  it('keeps near-duplicates within a few bits and unrelated texts far apart', () => {
    const edited = base.replace('Sentence 3 about', 'Sentence three concerning');
    const other = Array.from({ length: 60 }, (_, i) => `Completely different report number ${i * 13} on grain prices and rainfall.`).join(' ');
    const fb = fingerprints(base).simhash;
    expect(hammingDistance(fb, fingerprints(edited).simhash)).toBeLessThanOrEqual(3);
    expect(hammingDistance(fb, fingerprints(other).simhash)).toBeGreaterThan(12);
  });

  it('produces 16 hex digits even for empty text', () => {
    expect(fingerprints('').simhash).toMatch(/^[0-9a-f]{16}$/);
  });
});
