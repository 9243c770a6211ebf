// When to poll a source next: its interval with jitter after a success, exponential backoff
// (capped) after failures. Pure functions, so the policy is tested without clocks or I/O.
import type { Source, SourcePatch } from '../store/types.js';

export interface SchedulePolicy {
  jitter: number;
  maxBackoffMs: number;
}

/** ±jitter around the interval; random is injectable for tests. */
export function jittered(ms: number, jitter: number, random: () => number = Math.random): number {
  return Math.max(1000, Math.round(ms * (1 + jitter * (2 * random() - 1))));
}

export function backoffMs(intervalMs: number, failureStreak: number, maxBackoffMs: number): number {
  const exp = Math.min(failureStreak, 20);
  return Math.min(intervalMs * 2 ** exp, Math.max(maxBackoffMs, intervalMs));
}

export function afterSuccess(source: Source, now: Date, newItems: number, policy: SchedulePolicy, random?: () => number): SourcePatch {
  const at = now.toISOString();
  return {
    lastPolledAt: at,
    lastSuccessAt: at,
    failureStreak: 0,
    itemsSeen: source.itemsSeen + newItems,
    nextPollAt: new Date(now.getTime() + jittered(source.intervalSeconds * 1000, policy.jitter, random)).toISOString(),
  };
}

export function afterFailure(source: Source, now: Date, error: string, policy: SchedulePolicy, random?: () => number): SourcePatch {
  const at = now.toISOString();
  const streak = source.failureStreak + 1;
  const wait = backoffMs(source.intervalSeconds * 1000, streak, policy.maxBackoffMs);
  return {
    lastPolledAt: at,
    lastErrorAt: at,
    lastError: error,
    failureStreak: streak,
    nextPollAt: new Date(now.getTime() + jittered(wait, policy.jitter, random)).toISOString(),
  };
}

/** Retry delay for a failed job (attempt counts from 1): 5 s, 20 s, 80 s … capped at 1 h. */
export function jobRetryDelayMs(attempt: number): number {
  return Math.min(5000 * 4 ** Math.max(0, attempt - 1), 3_600_000);
}
