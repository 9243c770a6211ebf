import { describe, expect, it } from 'vitest';
import { day, isCalendarDay, parseSince, sinceDay, untilDay } from './days.js';

const NOW = new Date('2026-03-10T12:00:00Z');

describe('day arguments', () => {
  it('accepts dates, partial dates, ISO date-times and durations back from now', () => {
    expect(day('2026-03-01', '--since')).toBe('2026-03-01');
    expect(sinceDay('2026-02')).toBe('2026-02-01');
    expect(untilDay('2024-02')).toBe('2024-02-29');
    expect(untilDay('2026')).toBe('2026-12-31');
    expect(day('2026-03-01T23:30:00Z', '--since')).toBe('2026-03-01');
    expect(day('7d', '--since', NOW)).toBe('2026-03-03');
    expect(parseSince('24h', NOW)).toBe('2026-03-09T12:00:00.000Z');
    expect(parseSince('2026-03-01', NOW)).toBe('2026-03-01');
    expect(parseSince('2026-03', NOW)).toBe('2026-03-01T00:00:00.000Z');
    expect(parseSince('2026-03-01T10:00:00+02:00', NOW)).toBe('2026-03-01T08:00:00.000Z');
  });

  it('refuses dates the calendar does not have, naming the flag and the accepted forms', () => {
    for (const bad of ['2020-13-01', '2020-02-30', '2021-02-29', '2020-00-10', '2020-04-31', '2020-13', '2020-01-01T25:00:00Z', 'someday', '12', '03/2026']) {
      expect(() => sinceDay(bad), bad).toThrow(new RegExp(`--since must be a date YYYY-MM-DD .* or a duration back from now such as 24h, 7d, 2w; "${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}" is not a date`));
      expect(() => parseSince(bad, NOW, '--until'), bad).toThrow(/--until must be a date/);
    }
    expect(isCalendarDay('2020-02-29')).toBe(true);
    expect(isCalendarDay('2020-13-01')).toBe(false);
  });
});
