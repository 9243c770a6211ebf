// Day and window arguments (--since/--until, API since/until): YYYY-MM-DD, the partial dates
// YYYY-MM and YYYY, an ISO date-time, or a relative "24h"/"7d" back from now. Every form is
// checked against the calendar: "2020-13-01" or "2020-02-30" is refused with the accepted
// forms, never read as an empty window (or, by Date, as March 1st).
import { ReadoutError } from './errors.js';

export const DAY_FORMS = 'a date YYYY-MM-DD (or YYYY-MM, YYYY), an ISO date-time, or a duration back from now such as 24h, 7d, 2w';

const RELATIVE = /^(\d{1,6})\s*([mhdw])$/i;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/i;

/** True when y-m-d is a real calendar day (month 1–12, day within the month). */
function realDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function refuse(flag: string, value: string): ReadoutError {
  return new ReadoutError('input', `${flag} must be ${DAY_FORMS}; "${value}" is not a date`, { hint: 'e.g. 2026-03-01, 2026-03, 7d' });
}

/** A relative "7d" as the instant that long before `now`, else null. */
function relative(v: string, now: Date): Date | null {
  const rel = RELATIVE.exec(v);
  if (!rel) return null;
  return new Date(now.getTime() - Number(rel[1]) * UNIT_MS[rel[2]!.toLowerCase() as keyof typeof UNIT_MS]);
}

/** An ISO date-time with a real calendar day and a valid time, else null. */
function dateTime(v: string): Date | null {
  const m = DATE_TIME.exec(v);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  if (!realDay(y, mo, d) || h > 23 || mi > 59 || s > 59) return null;
  const t = new Date(v.replace(' ', 'T'));
  return Number.isNaN(t.getTime()) ? null : t;
}

/** YYYY, YYYY-MM or YYYY-MM-DD as given, when it names a real month or day. */
function calendarDay(v: string): string | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1)];
  return realDay(y, mo, d) ? v : null;
}

/** True for YYYY, YYYY-MM or YYYY-MM-DD naming a real year, month or day. */
export function isCalendarDay(value: string): boolean {
  return calendarDay(value.trim()) !== null;
}

/** A checked day argument: YYYY-MM-DD, YYYY-MM or YYYY as given; a date-time or "7d" as its UTC day. */
export function day(value: string | undefined, flag: string, now: Date = new Date()): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  const cal = calendarDay(v);
  if (cal) return cal;
  const t = dateTime(v) ?? relative(v, now);
  if (!t) throw refuse(flag, value);
  return t.toISOString().slice(0, 10);
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

/**
 * Parses "2026-03-01" (or "2026-03", "2026": their first instant), an ISO date-time, or a relative "24h"/"7d"/"30m" (meaning that long
 * ago); a bare day stays a day. Throws a ReadoutError naming `flag` for anything else.
 */
export function parseSince(value: string, now: Date = new Date(), flag = '--since'): string {
  const v = value.trim();
  const rel = relative(v, now);
  if (rel) return rel.toISOString();
  const cal = calendarDay(v);
  if (cal) return cal.length === 10 ? cal : new Date(`${sinceDay(cal, flag)!}T00:00:00Z`).toISOString();
  const t = dateTime(v);
  if (!t) throw refuse(flag, value);
  return t.toISOString();
}
