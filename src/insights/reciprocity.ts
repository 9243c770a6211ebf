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
// warmth with hostility.
//
// A handful of pairs proves little, so a value is only reported as established from
// RELIABLE_PAIRS (8) pairs in each direction that contributes to it. Why 8: the smallest |r|
// that a two-sided test at the 5% level tells from chance is 0.997 for 3 pairs, 0.878 for 5,
// 0.754 for 7 and 0.707 for 8 (t = r·√(n−2)/√(1−r²) on n−2 degrees of freedom); from 8 pairs a
// strong correlation (|r| ≥ 0.71) is evidence, below it even r = 0.85 is what two unrelated
// tone series give often enough. And 8 paired days is about the length of one exchange of
// statements and answers, the shortest stretch over which "answers in kind" means anything.
// Below that the figure is still computed from MIN_PAIRS (3, the least that leaves Pearson r a
// degree of freedom) so existing readers keep their fields, but `insufficient` is true and
// `note` says why: the CLI and briefs print the warning instead of the bare r.
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
  /** True unless value rests on at least minPairs pairs in each direction behind it: then value is no evidence either way. */
  insufficient: boolean;
  /** Pairs per direction a value needs to be reported as established (RELIABLE_PAIRS). */
  minPairs: number;
  /** Why the value is not established ("only 3 paired buckets, needs 8"), null when it is. */
  note: string | null;
}

/** The least pairs a correlation is computed from at all. */
export const MIN_PAIRS = 3;
/** The least pairs per direction before a reciprocity value is reported as established (see above). */
export const RELIABLE_PAIRS = 8;

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
export function reciprocity(aToB: readonly (number | null)[], bToA: readonly (number | null)[], lag = 1, minPairs = MIN_PAIRS, reliablePairs = RELIABLE_PAIRS): Reciprocity {
  const bFollowsA = laggedCorrelation(aToB, bToA, lag, minPairs);
  const aFollowsB = laggedCorrelation(bToA, aToB, lag, minPairs);
  const parts = [bFollowsA, aFollowsB].filter((c) => c.r !== null);
  const pairs = parts.reduce((s, c) => s + c.pairs, 0);
  const value = pairs ? round3(parts.reduce((s, c) => s + c.r! * c.pairs, 0) / pairs) : null;
  const fewest = parts.length ? Math.min(...parts.map((c) => c.pairs)) : Math.max(bFollowsA.pairs, aFollowsB.pairs);
  const insufficient = value === null || fewest < reliablePairs;
  const note = !insufficient
    ? null
    : value === null
      ? `not measurable: ${fewest} paired bucket${fewest === 1 ? '' : 's'} (events both ways, ${lag} bucket${lag === 1 ? '' : 's'} apart, with some variation); needs ${reliablePairs}`
      : `not established: only ${fewest} paired bucket${fewest === 1 ? '' : 's'}, needs ${reliablePairs}; a correlation from so few pairs is no evidence either way`;
  return { value, pairs, lag, bFollowsA, aFollowsB, insufficient, minPairs: reliablePairs, note };
}

/**
 * The figure in words for a report, per unit ("day", "week"): the value with its pairs when it is
 * established, else a warning — never a bare r from too few pairs.
 */
export function describeReciprocity(r: Reciprocity, unit: string): string {
  if (r.value === null) return `n/a (${Math.max(r.bFollowsA.pairs, r.aFollowsB.pairs)} paired ${unit}s; needs ${r.minPairs} with events both ways, one ${unit} apart, and some variation)`;
  if (r.insufficient) {
    const fewest = Math.min(...[r.bFollowsA, r.aFollowsB].filter((c) => c.r !== null).map((c) => c.pairs));
    return `WARNING not established: only ${fewest} paired ${unit}s, needs ${r.minPairs}; a correlation from so few pairs (r ${r.value.toFixed(2)}) is no evidence either way`;
  }
  return `${r.value.toFixed(2)} over ${r.pairs} paired ${unit}s (lag ${r.lag} ${unit})`;
}
