// A source's health in words (and an icon; colour only repeats them): failing sources, sources
// never polled, overdue and disabled ones must stand out from the healthy ones in the table.
import type { Source } from '../../../src/store/types';

export type HealthLevel = 'ok' | 'failing' | 'never' | 'overdue' | 'disabled';

export interface Health {
  level: HealthLevel;
  words: string;
}

const ICON: Record<HealthLevel, string> = { ok: '✓', failing: '✗', never: '…', overdue: '⏱', disabled: '⏸' };

/** Overdue: the next poll is more than one interval (at least 10 minutes) late: is a scheduler running? */
function overdue(s: Source, now: number): boolean {
  if (!s.nextPollAt) return false;
  return now - Date.parse(s.nextPollAt) > Math.max(s.intervalSeconds * 1000, 600_000);
}

export function healthOf(s: Source, now = Date.now()): Health {
  if (!s.enabled) return { level: 'disabled', words: 'Disabled: not polled' };
  if (s.failureStreak > 0) {
    const times = s.failureStreak === 1 ? 'the last poll failed' : `the last ${s.failureStreak} polls failed`;
    return { level: 'failing', words: `Failing: ${times}${s.lastSuccessAt ? '' : '; never succeeded'}` };
  }
  if (!s.lastPolledAt) return { level: 'never', words: 'Not polled yet' };
  if (overdue(s, now)) return { level: 'overdue', words: 'Overdue: no poll since the scheduled time (is `readout watch` or `serve` polling?)' };
  return { level: 'ok', words: 'Healthy' };
}

export function HealthBadge({ health }: { health: Health }) {
  return (
    <span className={`health health-${health.level}`}>
      <span aria-hidden="true">{ICON[health.level]} </span>
      {health.words}
    </span>
  );
}

/** "2026-11-30 18:13 UTC (5 min ago)" — times are stored in UTC. */
export function When({ iso, now = Date.now() }: { iso: string | null; now?: number }) {
  if (!iso) return <span className="muted">never</span>;
  const t = Date.parse(iso);
  const mins = Math.round((now - t) / 60_000);
  const rel = Math.abs(mins) < 1 ? 'now' : Math.abs(mins) < 90 ? `${Math.abs(mins)} min` : Math.abs(mins) < 60 * 36 ? `${Math.round(Math.abs(mins) / 60)} h` : `${Math.round(Math.abs(mins) / 1440)} days`;
  const relative = rel === 'now' ? 'now' : mins >= 0 ? `${rel} ago` : `in ${rel}`;
  return (
    <time dateTime={iso} title={iso}>
      {iso.slice(0, 16).replace('T', ' ')} UTC <span className="muted">({relative})</span>
    </time>
  );
}
