// Temporal expressions in an article, normalised against its publication date (TimeML-style
// values: YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Www, YYYY-Qn, YYYY-Hn, YYYY-SU, 199 for the 1990s,
// PRESENT_REF/PAST_REF/FUTURE_REF). Hand-written regex rules run per sentence, only on sentences
// whose trigger words make them relevant (triggers.ts); see README.md for chrono-node.
import type { DateMention, Segmented } from '../types.js';
import { parsePublished, toDays } from './calendar.js';
import { anchoredRules } from './anchored.js';
import { explicitRules } from './explicit.js';
import { fuzzyRules } from './fuzzy.js';
import { relativeRules } from './relative.js';
import { pickLongest, resolveDeferred } from './select.js';
import { FAMILY_BIT, sentenceFamilies } from './triggers.js';
import type { Candidate, Ctx, FamilyRule } from './types.js';

const RULES: FamilyRule[] = [...explicitRules, ...fuzzyRules, ...relativeRules, ...anchoredRules];
const RULE_BITS = RULES.map(([family]) => FAMILY_BIT[family]);

export function findDates(seg: Segmented, published: string | null): DateMention[] {
  const pub = parsePublished(published);
  const ctx: Ctx = { text: seg.text, sentences: seg.sentences, pub, pubDay: pub ? toDays(pub.y, pub.m, pub.d) : 0 };
  const masks = sentenceFamilies(ctx);
  const cands: Candidate[] = [];
  for (let si = 0; si < masks.length; si++) {
    const mask = masks[si]!;
    if (!mask) continue;
    const s = seg.sentences[si]!;
    for (let r = 0; r < RULES.length; r++) {
      if (!(mask & RULE_BITS[r]!)) continue;
      const from = cands.length;
      RULES[r]![1](ctx, cands, s.text, s.start);
      for (let i = from; i < cands.length; i++) cands[i]!.rank = r;
    }
  }
  const picked = pickLongest(cands);
  resolveDeferred(ctx, picked);
  return picked.map((c) => ({ start: c.start, end: c.end, text: seg.text.slice(c.start, c.end), value: c.value, granularity: c.granularity }));
}
