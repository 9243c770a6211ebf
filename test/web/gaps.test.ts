// The dashboard's gap rule for sparse chart lines (web/src/lib/gaps.ts): short quiet stretches
// are spanned (undefined), long ones and the ends stay breaks (null); lone values get a dot.
import { describe, expect, it } from 'vitest';
import { bridgeShortGaps, isolatedPoints } from '../../web/src/lib/gaps.js';

describe('chart gaps', () => {
  it('spans gaps of up to three buckets between values, never a longer one or the ends', () => {
    expect(bridgeShortGaps([null, 1, null, null, 2, null, null, null, null, 3, null])).toEqual([null, 1, undefined, undefined, 2, null, null, null, null, 3, null]);
    expect(bridgeShortGaps([1, null, null, null, 2], 3)).toEqual([1, undefined, undefined, undefined, 2]);
    expect(bridgeShortGaps([1, null, null, null, 2], 2)).toEqual([1, null, null, null, 2]);
    expect(bridgeShortGaps([])).toEqual([]);
  });

  it('finds the values no line reaches', () => {
    expect(isolatedPoints([5, null, 1, undefined, 2, null, null, 4])).toEqual([0, 7]);
    expect(isolatedPoints(bridgeShortGaps([null, 1, null, null, null, null, 2, 3]))).toEqual([1]);
  });
});
