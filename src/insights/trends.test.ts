import { describe, expect, it } from 'vitest';
import { addTone, buildTrend } from './trends.js';
import type { ToneRow } from './types.js';

const tone = (bucket: string, intensities: number[]): ToneRow => ({
  bucket, events: intensities.length, intensitySum: intensities.reduce((s, v) => s + v, 0),
  coop: intensities.filter((v) => v > 0).length, conflict: intensities.filter((v) => v < 0).length,
});

describe('buildTrend', () => {
  it('fills empty buckets, averages tone and flags attention spikes', () => {
    const attention = ['01', '02', '03', '04', '05', '06'].map((d, i) => ({ bucket: `2026-03-${d}`, articles: i === 5 ? 12 : 2, mentions: i === 5 ? 30 : 3 }));
    const t = buildTrend({ by: 'day', attention: attention.filter((r) => r.bucket !== '2026-03-03'), tone: [tone('2026-03-02', [4, -2, -6])], until: '2026-03-07' });
    expect(t.buckets.map((b) => b.bucket)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07']);
    expect(t.buckets[2]).toMatchObject({ articles: 0, mentions: 0, events: 0, meanIntensity: null, spike: [] });
    expect(t.buckets[1]).toMatchObject({ events: 3, meanIntensity: -1.33, coop: 1, conflict: 2 });
    expect(t.buckets[5]!.spike).toEqual(['articles']);
    expect(t.buckets.filter((b) => b.spike.length)).toHaveLength(1);
  });

  it('has null mentions and no event spikes for keywords (tone null)', () => {
    const t = buildTrend({ by: 'week', attention: [{ bucket: '2026-03-02', articles: 3, mentions: null }], tone: null });
    expect(t.buckets).toEqual([{ bucket: '2026-03-02', articles: 3, mentions: null, events: 0, meanIntensity: null, coop: 0, conflict: 0, spike: [], z: { articles: null, events: null } }]);
  });

  it('keeps a dyad\'s directions apart, sums them, and measures reciprocity', () => {
    const days = Array.from({ length: 10 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`);
    const moves = [4, -5, 3, -2, 6, -6, 2, -4, 5, -3];
    const aToB = days.map((d, i) => tone(d, [moves[i]!]));
    const bToA = days.slice(1).map((d, i) => tone(d, [moves[i]!])); // B repeats A's move a day later
    const t = buildTrend({ by: 'day', attention: [], tone: null, directed: { a: 'PRK', b: 'USA', aToB, bToA } });
    expect(t.directions!.map((d) => `${d.from}→${d.to}`)).toEqual(['PRK→USA', 'USA→PRK']);
    expect(t.buckets[1]).toMatchObject({ events: 2, meanIntensity: -0.5, coop: 1, conflict: 1 });
    expect(t.reciprocity!.bFollowsA).toEqual({ r: 1, pairs: 9 });
    expect(t.reciprocity!.value).not.toBeNull();
  });

  it('adds tone rows per bucket', () => {
    expect(addTone([tone('2026-03-02', [1])], [tone('2026-03-01', [-2]), tone('2026-03-02', [-3])])).toEqual([
      { bucket: '2026-03-01', events: 1, intensitySum: -2, coop: 0, conflict: 1 },
      { bucket: '2026-03-02', events: 2, intensitySum: -2, coop: 1, conflict: 1 },
    ]);
  });
});
