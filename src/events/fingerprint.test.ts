import { describe, expect, it } from 'vitest';
import { decodeFingerprint, encodeFingerprint, FINGERPRINT_MAX_REPORTS } from './fingerprint.js';
import { matchReports, reportWords } from './identity.js';
import { report } from './fixtures.js';
import { syntheticReports } from './synthetic.js';

describe('event fingerprints', () => {
  it('rebuild light reports that match every other report exactly as the full ones do', () => {
    const reports = syntheticReports(3, 40);
    const light = decodeFingerprint(encodeFingerprint(reports.slice(0, FINGERPRINT_MAX_REPORTS), reportWords), 7)!;
    const byKey = new Map(light.map((r) => [`${r.articleId}:${r.seq}`, r]));
    let compared = 0;
    for (const full of reports.slice(0, FINGERPRINT_MAX_REPORTS)) {
      const l = byKey.get(`${full.articleId}:${full.seq}`)!;
      expect(l.mergedId).toBe(7);
      for (const other of reports) {
        expect(matchReports(other, l)).toEqual(matchReports(other, full));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('list reports in (article, position) order and keep what linking reads', () => {
    const a = report({ articleId: 9, seq: 1, eventId: 'e2', respondsTo: 'e1', responseCue: 'in response to' });
    const b = report({ articleId: 3, seq: 0 });
    const light = decodeFingerprint(encodeFingerprint([a, b], reportWords), 1)!;
    expect(light.map((r) => [r.articleId, r.seq, r.eventId, r.respondsTo, r.responseCue])).toEqual([[3, 0, b.eventId, null, null], [9, 1, 'e2', 'e1', 'in response to']]);
  });

  it('are left out for big events, and a missing, damaged or outdated one reads as none', () => {
    const many = Array.from({ length: FINGERPRINT_MAX_REPORTS + 1 }, (_, i) => report({ articleId: i + 1 }));
    expect(encodeFingerprint(many, reportWords)).toBeNull();
    expect(encodeFingerprint([], reportWords)).toBeNull();
    for (const bad of [null, '', 'not json', '{"v":"0.1","r":[]}', '{"v":"1.1","r":[[1]]}', '{"v":"1.1","r":"x"}']) expect(decodeFingerprint(bad, 1)).toBeNull();
  });
});
