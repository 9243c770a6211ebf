import { describe, expect, it } from 'vitest';
import { datelineLength } from './dateline.js';

const rest = (s: string): string => s.slice(datelineLength(s));

describe('dateline prefix of a wire sentence', () => {
  it('skips the filing place, its region or date, and the outlet', () => {
    expect(rest('TALLINN (Wire) - The minister said …')).toBe('The minister said …');
    expect(rest('(Newsnet) -- Norland is preparing …')).toBe('Norland is preparing …');
    expect(rest('OSLO, Norway — Officials met …')).toBe('Officials met …');
    expect(rest('KYIV, May 4 (Wire) - Ukraine said …')).toBe('Ukraine said …');
    expect(rest('OSLO - The talks …')).toBe('The talks …');
  });

  it('leaves headlines and hyphenated names alone', () => {
    for (const s of ['NATO - Russia talks end without a deal', 'US-China talks resume', 'Minister - we will not yield', 'EU chief - the bloc is united']) {
      expect(datelineLength(s)).toBe(0);
    }
  });
});
