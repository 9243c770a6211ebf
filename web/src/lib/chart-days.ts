// The x axis every dashboard chart shares: UTC calendar days (buckets are "YYYY-MM-DD"), ticks
// on whole days (a short range would otherwise be labelled by the hour), the year under the
// first tick and under each new year's first one.
import uPlot from 'uplot';

export const DAY = 86_400;

/** "2026-03-04" (or an ISO date-time: its day) → uPlot's x value, seconds at UTC midnight. */
export function daySeconds(day: string): number {
  return Date.parse(`${day.slice(0, 10)}T00:00:00Z`) / 1000;
}

/** The nearest day of an x value. */
export function dayOf(seconds: number): string {
  return new Date(Math.round(seconds / DAY) * DAY * 1000).toISOString().slice(0, 10);
}

/** Labels in UTC, as the days are (uPlot's tzDate option). */
export const utcDate = (ts: number) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC');

const DAY_TICKS = [1, 2, 7, 14, 28, 56, 91, 182, 364, 728].map((n) => n * DAY);
const dayLabel = uPlot.fmtDate('{M}/{D}');
const yearLabel = uPlot.fmtDate('{M}/{D}\n{YYYY}');

export const dayAxis: uPlot.Axis = {
  incrs: DAY_TICKS,
  values: (_u, splits) =>
    splits.map((s, i) => {
      const d = utcDate(s);
      return (i === 0 || utcDate(splits[i - 1]!).getFullYear() !== d.getFullYear() ? yearLabel : dayLabel)(d);
    }),
};
