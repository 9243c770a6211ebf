import { describe, expect, it } from 'vitest';
import { isCreditLine } from './credits.js';

describe('wire credit lines', () => {
  it('reads the journalists\' credits as no sentence of the story', () => {
    expect(isCreditLine('Reporting by Ana Lind; Writing by Tomas Berg; Editing by Ruth Hale')).toBe(true);
    expect(isCreditLine('(Additional reporting by Ana Lind in Lima)')).toBe(true);
    expect(isCreditLine('Peru said reporting by local media was inaccurate.')).toBe(false);
    expect(isCreditLine('The report, written by two ministers, was rejected by Chile.')).toBe(false);
  });
});
