// Types unknown names from the names around them: members of one comma list share a type, and a
// name in parentheses right after a person is their club, party or company.
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
    const adjacent = prev && prev.sentence === m.sentence && m.tokStart === prev.tokEnd + 1 && SEPARATORS.has(seg.tokens[prev.tokEnd]!.lower);
    if (!adjacent) flush();
    group.push(m);
  }
  flush();
}

/** "Ana Silva (Porto)", "Tom Berg (Labour)": the bracketed name after a person is an organisation. */
export function typeBracketedAffiliations(seg: Segmented, unknown: RawMention[]): void {
  const byEnd = new Map<number, RawMention>();
  for (const m of unknown) byEnd.set(m.tokEnd, m);
  for (const m of unknown) {
    if (seg.tokens[m.tokStart - 1]?.text !== '(' || !/^[),]$/.test(seg.tokens[m.tokEnd]?.text ?? '')) continue;
    const owner = byEnd.get(m.tokStart - 1);
    if (owner?.type === 'person' && m.type !== 'person' && m.confidence < 2) {
      m.type = 'organization';
      m.confidence = 1;
    }
  }
}
