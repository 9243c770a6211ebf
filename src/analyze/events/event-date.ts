// The date of an event, from the text, at day precision wherever the text allows:
// 1. a calendar date mention in the trigger's sentence (the nearest to the trigger); a date the
//    sentence gives its report after the act ("…, state media reported Friday") only when no
//    other is there;
// 2. else the latest calendar date mentioned earlier in the same paragraph (narrative carry-over);
// 3. else nothing: the caller gives the event the publication day, marked `published` (the event
//    happened on or before it; the merge treats it as a window, not as a day).
// An act in a clause after "after" or "since" ("…, a day after Trump warned …"), or the act a
// response names ("in retaliation for the strike"), is an earlier happening: it takes a date given
// inside that clause, else the sentence's date (or publication) moved back by the days the text
// counts ("a day after", "two weeks after"), else only that date's month.
// An act the report tells as done (not planned) never lies after publication: a bare weekday
// the date rules read forward ("a strike on Friday" near a "would") is the past one.
// Relative mentions count as text: "recently"/"now" (PAST_REF/PRESENT_REF) give the publication
// month, a week ("last week" → 2021-W24) gives the month of its Thursday.
import type { DateMention, Quote, Segmented } from '../types.js';

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

export interface EventDate {
  /** The date the text gives the act; null when nothing in the text dates it (the caller falls back on publication). */
  date: string | null;
  /** What makes the act an earlier happening: an after/since clause, or the act a response names; null for the sentence's own act. */
  earlier: 'after' | 'response' | null;
}

export interface DatePicker {
  /** `from`: dates before it in the sentence (an introduction) count only when no other does; `planned`: the act is yet to come. */
  dateFor(sentence: number, trigStart: number, from?: number, planned?: boolean): EventDate;
}

export function datePicker(seg: Segmented, dates: DateMention[], published: string | null, quotes: readonly Quote[] = []): DatePicker {
  const pubDay = publicationDay(published);
  // A year naming a thing ("the 1979 revolution", "Iran's 2015 nuclear deal") dates that thing, not the act.
  const values = dates.map((d) => (attributiveYear(seg.text, d) ? null : calendarValue(d, published)));
  // "Yesterday" in words spoken on Monday is the Sunday: deictic days inside a direct quote count from the statement's day.
  if (pubDay) for (let i = 0; i < dates.length; i++) values[i] = spokenDay(seg, dates, values, i, quotes, pubDay) ?? values[i]!;
  const reportDay = dates.map((d) => REPORTED_ON.test(seg.text.slice(Math.max(0, d.start - 24), d.start)));
  const dateIn = (si: number, trigStart: number, from: number, planned: boolean): string | null => {
    const s = seg.sentences[si]!;
    let best: string | null = null;
    let bestDist = Infinity;
    let carried: string | null = null;
    for (let i = 0; i < dates.length; i++) {
      const d = dates[i]!;
      const v = values[i];
      if (!v) continue;
      if (d.start >= s.start && d.end <= s.end) {
        // A trailing "…, state media reported Friday" dates the report; "said on Friday that …" before the act dates the words.
        const dist = Math.abs(d.start - trigStart) + (d.start < from ? 100000 : 0) + (reportDay[i] && d.start > trigStart ? 50000 : 0);
        if (dist < bestDist) [best, bestDist] = [notAfter(v, d, pubDay, planned), dist];
      } else if (d.end <= s.start && paragraphOf(seg, d.start, si) === s.paragraph) {
        carried = v;
      }
    }
    return best ?? carried;
  };
  return {
    dateFor(si, trigStart, from = 0, planned = false) {
      const s = seg.sentences[si]!;
      const earlier = earlierClause(seg.text.slice(s.start, trigStart));
      if (!earlier) return { date: dateIn(si, trigStart, from, planned), earlier: null };
      const kind = /^(?:after|since)\b/i.test(earlier[3]!) ? 'after' : 'response';
      const cue = s.start + earlier.index + earlier[0].length - earlier[3]!.length;
      const own = dates.findIndex((d, i) => !!values[i] && d.start >= cue && d.end <= s.end && !/[,;]/.test(seg.text.slice(trigStart, d.start)));
      if (own >= 0) return { date: values[own]!, earlier: kind };
      const main = dateIn(si, trigStart, from, false);
      const days = earlier[1] ? countOf(earlier[1]) * (/^week/i.test(earlier[2]!) ? 7 : 1) : null;
      // Counted from the sentence's day, or from publication when the text gives none.
      const base = main ?? pubDay;
      if (days !== null && base?.length === 10) return { date: new Date(Date.parse(base) - days * 86400000).toISOString().slice(0, 10), earlier: kind };
      return { date: base?.slice(0, 7) ?? null, earlier: kind };
    },
  };
}

const NOT_A_NOUN = new Set(['and', 'or', 'to', 'when', 'that', 'as', 'but', 'after', 'before', 'for', 'in', 'on', 'at', 'by', 'with', 'from', 'was', 'were', 'is', 'are', 'had', 'has', 'have', 'the', 'a', 'an', 'which', 'where', 'while', 'until', 'since', 'through', 'under', 'over', 'into', 'of', 'if', 'he', 'she', 'it', 'they', 'we', 'i', 'you']);

/** A bare year used as a modifier: a lower-case word other than a function word or pronoun follows it. */
function attributiveYear(text: string, d: DateMention): boolean {
  if (d.granularity !== 'year' || !/^\d{4}$/.test(d.text)) return false;
  const next = /^\s+(\p{Ll}[\p{Ll}-]*)/u.exec(text.slice(d.end, d.end + 30));
  return !!next && !NOT_A_NOUN.has(next[1]!);
}

const DEICTIC = /^(?:yesterday|today|tonight|tomorrow|last night|this (?:morning|afternoon|evening))\b/i;

/**
 * A deictic day ("yesterday") inside a direct quote, re-counted from the day the sentence gives
 * the statement outside the quote ("said on Monday: '…'"); undefined when that does not apply.
 */
function spokenDay(seg: Segmented, dates: DateMention[], values: (string | null)[], i: number, quotes: readonly Quote[], pubDay: string): string | undefined {
  const d = dates[i]!;
  const v = values[i];
  if (!v || v.length < 10 || !DEICTIC.test(d.text)) return undefined;
  const q = quotes.find((x) => x.kind !== 'indirect' && x.start <= d.start && d.end <= x.end);
  if (!q) return undefined;
  const s = seg.sentences.find((x) => x.start <= q.start && q.start < x.end);
  if (!s) return undefined;
  // The statement's own date: a day mention of the sentence outside any quote.
  const said = dates.findIndex((x, j) => j !== i && (values[j]?.length ?? 0) >= 10 && x.start >= s.start && x.end <= Math.max(s.end, q.end) && !quotes.some((y) => y.kind !== 'indirect' && y.start <= x.start && x.end <= y.end));
  if (said < 0) return undefined;
  const shift = Date.parse(values[said]!.slice(0, 10)) - Date.parse(pubDay);
  return new Date(Date.parse(v.slice(0, 10)) + shift).toISOString().slice(0, 10) + v.slice(10);
}

/** The YYYY-MM-DD day of a published date-time, or null. */
export const publicationDay = (published: string | null): string | null =>
  published && /^\d{4}-\d{2}-\d{2}/.test(published) ? published.slice(0, 10) : null;

/** "…, state media reported Friday", "told reporters on Monday": the day of the report, not of the act it tells. */
const REPORTED_ON = /\b(?:reported|said|told\s+\w+|announced|added|stated|quoted)\s+(?:on\s+|late\s+|early\s+)?$/i;
const WEEKDAY_ALONE = /^(?:on\s+)?(?:Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day\b/i;

/** A done act's bare weekday read forward from publication ("a strike on Friday" near "would") is the past one. */
function notAfter(value: string, d: DateMention, pubDay: string | null, planned: boolean): string {
  if (planned || !pubDay || value.length < 10 || value.slice(0, 10) <= pubDay || !WEEKDAY_ALONE.test(d.text)) return value;
  return new Date(Date.parse(value.slice(0, 10)) - 7 * 86400000).toISOString().slice(0, 10);
}

/** "(a day |two weeks )after …" or "in response to …" up to the trigger, with no clause boundary in between: the act is an earlier happening. */
const earlierClause = (beforeTrigger: string): RegExpExecArray | null => EARLIER_CLAUSE.exec(beforeTrigger);

// The act a response names ("in retaliation for the strike", "in response to X's remarks") came before it too.
const EARLIER_CLAUSE = /\b(?:(a|an|one|two|three|four|five|six|seven|\d{1,2})\s+(days?|weeks?)\s+)?((?:after|since|in (?:response|reply|reaction) to|in retaliation for|(?:responding|reacting|replying) to)\s+[^,;:.!?"“”]*)$/i;

const NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };
const countOf = (w: string): number => NUMBERS[w.toLowerCase()] ?? Number(w);

function paragraphOf(seg: Segmented, pos: number, upTo: number): number {
  for (let i = upTo; i >= 0; i--) {
    const s = seg.sentences[i]!;
    if (s.start <= pos) return pos < s.end ? s.paragraph : -1;
  }
  return -1;
}
