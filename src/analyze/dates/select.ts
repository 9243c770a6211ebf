// Choosing among overlapping candidates and resolving the anaphoric ones in document order.
import { addMonths, dayValue, fromDays, isValidDay, pad, toDays, ymd } from './calendar.js';
import { quarterOf, unitsAgo } from './resolve.js';
import { sentenceSpan } from './tense.js';
import type { Candidate, Ctx } from './types.js';

/** Longest candidates win; among equal lengths the rule that ran first. Returns them in text order. */
export function pickLongest(cands: Candidate[]): Candidate[] {
  const order = cands.map((c, i) => ({ c, i })).sort((a, b) => (b.c.end - b.c.start) - (a.c.end - a.c.start) || (a.c.rank ?? 0) - (b.c.rank ?? 0) || a.i - b.i);
  const kept: Candidate[] = [];
  for (const { c } of order) {
    if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/** Day number of a candidate's calendar day value, or null. */
function dayOf(c: Candidate): number | null {
  const m = c.granularity === 'day' && c.value ? DAY.exec(c.value) : null;
  return m ? toDays(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/**
 * "the previous day", "two days later": counted from the latest day the narrative named, else
 * (earlier days only) from publication. "on the 23rd": that day of the narrative's month, never
 * after publication (a past day of the month before).
 */
function anchoredDay(ctx: Ctx, c: Candidate, lastDay: number | null): string | null {
  const offset = c.offset ?? 0;
  if (c.deferred === 'day-offset') {
    const anchor = lastDay ?? (offset < 0 && ctx.pub ? ctx.pubDay : null);
    return anchor === null ? null : dayValue(anchor + offset);
  }
  const ref = lastDay !== null ? fromDays(lastDay) : ctx.pub;
  if (!ref) return null;
  let { y, m } = ref;
  if (ctx.pub && toDays(y, m, offset) > ctx.pubDay) ({ y, m } = addMonths(y, m, -1));
  return isValidDay(y, m, offset) ? ymd(y, m, offset) : null;
}

const QUARTER_WORD = /\b(?:quarter|quarterly|period)\b/i;

/** The quarter before the one holding the publication date. */
function previousQuarter(ctx: Ctx): { y: number; q: number } | null {
  if (!ctx.pub) return null;
  const q = quarterOf(ctx.pub.m) - 1;
  return q === 0 ? { y: ctx.pub.y - 1, q: 4 } : { y: ctx.pub.y, q };
}

/** Fills deferred values: "the latest quarter" takes the last quarter named before it. */
export function resolveDeferred(ctx: Ctx, picked: Candidate[]): void {
  let lastQuarter: { y: number; q: number } | null = null;
  let quarterTalk = false;
  let lastYear: number | null = null;
  let lastDay: number | null = null;
  for (const c of picked) {
    if (c.quarter) { lastQuarter = c.quarter; quarterTalk = true; }
    if (c.year !== undefined && !c.deferred) lastYear = c.year;
    if (!c.deferred) {
      lastDay = dayOf(c) ?? lastDay;
      continue;
    }
    if (c.deferred === 'day-offset' || c.deferred === 'ordinal-day') {
      c.value = anchoredDay(ctx, c, lastDay);
      lastDay = dayOf(c) ?? lastDay;
      continue;
    }
    if (c.deferred === 'that-year') {
      c.value = lastYear === null ? null : pad(lastYear, 4);
      continue;
    }
    const q = lastQuarter ?? previousQuarter(ctx);
    if (c.deferred === 'quarter-ref') {
      c.value = q ? `${pad(c.year ?? q.y, 4)}-Q${q.q}` : null;
      continue;
    }
    // year-ago: a year before the quarter under discussion in results reporting, else a year
    // before publication.
    const [from, to] = sentenceSpan(ctx, c.start, c.end);
    if (c.granularity === 'quarter' || quarterTalk || QUARTER_WORD.test(ctx.text.slice(from, to))) {
      c.granularity = 'quarter';
      c.value = q ? `${pad(q.y - 1, 4)}-Q${q.q}` : null;
    } else {
      c.granularity = 'day';
      c.value = ctx.pub ? dayValue(unitsAgo(ctx.pub, ctx.pubDay, 'year', 1)) : null;
    }
  }
}
