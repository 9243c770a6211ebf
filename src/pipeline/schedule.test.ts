import { describe, expect, it } from 'vitest';
import type { Source } from '../store/types.js';
import { afterFailure, afterSuccess, backoffMs, jittered, jobRetryDelayMs } from './schedule.js';

const source: Source = {
  id: 1, url: 'https://example.org/feed', kind: 'feed', title: null, tags: [], intervalSeconds: 300, enabled: true,
  etag: null, lastModified: null, createdAt: '2026-01-01T00:00:00.000Z', lastPolledAt: null, lastSuccessAt: null,
  lastErrorAt: null, lastError: null, failureStreak: 2, itemsSeen: 10, nextPollAt: null,
};
const policy = { jitter: 0.1, maxBackoffMs: 3_600_000 };
const now = new Date('2026-03-01T12:00:00.000Z');

describe('poll schedule', () => {
  it('spreads polls by the jitter fraction around the interval', () => {
    expect(jittered(300_000, 0.1, () => 0)).toBe(270_000);
    expect(jittered(300_000, 0.1, () => 1)).toBe(330_000);
    expect(jittered(300_000, 0, Math.random)).toBe(300_000);
  });

  it('backs off exponentially and caps at the maximum', () => {
    expect(backoffMs(300_000, 1, 3_600_000)).toBe(600_000);
    expect(backoffMs(300_000, 3, 3_600_000)).toBe(2_400_000);
    expect(backoffMs(300_000, 10, 3_600_000)).toBe(3_600_000);
  });

  it('resets the failure streak and counts new items after a success', () => {
    const patch = afterSuccess(source, now, 4, { ...policy, jitter: 0 });
    expect(patch).toMatchObject({ failureStreak: 0, itemsSeen: 14, lastSuccessAt: now.toISOString() });
    expect(patch.nextPollAt).toBe('2026-03-01T12:05:00.000Z');
  });

  it('records the error and schedules the next poll with backoff after a failure', () => {
    const patch = afterFailure(source, now, 'HTTP 500', { ...policy, jitter: 0 });
    expect(patch).toMatchObject({ failureStreak: 3, lastError: 'HTTP 500', lastErrorAt: now.toISOString() });
    expect(patch.nextPollAt).toBe('2026-03-01T12:40:00.000Z');
  });

  it('retries jobs after growing delays', () => {
    expect([1, 2, 3].map(jobRetryDelayMs)).toEqual([5000, 20_000, 80_000]);
    expect(jobRetryDelayMs(20)).toBe(3_600_000);
  });
});
