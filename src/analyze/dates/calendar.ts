// Calendar arithmetic on plain day numbers (days since 1970-01-01), computed with Date.UTC only,
// so results never depend on the process time zone.
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DAY_MS = 86_400_000;

export const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function toDays(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function fromDays(n: number): Ymd {
  const dt = new Date(n * DAY_MS);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

export function daysInMonth(y: number, m: number): number {
  return toDays(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - toDays(y, m, 1);
}

export function isValidDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export const ymd = (y: number, m: number, d: number): string => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
export const ym = (y: number, m: number): string => `${pad(y, 4)}-${pad(m)}`;
export const dayValue = (n: number): string => {
  const { y, m, d } = fromDays(n);
  return ymd(y, m, d);
};

/** ISO 8601 week value ("1998-W09") of day number n. */
export function isoWeek(n: number): string {
  const wd = weekdayOf(n) || 7;
  const thursday = n - wd + 4;
  const year = fromDays(thursday).y;
  const week = Math.floor((thursday - toDays(year, 1, 1)) / 7) + 1;
  return `${pad(year, 4)}-W${pad(week)}`;
}

/** Month arithmetic: (y, m) shifted by delta months. */
export function addMonths(y: number, m: number, delta: number): { y: number; m: number } {
  const k = y * 12 + (m - 1) + delta;
  return { y: Math.floor(k / 12), m: (k % 12) + 1 };
}

/** Reads the calendar date written at the start of an ISO date or date-time, as written. */
export function parsePublished(published: string | null): Ymd | null {
  const m = published ? /^(\d{4})-(\d{2})-(\d{2})/.exec(published) : null;
  if (!m) return null;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  return isValidDay(y, mo, d) ? { y, m: mo, d } : null;
}
