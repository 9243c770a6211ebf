import { describe, expect, it } from 'vitest';
import { detectSpikes, mad, median } from './spikes.js';

describe('spike detection (robust z-score against the trailing median and MAD)', () => {
  it('computes medians and MADs', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(mad([1, 2, 3, 4, 100])).toBe(1);
  });

  it('flags a clear spike', () => {
    const scores = detectSpikes([2, 3, 2, 3, 2, 3, 2, 3, 20, 3]);
    expect(scores.map((s) => s.spike)).toEqual([false, false, false, false, false, false, false, false, true, false]);
    expect(scores[8]!.z).toBeGreaterThan(10);
    expect(scores[8]!.baseline).toBe(2.5);
  });

  it('does not flag noise', () => {
    // Poisson-like counts around 4–5 (no bucket far above its baseline).
    const noise = [4, 6, 3, 5, 7, 4, 2, 5, 6, 4, 8, 3, 5, 6, 4, 7, 5, 3, 6, 5];
    expect(detectSpikes(noise).some((s) => s.spike)).toBe(false);
    // A flat baseline does not make +1 a spike (the Poisson floor), nor does a rise from 0 to 2.
    expect(detectSpikes([10, 10, 10, 10, 10, 12]).some((s) => s.spike)).toBe(false);
    expect(detectSpikes([0, 0, 0, 0, 0, 2]).some((s) => s.spike)).toBe(false);
    expect(detectSpikes([0, 0, 0, 0, 0, 5]).at(-1)!.spike).toBe(true);
  });

  it('does not flag anything with too short a history', () => {
    const scores = detectSpikes([1, 1, 1, 50]);
    expect(scores.every((s) => !s.spike && s.z === null)).toBe(true);
    expect(detectSpikes([1, 1, 1, 50], { minHistory: 3 }).at(-1)!.spike).toBe(true);
  });

  it('keeps an old spike out of the baseline scale of later buckets', () => {
    const scores = detectSpikes([2, 2, 3, 2, 30, 2, 3, 2, 25]);
    expect(scores[4]!.spike).toBe(true);
    expect(scores[8]!.spike).toBe(true);
  });
});
