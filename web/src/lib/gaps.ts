// Lines over sparse series (tone exists only on days with events): join points across a few
// quiet buckets but not across a long silence, which would draw a trend nobody observed.
// uPlot spans `undefined` and breaks the line at `null` (with spanGaps off).

export function bridgeShortGaps(values: (number | null)[], maxGap = 3): (number | null | undefined)[] {
  const out: (number | null | undefined)[] = [...values];
  let i = 0;
  while (i < values.length) {
    if (values[i] !== null) {
      i++;
      continue;
    }
    let j = i;
    while (j < values.length && values[j] === null) j++;
    if (i > 0 && j < values.length && j - i <= maxGap) for (let k = i; k < j; k++) out[k] = undefined;
    i = j;
  }
  return out;
}

/** Indexes of values with no line to either side (null neighbours): they need a dot to be seen. */
export function isolatedPoints(values: (number | null | undefined)[]): number[] {
  const out: number[] = [];
  values.forEach((v, i) => {
    if (v === null || v === undefined) return;
    const before = i > 0 ? values[i - 1] : null;
    const after = i < values.length - 1 ? values[i + 1] : null;
    if (before === null && after === null) out.push(i);
  });
  return out;
}
