// Anchoring underspecified dates to the publication date.
import { addMonths, fromDays, toDays, weekdayOf, type Ymd } from './calendar.js';
import type { Tense } from './tense.js';

/**
 * Year of a month (or a period starting in that month) named without a year. Future tense pushes
 * months already past into next year; past tense pulls months six or more months after
 * publication into the previous year; otherwise the publication year.
 */
export function yearForMonth(pub: Ymd, month: number, tense: Tense): number {
  const diff = month - pub.m;
  if (tense === 'future') return diff < 0 ? pub.y + 1 : pub.y;
  return diff >= 6 ? pub.y - 1 : pub.y;
}

/** "last May": the most recent such month strictly before the publication month. */
export function lastMonthNamed(pub: Ymd, month: number): number {
  return month < pub.m ? pub.y : pub.y - 1;
}

/** "next May": the first such month strictly after the publication month. */
export function nextMonthNamed(pub: Ymd, month: number): number {
  return month > pub.m ? pub.y : pub.y + 1;
}

export type Direction = 'past' | 'future' | 'last' | 'next';

/**
 * Day number of a weekday relative to publication. past: the latest one on or before
 * publication; future: the first one on or after; last/next: strictly before/after.
 */
export function weekdayDay(pubDay: number, weekday: number, dir: Direction): number {
  const back = (weekdayOf(pubDay) - weekday + 7) % 7;
  const fwd = (weekday - weekdayOf(pubDay) + 7) % 7;
  switch (dir) {
    case 'past': return pubDay - back;
    case 'future': return pubDay + fwd;
    case 'last': return pubDay - (back || 7);
    case 'next': return pubDay + (fwd || 7);
  }
}

export function shiftMonth(pub: Ymd, delta: number): { y: number; m: number } {
  return addMonths(pub.y, pub.m, delta);
}

/** Day number `n` units before publication (years and months keep the day of month). */
export function unitsAgo(pub: Ymd, pubDay: number, unit: string, n: number): number {
  if (unit.startsWith('day')) return pubDay - n;
  if (unit.startsWith('week')) return pubDay - 7 * n;
  const { y, m } = unit.startsWith('month') ? addMonths(pub.y, pub.m, -n) : { y: pub.y - n, m: pub.m };
  const last = fromDays(toDays(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - 1).d;
  return toDays(y, m, Math.min(pub.d, last));
}

/** Quarter (1-4) holding month m. */
export const quarterOf = (m: number): number => Math.floor((m - 1) / 3) + 1;
