import { describe, expect, it } from 'vitest';
import { assignReports, mergedFields, sortDateOf } from './merge.js';
import { PRK, report } from './fixtures.js';
import { periodOf } from './text.js';

describe('merging reports', () => {
  it('clusters reports incrementally and computes representative fields', () => {
    const a = report({ outlet: 'A', intensity: -4, quote: 'We reject it' });
    const b = report({ outlet: 'B', intensity: -5, date: null, anchor: '2026-03-03', seenAt: '2026-03-03T08:00:00Z', quote: 'We reject it' });
    const c = report({ outlet: 'C', date: '2026-03-09', sentence: 'North Korea rejected sanctions.', seenAt: '2026-03-09T08:00:00Z' });
    const clusters = assignReports([c, b], [{ id: 7, reports: [a] }]);
    expect(clusters.map((k) => [k.id, k.reports.map((r) => r.outlet)])).toEqual([[7, ['A', 'B']], [null, ['C']]]);
    const f = mergedFields(clusters[0]!.reports);
    expect(f).toMatchObject({ date: '2026-03-02', sortDate: '2026-03-02', anchor: '2026-03-02', lastAnchor: '2026-03-03', type: 'REJECT', intensity: -4.5, reportCount: 2, outlets: ['A', 'B'], quote: 'We reject it', source: PRK });
    expect(f.firstSeen < f.lastSeen).toBe(true);
  });

  it('never shows the anchor as the date of an undated event', () => {
    const f = mergedFields([report({ date: null, anchor: '2026-03-04' })]);
    expect(f.date).toBeNull();
    expect(f.sortDate).toBe('2026-03-04');
  });

  it('prefers the most specific date and a typed event over a statement', () => {
    const f = mergedFields([report({ date: '2026-03' }), report({ date: '2026-03-05' }), report({ type: 'STATEMENT', date: null }), report({ date: null })]);
    expect(f.date).toBe('2026-03-05');
    expect(f.type).toBe('REJECT');
  });
});

describe('sortDateOf', () => {
  it('sorts on the day, else the anchor, else the start of a period the text puts elsewhere', () => {
    expect(sortDateOf('2020-01-03', '2020-01-05')).toBe('2020-01-03');
    expect(sortDateOf(null, '2020-01-05')).toBe('2020-01-05');
    expect(sortDateOf('2020-01', '2020-01-05')).toBe('2020-01-05');
    expect(sortDateOf('1979', '2020-01-05')).toBe('1979-01-01');
    expect(sortDateOf('2018-03', '2020-01-05')).toBe('2018-03-01');
  });
  it('reads the period a partial date spans (periodOf)', () => {
    expect(periodOf('2019-12')).toEqual({ first: '2019-12-01', last: '2019-12-31' });
    expect(periodOf('2020-02')).toEqual({ first: '2020-02-01', last: '2020-02-29' });
    expect(periodOf('1979')).toEqual({ first: '1979-01-01', last: '1979-12-31' });
    expect(periodOf('2021-W24')).toBeNull();
  });
});
