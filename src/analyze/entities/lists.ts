// Names in one comma list ("Ana Silva, Tomas Berg and Ivo Kral") share a type: when the list
// holds people, its untyped members are people too.
import type { Segmented } from '../types.js';
import type { RawMention } from './mention-types.js';

const SEPARATORS = new Set([',', 'and', ';']);

export function typeListMembers(seg: Segmented, unknown: RawMention[]): void {
  let group: RawMention[] = [];
  const flush = (): void => {
    if (group.length >= 2 && group.some((m) => m.type === 'person' && m.confidence >= 1)) {
      for (const m of group) {
        if (m.type === 'other' && m.confidence === 0) {
          m.type = 'person';
          m.confidence = 1;
        }
      }
    }
    group = [];
  };
  for (const m of unknown) {
    const prev = group[group.length - 1];
    const adjacent = prev && prev.sentence === m.sentence && m.tokStart === prev.tokEnd + 1 && SEPARATORS.has(seg.tokens[prev.tokEnd]!.text.toLowerCase());
    if (!adjacent) flush();
    group.push(m);
  }
  flush();
}
