// Merge quality on the synthetic set (synthetic.ts): pairwise precision/recall of the merged
// events over every pair of reports of the same source country and type. Seeds 1–3 were used to
// choose the weights and threshold, 4–6 are held out.
import { describe, expect, it } from 'vitest';
import { assignReports } from './merge.js';
import { pairScores, syntheticReports, type SyntheticReport } from './synthetic.js';

function clusterScores(seed: number) {
  const reports = syntheticReports(seed, 150);
  const of = new Map<SyntheticReport, number>();
  assignReports(reports, []).forEach((c, i) => c.reports.forEach((r) => of.set(r as SyntheticReport, i)));
  return pairScores(reports, (a, b) => of.get(a) === of.get(b));
}

describe('merge quality (synthetic reports)', () => {
  it('merges paraphrases and keeps same-dyad events apart on held-out seeds', () => {
    for (const seed of [4, 5, 6]) {
      const s = clusterScores(seed);
      expect(s.precision, `seed ${seed}`).toBeGreaterThan(0.8);
      expect(s.recall, `seed ${seed}`).toBeGreaterThan(0.8);
    }
  });
});
