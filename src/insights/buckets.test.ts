import { describe, expect, it } from 'vitest';
import { bucketOf, bucketRange, nextBucket, seriesBuckets } from './buckets.js';

describe('trend buckets', () => {
  it('places dates and timestamps in their day or ISO week (Monday)', () => {
    expect(bucketOf('2026-03-04T23:30:00.000Z', 'day')).toBe('2026-03-04');
    expect(bucketOf('2026-03-02', 'week')).toBe('2026-03-02'); // a Monday
    expect(bucketOf('2026-03-08', 'week')).toBe('2026-03-02'); // the Sunday after it
    expect(bucketOf('2026-03-09T00:00:00Z', 'week')).toBe('2026-03-09');
    expect(bucketOf('2026-01-01', 'week')).toBe('2025-12-29'); // across a year
    expect(() => bucketOf('March', 'day')).toThrow(/not a date/);
  });

  it('lists every bucket of a range, empty ones included', () => {
    expect(bucketRange('2026-02-27', '2026-03-02', 'day')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(bucketRange('2026-03-04', '2026-03-17', 'week')).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    expect(nextBucket('2026-12-28', 'week')).toBe('2027-01-04');
    expect(() => bucketRange('1900-01-01', '2026-01-01', 'day')).toThrow(/buckets/);
  });

  it('spans the data, or the bounds when given', () => {
    expect(seriesBuckets(['2026-03-03', '2026-03-01'], 'day')).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
    expect(seriesBuckets(['2026-03-03'], 'day', '2026-03-02', '2026-03-04')).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
    expect(seriesBuckets([], 'day')).toEqual([]);
    expect(seriesBuckets([], 'day', '2026-03-05', '2026-03-01')).toEqual([]);
  });
});
