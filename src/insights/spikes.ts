// Spike detection: is a bucket's count well above its recent baseline?
//
// Method: a robust z-score against the trailing window. For bucket t with count x, the
// baseline is the previous `window` buckets (empty buckets count as 0); with median m and
// median absolute deviation MAD of that baseline,
//
//     z = (x − m) / max(1.4826 · MAD, √max(m, 1))
//
// 1.4826 · MAD estimates the standard deviation of normal data without letting earlier spikes
// inflate it; the √m floor is the Poisson standard deviation of a count with mean m, so a flat
// baseline (MAD = 0, common with small counts) does not turn every +1 into a spike, and a
// baseline of zeros still needs a few articles. A bucket is a spike when
//   - it has at least `minHistory` buckets of baseline (too short a history flags nothing),
//   - x ≥ minCount (a rise from 0 to 2 is not news), and
//   - z ≥ threshold (3.5 by default, the usual cut for robust z-scores).
// The bucket itself is never part of its own baseline, and a spike stays in the baseline of
// the buckets after it (the median and MAD shrug off one outlier).
export interface SpikeOptions {
  /** Trailing buckets in the baseline. */
  window: number;
  /** Baseline buckets needed before anything can be flagged. */
  minHistory: number;
  /** Smallest count that can be a spike. */
  minCount: number;
  /** Robust z-score at or above which a bucket is a spike. */
  threshold: number;
}

export const DEFAULT_SPIKE_OPTIONS: SpikeOptions = { window: 8, minHistory: 4, minCount: 3, threshold: 3.5 };

export interface SpikeScore {
  /** Robust z-score against the baseline; null when the history is too short. */
  z: number | null;
  /** Median of the baseline (null with too short a history). */
  baseline: number | null;
  spike: boolean;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Median absolute deviation from the median. */
export function mad(values: readonly number[]): number {
  const m = median(values);
  return median(values.map((v) => Math.abs(v - m)));
}

/** Scores every bucket of a count series (oldest first) against its trailing baseline. */
export function detectSpikes(counts: readonly number[], options: Partial<SpikeOptions> = {}): SpikeScore[] {
  const o = { ...DEFAULT_SPIKE_OPTIONS, ...options };
  const window = Math.max(1, Math.floor(o.window));
  const minHistory = Math.max(1, Math.min(window, Math.floor(o.minHistory)));
  return counts.map((x, t) => {
    const history = counts.slice(Math.max(0, t - window), t);
    if (history.length < minHistory) return { z: null, baseline: null, spike: false };
    const m = median(history);
    const scale = Math.max(1.4826 * mad(history), Math.sqrt(Math.max(m, 1)));
    const z = (x - m) / scale;
    return { z: Math.round(z * 100) / 100, baseline: m, spike: x >= o.minCount && z >= o.threshold };
  });
}
