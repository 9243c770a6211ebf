// Reciprocity of a dyad: does each side's tone follow the other's?
//
// Method: lagged Pearson correlation of the two directed tone series. With a_t the mean
// intensity of A → B events in bucket t and b_t that of B → A events, "B follows A" is the
// correlation of a_t with b_{t+lag} over the paired buckets (both directions have events in
// the buckets paired; buckets without events are skipped, not read as neutral), and "A follows
// B" that of b_t with a_{t+lag}. A correlation needs at least minPairs pairs and some variance
// on both sides, else it is null. The dyad's reciprocity is the mean of the two, weighted by
// their pair counts (one of them when the other is null): near +1 when each side answers
// cooperation with cooperation and hostility with hostility one bucket later (tit for tat),
// near 0 when the tones move independently, negative when one side answers the other's
// warmth with hostility. Always read it with its pair count: a handful of pairs proves little.
export interface LaggedCorrelation {
  /** Pearson r, rounded to 3 decimals; null with fewer than minPairs pairs or no variance. */
  r: number | null;
  pairs: number;
}

export interface Reciprocity {
  /** Pair-weighted mean of the two lagged correlations; null when both are null. */
  value: number | null;
  /** Pairs behind value. */
  pairs: number;
  lag: number;
  /** a_t against b_{t+lag}: does B's tone follow A's? */
  bFollowsA: LaggedCorrelation;
  /** b_t against a_{t+lag}. */
  aFollowsB: LaggedCorrelation;
}

export const MIN_PAIRS = 3;

const round3 = (v: number) => Math.round(v * 1000) / 1000;

export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i]!;
    my += ys[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx < 1e-12 || syy < 1e-12) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** Correlation of leader_t with follower_{t+lag} over the buckets where both are defined (null = no events). */
export function laggedCorrelation(leader: readonly (number | null)[], follower: readonly (number | null)[], lag = 1, minPairs = MIN_PAIRS): LaggedCorrelation {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let t = 0; t + lag < follower.length && t < leader.length; t++) {
    const x = leader[t];
    const y = follower[t + lag];
    if (x === null || x === undefined || y === null || y === undefined) continue;
    xs.push(x);
    ys.push(y);
  }
  const r = xs.length >= minPairs ? pearson(xs, ys) : null;
  return { r: r === null ? null : round3(r), pairs: xs.length };
}

/** Reciprocity of two aligned directed tone series (same buckets, oldest first). */
export function reciprocity(aToB: readonly (number | null)[], bToA: readonly (number | null)[], lag = 1, minPairs = MIN_PAIRS): Reciprocity {
  const bFollowsA = laggedCorrelation(aToB, bToA, lag, minPairs);
  const aFollowsB = laggedCorrelation(bToA, aToB, lag, minPairs);
  const parts = [bFollowsA, aFollowsB].filter((c) => c.r !== null);
  const pairs = parts.reduce((s, c) => s + c.pairs, 0);
  const value = pairs ? round3(parts.reduce((s, c) => s + c.r! * c.pairs, 0) / pairs) : null;
  return { value, pairs, lag, bFollowsA, aFollowsB };
}
