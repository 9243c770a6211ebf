// Feature templates: each feature is a template hash mixed with the value(s) it reads.
import { hashString, mix } from './hash.js';

const T = (name: string): number => hashString(name);

export const F = {
  bias: T('bias'), w0: T('w0'), wc: T('wc'), sh: T('sh'), wm1: T('w-1'), wp1: T('w+1'), wm2: T('w-2'), wp2: T('w+2'),
  shL: T('sh-1|sh'), shR: T('sh|sh+1'), shm1: T('sh-1'), shp1: T('sh+1'), p0: T('p0'), pL: T('p-1|p'), pR: T('p|p+1'), pW: T('p|w+1'),
  bL: T('w-1|w'), bR: T('w|w+1'), first: T('first|sh'), shout: T('shout|w'), fl0: T('fl'), flm1: T('fl-1'), flp1: T('fl+1'),
  titled: T('titled|w'), g0: T('g'), gm1: T('g-1'), gp1: T('g+1'), gm2: T('g-2'), gp2: T('g+2'), doc: T('doc'),
} as const;

/** Outside the sentence. */
export const BOUNDARY = T('<s>');

/** Features a word brings wherever it stands relative to the token being tagged. */
export interface PositionalFeatures {
  /** As the token itself: word, case, shape, affixes, word lists. */
  own: Uint32Array;
  /** As the token before / after it (word and word lists), and two before / after (word). */
  left: Uint32Array;
  right: Uint32Array;
  left2: number;
  right2: number;
}

export function positional(lower: number, word: number, shape: number, affixes: number[], flags: number[]): PositionalFeatures {
  return {
    own: Uint32Array.from([mix(F.w0, lower), mix(F.wc, word), mix(F.sh, shape), ...affixes, ...flags.map((f) => mix(F.fl0, f))]),
    left: Uint32Array.from([mix(F.wm1, lower), mix(F.shm1, shape), ...flags.map((f) => mix(F.flm1, f))]),
    right: Uint32Array.from([mix(F.wp1, lower), mix(F.shp1, shape), ...flags.map((f) => mix(F.flp1, f))]),
    left2: mix(F.wm2, lower),
    right2: mix(F.wp2, lower),
  };
}

/** The same features for a position outside the sentence. */
export const OUTSIDE = { left: Uint32Array.from([mix(F.wm1, BOUNDARY), mix(F.shm1, BOUNDARY)]), right: Uint32Array.from([mix(F.wp1, BOUNDARY), mix(F.shp1, BOUNDARY)]), left2: mix(F.wm2, BOUNDARY), right2: mix(F.wp2, BOUNDARY) };
