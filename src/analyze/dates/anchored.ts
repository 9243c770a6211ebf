// Days told against another day of the narrative: "the previous day", "a day later", "two days
// earlier", and a bare ordinal day ("on the 23rd"). Their values are filled in document order
// (select.ts resolveDeferred), against the latest day the text named before them.
import type { Candidate, FamilyRule, Rule } from './types.js';
import { numberOf } from './lexicon.js';
import { tenseAt } from './tense.js';

// A following noun phrase ("the day before the vote") anchors on that happening, not on the narrative.
const ALONE = '(?=\\s*(?:[,.;:!?)"”]|$|\\s+(?:and|when|as|but|that)\\b))';
const NEIGHBOUR = new RegExp(
  `\\b(?:[Tt]he\\s+(previous|preceding|following|next)\\s+day|[Tt]he\\s+day\\s+(before|after)${ALONE}|` +
  `(a|an|one|two|three|four|five|six|seven|\\d{1,2})\\s+days?\\s+(earlier|later|before${ALONE}|after${ALONE}))(?![A-Za-z-])`, 'gi');
// "on the 23rd," but not "on the 38th parallel" or "the 21st century": only before punctuation or "of this month".
const ORDINAL_DAY = /\b[Oo]n\s+(?:[A-Z][a-z]+day,?\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)(?:\s+of\s+(?:this|the)\s+month)?(?=\s*(?:[,.;:!?)]|$|\s+(?:and|when)\b))/g;

const EARLIER = new Set(['previous', 'preceding', 'before', 'earlier']);

const neighbour: Rule = (ctx, out, text, base) => {
  for (const m of text.matchAll(NEIGHBOUR)) {
    const start = base + m.index;
    // "would be free seven days later": a span in a hypothetical, not a day of the narrative.
    if (tenseAt(ctx, start, start + m[0].length) === 'future') continue;
    const word = (m[1] ?? m[2] ?? m[4]!.split(/\s/)[0]!).toLowerCase();
    const n = m[3] ? numberOf(m[3]) ?? 1 : 1;
    const c: Candidate = { start, end: start + m[0].length, value: null, granularity: 'day', deferred: 'day-offset', offset: EARLIER.has(word) ? -n : n };
    out.push(c);
  }
};

const ordinalDay: Rule = (_ctx, out, text, base) => {
  for (const m of text.matchAll(ORDINAL_DAY)) {
    const day = Number(m[1]);
    if (day < 1 || day > 31) continue;
    const lead = /^[Oo]n\s+/.exec(m[0])![0].length;
    const start = base + m.index + lead;
    out.push({ start, end: base + m.index + m[0].length, value: null, granularity: 'day', deferred: 'ordinal-day', offset: day });
  }
};

export const anchoredRules: FamilyRule[] = [['anchored', neighbour], ['anchored', ordinalDay]];
