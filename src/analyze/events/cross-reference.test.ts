import { describe, expect, it } from 'vitest';
import { isCrossReference } from './cross-reference.js';

describe('link teasers to other stories', () => {
  it('are told from the body', () => {
    for (const line of ['More:Norland threatens strike on Sudria', 'RELATED Sudrians say war unlikely', 'ALSO READ | Border attack: a decade of losses', 'Read more: Talks collapse in Vestmark', 'See also: the envoy resigns', 'Watch: the minister speaks']) {
      expect(isCrossReference(line)).toBe(true);
    }
  });
  it('leave sentences that merely start with such a word', () => {
    for (const line of ['Also, Norland has led a boycott of the summit.', 'More than 40 soldiers were killed.', 'Related talks resumed on Monday.', 'Watchers of the region were surprised.', 'MORE THAN 40 SOLDIERS KILLED IN BORDER RAID']) {
      expect(isCrossReference(line)).toBe(false);
    }
  });
});
