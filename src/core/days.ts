// Day and window arguments (--since/--until, API since/until): YYYY-MM-DD, partial dates, any
// date Date can read, or a relative "24h"/"7d" back from now.
import { ReadoutError } from './errors.js';

export function day(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) return v;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw new ReadoutError('input', `${flag} must be a date (YYYY-MM-DD), not "${value}"`);
  return d.toISOString().slice(0, 10);
}

/** A --since day as a full YYYY-MM-DD: a partial date ("2026", "2026-03") starts on its first day. */
export function sinceDay(value: string | undefined, flag = '--since'): string | undefined {
  const d = day(value, flag);
  return d === undefined ? undefined : d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}

/** An --until day as a full YYYY-MM-DD: a partial date ends on its last day. */
export function untilDay(value: string | undefined, flag = '--until'): string | undefined {
  const d = day(value, flag);
  if (d === undefined || d.length === 10) return d;
  if (d.length === 4) return `${d}-12-31`;
  const [y, m] = d.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** Parses "2026-03-01", an ISO date-time, or a relative "24h"/"7d"/"30m" (meaning that long ago). */
export function parseSince(value: string, now: Date = new Date()): string {
  const rel = /^(\d+)\s*([mhdw])$/i.exec(value.trim());
  if (rel) {
    const unit = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[rel[2]!.toLowerCase() as 'm' | 'h' | 'd' | 'w'];
    return new Date(now.getTime() - Number(rel[1]) * unit).toISOString();
  }
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new Error(`"${value}" is not a date (use YYYY-MM-DD, an ISO date-time, or 24h/7d)`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? value.trim() : d.toISOString();
}
