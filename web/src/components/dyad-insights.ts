// What the Dyad view reads out of a trend (GET /trends?dyad=…): each direction's totals, the
// reciprocity figure in words, and the turning points (spikes, the largest changes of tone).
import type { TrendReport } from '../../../src/insights/compute-trend';
import type { DirectedSeries } from '../../../src/insights/trends';

export type { TrendReport };

/** −0.12 with a real minus sign, +3 for a rise. */
export function signed(v: number, digits = 2, plus = false): string {
  const fixed = Math.abs(v).toFixed(digits);
  const text = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  return v < 0 ? `−${text}` : plus && v > 0 ? `+${text}` : text;
}

export interface Totals {
  events: number;
  coop: number;
  conflict: number;
  neutral: number;
  /** Mean intensity of all the direction's events (null without events). */
  mean: number | null;
}

export function totals(d: DirectedSeries): Totals {
  let events = 0;
  let coop = 0;
  let conflict = 0;
  let sum = 0;
  for (const b of d.buckets) {
    events += b.events;
    coop += b.coop;
    conflict += b.conflict;
    sum += (b.meanIntensity ?? 0) * b.events;
  }
  return { events, coop, conflict, neutral: events - coop - conflict, mean: events ? Math.round((sum / events) * 100) / 100 : null };
}

function meaning(value: number, later: string): string {
  if (value >= 0.5) return `each side tends to answer the other's tone in kind ${later} (tit for tat)`;
  if (value >= 0.2) return `each side's tone loosely follows the other's ${later}`;
  if (value > -0.2) return 'the two sides\u2019 tones move largely independently of each other';
  return `each side tends to answer the other's warmth with hostility, or hostility with warmth, ${later}`;
}

/** The reciprocity figure with its pair count, and one sentence on what it means. */
export function reciprocityText(t: TrendReport): { headline: string; detail: string } | null {
  const r = t.reciprocity;
  const dirs = t.directions;
  if (!r || !dirs) return null;
  const [ab, ba] = dirs;
  const unit = t.by;
  const later = r.lag === 1 ? `one ${unit} later` : `${r.lag} ${unit}s later`;
  const part = (who: string, whom: string, c: { r: number | null; pairs: number }) => `${who} following ${whom}: ${c.r === null ? 'not measurable' : `r = ${signed(c.r, 2)}`} (${c.pairs} pair${c.pairs === 1 ? '' : 's'})`;
  const detail = `${part(ab.to, ab.from, r.bFollowsA)}; ${part(ba.to, ba.from, r.aFollowsB)}. Reciprocity is the correlation of one side's mean tone in a ${unit} with the other side's ${later}, over the ${unit}s where both acted.`;
  if (r.value === null) {
    return { headline: `Reciprocity: not measurable here. It needs at least 3 pairs of ${unit}s in which one side acted and the other acted ${later}.`, detail };
  }
  const caution = r.pairs < 10 ? ` With only ${r.pairs} pairs this is a hint, not proof.` : '';
  return { headline: `Reciprocity ${signed(r.value, 2)} over ${r.pairs} pairs of ${unit}s: ${meaning(r.value, later)}.${caution}`, detail };
}

export interface TurningPoint {
  bucket: string;
  kind: 'spike' | 'shift';
  text: string;
  size: number;
}

/** Spikes, and the largest changes of each side's tone from one bucket with events to the next. */
export function turningPoints(t: TrendReport, maxShifts = 6): TurningPoint[] {
  const spikes: TurningPoint[] = t.buckets
    .filter((b) => b.spike.length > 0)
    .map((b) => ({ bucket: b.bucket, kind: 'spike', size: Infinity, text: `spike in ${b.spike.join(' and ')}: ${b.events} events, ${b.articles} articles` }));
  const shifts: TurningPoint[] = [];
  for (const d of t.directions ?? []) {
    let prev: { bucket: string; mean: number } | null = null;
    for (const b of d.buckets) {
      if (b.meanIntensity === null) continue;
      if (prev) {
        const delta = b.meanIntensity - prev.mean;
        if (Math.abs(delta) >= 1) shifts.push({ bucket: b.bucket, kind: 'shift', size: Math.abs(delta), text: `${d.from} → ${d.to} ${delta > 0 ? 'warmed' : 'cooled'}: mean tone ${signed(b.meanIntensity, 2, true)}, after ${signed(prev.mean, 2, true)} ${t.by === 'week' ? 'in the week of' : 'on'} ${prev.bucket} (change ${signed(delta, 2, true)})` });
      }
      prev = { bucket: b.bucket, mean: b.meanIntensity };
    }
  }
  const largest = shifts.sort((x, y) => y.size - x.size).slice(0, maxShifts);
  return [...spikes, ...largest].sort((x, y) => x.bucket.localeCompare(y.bucket) || x.kind.localeCompare(y.kind));
}

/** The last day of a bucket (a week runs Monday to Sunday). */
export function bucketEnd(bucket: string, by: 'day' | 'week'): string {
  if (by === 'day') return bucket;
  return new Date(Date.parse(`${bucket}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
}
