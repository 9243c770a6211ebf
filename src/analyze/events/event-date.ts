// The date of an event, from the text only (never silently the publication date):
// 1. a calendar date mention in the trigger's sentence (the nearest to the trigger);
// 2. else the latest calendar date mentioned earlier in the same paragraph (narrative carry-over);
// 3. else the article's news date: the first calendar date in the text that lies within two weeks
//    before publication ("on Tuesday", "yesterday"), coarsened to its month since the link is inferred.
// An act in a clause after "after" or "since" ("…, a day after Trump warned …") is an earlier
// happening: it takes a date given inside that clause, else the sentence's date moved back by the
// days the text counts ("a day after", "two weeks after"), else only that date's month.
// Relative mentions count as text: "recently"/"now" (PAST_REF/PRESENT_REF) give the publication
// month, a week ("last week" → 2021-W24) gives the month of its Thursday. Unknown stays null.
import type { DateMention, Segmented } from '../types.js';

const CALENDAR = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:T|$)/;
const WEEK = /^(\d{4})-W(\d{2})/;

/** A YYYY[-MM[-DD]] value for a date mention, or null (decades, FUTURE_REF, seasons…). */
export function calendarValue(d: DateMention, published: string | null): string | null {
  if (!d.value) return null;
  const c = CALENDAR.exec(d.value);
  if (c) return c[1]!;
  const w = WEEK.exec(d.value);
  if (w) {
    // ISO week: its Thursday decides the month.
    const y = Number(w[1]);
    const jan4 = Date.UTC(y, 0, 4);
    const monday = jan4 - (((new Date(jan4).getUTCDay() + 6) % 7) * 86400000);
    const thursday = new Date(monday + ((Number(w[2]) - 1) * 7 + 3) * 86400000);
    return thursday.toISOString().slice(0, 7);
  }
  if ((d.value === 'PAST_REF' || d.value === 'PRESENT_REF') && published && /^\d{4}-\d{2}/.test(published)) return published.slice(0, 7);
  return null;
}

export interface DatePicker {
  /** `from`: dates before it in the sentence (an introduction) count only when no other does. */
  dateFor(sentence: number, trigStart: number, from?: number): string | null;
}

export function datePicker(seg: Segmented, dates: DateMention[], published: string | null): DatePicker {
  const values = dates.map((d) => calendarValue(d, published));
  const newsDate = articleNewsDate(dates, values, published);
  const dateIn = (si: number, trigStart: number, from: number): string | null => {
    const s = seg.sentences[si]!;
    let best: string | null = null;
    let bestDist = Infinity;
    let carried: string | null = null;
    for (let i = 0; i < dates.length; i++) {
      const d = dates[i]!;
      const v = values[i];
      if (!v) continue;
      if (d.start >= s.start && d.end <= s.end) {
        const dist = Math.abs(d.start - trigStart) + (d.start < from ? 100000 : 0);
        if (dist < bestDist) [best, bestDist] = [v, dist];
      } else if (d.end <= s.start && paragraphOf(seg, d.start, si) === s.paragraph) {
        carried = v;
      }
    }
    return best ?? carried ?? newsDate;
  };
  return {
    dateFor(si, trigStart, from = 0) {
      const s = seg.sentences[si]!;
      const earlier = earlierClause(seg.text.slice(s.start, trigStart));
      if (!earlier) return dateIn(si, trigStart, from);
      const cue = s.start + earlier.index + earlier[0].length - earlier[3]!.length;
      const own = dates.findIndex((d, i) => !!values[i] && d.start >= cue && d.end <= s.end && !/[,;]/.test(seg.text.slice(trigStart, d.start)));
      if (own >= 0) return values[own]!;
      const main = dateIn(si, trigStart, from);
      const days = earlier[1] ? countOf(earlier[1]) * (/^week/i.test(earlier[2]!) ? 7 : 1) : null;
      if (days !== null && main?.length === 10) return new Date(Date.parse(main) - days * 86400000).toISOString().slice(0, 10);
      return main?.slice(0, 7) ?? null;
    },
  };
}

/** "(a day |two weeks )after …" up to the trigger, with no clause boundary in between: the act is an earlier happening. */
export const earlierClause = (beforeTrigger: string): RegExpExecArray | null => EARLIER_CLAUSE.exec(beforeTrigger);

const EARLIER_CLAUSE = /\b(?:(a|an|one|two|three|four|five|six|seven|\d{1,2})\s+(days?|weeks?)\s+)?((?:after|since)\s+[^,;:.!?"“”]*)$/i;

const NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };
const countOf = (w: string): number => NUMBERS[w.toLowerCase()] ?? Number(w);

function paragraphOf(seg: Segmented, pos: number, upTo: number): number {
  for (let i = upTo; i >= 0; i--) {
    const s = seg.sentences[i]!;
    if (s.start <= pos) return pos < s.end ? s.paragraph : -1;
  }
  return -1;
}

function articleNewsDate(dates: DateMention[], values: (string | null)[], published: string | null): string | null {
  if (!published || !/^\d{4}-\d{2}-\d{2}/.test(published)) return null;
  const pub = Date.parse(published.slice(0, 10));
  for (let i = 0; i < dates.length; i++) {
    const v = values[i];
    if (!v || v.length !== 10 || dates[i]!.granularity !== 'day') continue;
    const days = (pub - Date.parse(v)) / 86400000;
    if (days >= 0 && days <= 14) return v.slice(0, 7);
  }
  return null;
}
