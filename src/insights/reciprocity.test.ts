import { describe, expect, it } from 'vitest';
import { describeReciprocity, laggedCorrelation, pearson, reciprocity, RELIABLE_PAIRS } from './reciprocity.js';

/** A deterministic pseudo-random stream in [-1, 1). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  };
}

describe('reciprocity (lagged tone correlation)', () => {
  it('computes Pearson r, null without variance', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
  });

  it('pairs a bucket with the next one, skipping buckets without events', () => {
    const c = laggedCorrelation([1, null, 3, 4, 5], [null, 2, 5, null, 9]);
    // t=0 (1, 2) and t=3 (4, 9); t=1 has no leader value, t=2 no follower value one bucket later.
    expect(c.pairs).toBe(2);
    expect(c.r).toBeNull(); // fewer than 3 pairs
  });

  it('gives a high value for tit for tat', () => {
    const noise = rng(7);
    const a: number[] = [5];
    const b: number[] = [-3];
    for (let t = 1; t < 80; t++) {
      // Each side answers the other's last move, with some noise of its own.
      a.push(0.8 * b[t - 1]! + 2 * noise());
      b.push(0.8 * a[t - 1]! + 2 * noise());
    }
    const r = reciprocity(a, b);
    expect(r.value!).toBeGreaterThan(0.7);
    expect(r.bFollowsA.pairs).toBe(79);
    expect(r.aFollowsB.r!).toBeGreaterThan(0.7);
  });

  it('gives a low value for independent series', () => {
    const x = rng(1);
    const y = rng(99);
    const a = Array.from({ length: 200 }, () => 8 * x());
    const b = Array.from({ length: 200 }, () => 8 * y());
    expect(Math.abs(reciprocity(a, b).value!)).toBeLessThan(0.2);
  });

  it('is null without enough paired buckets', () => {
    expect(reciprocity([1, null, 2], [null, 3, null])).toMatchObject({ value: null, pairs: 0 });
  });

  it('reports a value as established only from 8 paired buckets each way, and says so below', () => {
    expect(RELIABLE_PAIRS).toBe(8);
    // Four days each way, B echoing A a day later: r is high, but four pairs prove nothing.
    const few = reciprocity([4, null, -5, null, 3, null, -2, null], [null, 4, null, -5, null, 3, null, -2]);
    expect(few.bFollowsA).toEqual({ r: 1, pairs: 4 });
    expect(few.aFollowsB.pairs).toBe(3); // A's next move after B's: three pairs
    expect(few.value).not.toBeNull();
    expect(few).toMatchObject({ insufficient: true, minPairs: 8, note: expect.stringMatching(/only 3 paired buckets, needs 8/) });
    const text = describeReciprocity(few, 'day');
    expect(text).toMatch(/^WARNING not established: only 3 paired days, needs 8/);

    const moves = [4, -5, 3, -2, 6, -6, 2, -4, 5, -3];
    const many = reciprocity([...moves, null], [null, ...moves]);
    expect(many.bFollowsA.pairs).toBe(10);
    expect(many.aFollowsB.pairs).toBe(8); // just enough
    expect(many).toMatchObject({ insufficient: false, note: null, pairs: 18 });
    expect(describeReciprocity(many, 'day')).toBe(`${many.value!.toFixed(2)} over 18 paired days (lag 1 day)`);

    const none = reciprocity([1, null, 2], [null, 3, null]);
    expect(none).toMatchObject({ value: null, insufficient: true, note: expect.stringMatching(/^not measurable/) });
    expect(describeReciprocity(none, 'week')).toMatch(/^n\/a .*needs 8/);
  });
});
