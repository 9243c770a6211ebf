import { describe, expect, it } from 'vitest';
import { SAYING_TYPES } from '../analyze/events/saying.js';
import type { EventType } from '../analyze/types.js';
import { compatibleTypes, reportWords, textSimilarity, typesCompatible } from './identity.js';
import { syntheticReports } from './synthetic.js';
import { decodeWords, encodeWords, primeWords, STEMS_VERSION } from './words.js';

describe('stored report words', () => {
  it('round-trips through the stored form and rejects another stemmer version or a damaged cell', () => {
    const r = syntheticReports(3, 5)[0]!;
    const words = reportWords(r);
    expect(decodeWords(encodeWords(words))).toEqual(words);
    expect(decodeWords(encodeWords(words).replace(`"v":${STEMS_VERSION}`, `"v":${STEMS_VERSION + 1}`))).toBeNull();
    for (const bad of [null, '', '{', '{"v":1,"q":[1],"s":[]}', '[]']) expect(decodeWords(bad)).toBeNull();
  });

  it('compares primed words instead of re-stemming, and gives the same similarity as computing them', () => {
    const [a, b] = syntheticReports(4, 5);
    const fresh = textSimilarity({ ...a! }, { ...b! });
    const primedA = { ...a! };
    const primedB = { ...b! };
    primeWords(primedA, decodeWords(encodeWords(reportWords(a!))));
    primeWords(primedB, decodeWords(encodeWords(reportWords(b!))));
    expect(textSimilarity(primedA, primedB)).toBe(fresh);
    const other = { ...a! };
    primeWords(other, { quote: new Set(), sentence: new Set(['zzzz']) });
    expect(textSimilarity(other, { ...a! })).toBe(0);
  });

  it('lists every type a report may merge with (compatibleTypes agrees with typesCompatible)', () => {
    const types: EventType[] = ['STATEMENT', 'AGREE', 'CONSULT', 'COOPERATE', 'SUPPORT', 'ACCUSE', 'REJECT', 'PROTEST', 'THREATEN', 'AID', 'SANCTION'];
    for (const a of types) {
      for (const b of types) {
        // With the words at their closest, exactly the listed types may merge.
        const listed = compatibleTypes(a);
        // One person's statement-type events on one day are one occasion whatever their types (identity.ts).
        const occasion = SAYING_TYPES.has(a) && SAYING_TYPES.has(b);
        if (listed) expect(listed.includes(b)).toBe(a === b || typesCompatible(a, b, 1) || occasion);
      }
    }
    expect(compatibleTypes('STATEMENT')).toBeNull();
    expect(compatibleTypes('REJECT')).toEqual(['REJECT', 'STATEMENT', 'ACCUSE', 'PROTEST', 'THREATEN', 'REQUEST', 'SUPPORT']);
    expect(compatibleTypes('ASSAULT')).toEqual(['ASSAULT', 'STATEMENT']);
  });
});
