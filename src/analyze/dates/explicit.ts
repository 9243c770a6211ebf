// Calendar dates written out: "May 11, 2021", "11 May 2021", "Nov. 9", "2021-05-11", "5/11/2021",
// "May 2021", bare and modified month names ("last October", "mid-February"), years,
// decades and centuries.
import { isValidDay, ym, ymd } from './calendar.js';
import { MONTH_RE, WEEKDAY_RE, DECADE_WORDS, monthOf } from './lexicon.js';
import { lastMonthNamed, nextMonthNamed, yearForMonth } from './resolve.js';
import { tenseAt } from './tense.js';
import type { Candidate, Ctx, FamilyRule, Rule } from './types.js';

const WD = `(?:${WEEKDAY_RE},?\\s+(?:the\\s+)?)?`;
const NOT_NUM = '(?![:.,]?\\d)';
const MONTH_DAY = new RegExp(`\\b${WD}(?:([Ll]ast|[Tt]his|[Nn]ext)\\s+)?(${MONTH_RE})(?![A-Za-z])\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b${NOT_NUM}(?:,?\\s+(\\d{4})\\b${NOT_NUM})?`, 'g');
const DAY_MONTH = new RegExp(`\\b${WD}(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_RE})(?![A-Za-z])(?:,?\\s+(\\d{4})\\b${NOT_NUM})?`, 'g');
const MONTH_YEAR = new RegExp(`\\b(?:([Ee]arly|[Mm]id|[Ll]ate)(?:\\s+|-))?(${MONTH_RE})(?![A-Za-z]),?\\s+(?:of\\s+)?(\\d{4})\\b${NOT_NUM}`, 'g');
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b(?!-\d)/g;
const NUMERIC = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g;
const MODIFIERS = '[Ll]ast|[Tt]his|[Nn]ext|[Ee]arly|[Ll]ate|[Mm]id|[Ee]arlier|[Ll]ater|[Tt]he end of|[Tt]he middle of|[Tt]he beginning of|[Tt]he start of|[Ee]nd of';
const MONTH_ALONE = new RegExp(`\\b(?:(${MODIFIERS})(?:\\s+|-))?(${MONTH_RE})(?![A-Za-z])(?:\\s+(last|this|next)\\s+year\\b)?`, 'g');
const YEAR = /(?<![\d$£€.,#/])\b(?:([Ff]iscal|FY|[Ee]arly|[Mm]id|[Ll]ate|[Tt]he year)(?:\s+|-))?((?:1[6-9]|20)\d\d)(?![\d%]|[.,]\d|[A-Za-z])/g;
const DECADE = /\b(?:[Tt]he\s+)?(?:(?:[Ee]arly|[Mm]id|[Ll]ate)[- ])?((?:1[6-9]|20)\d)0'?s\b/g;
const DECADE_WORD = /\b(?:[Tt]he\s+)(?:(?:early|mid|late)[- ])?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b/g;
const UNITS_WORD = '(?:one|two|three|four|five|six|seven|eight|nine)';
const TENS_WORD = '(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)';
const SPELLED_YEAR = new RegExp(`\\b(?:[Tt]he year\\s+)?(?:([Ee]ighteen|[Nn]ineteen)[- ](${TENS_WORD})(?:[- ](${UNITS_WORD}))?|(?<=\\b(?:year|in|by|until|since|before|after)\\s)two thousand(?:\\s+and\\s+(${UNITS_WORD}|ten))?(?=\\s*[.,;:!?)]|\\s+(?:and|or|to|when)\\b))\\b`, 'g');
const WORD_VALUE: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const THAT_YEAR = /\b(?:(?:[Ll]ater|[Ee]arlier|[Ee]arly|[Ll]ate)\s+(?:in\s+)?)?(?:that|the same)\s+year\b/g;
const CENTURY = /\b(?:[Tt]he\s+)?(\d{1,2})(?:st|nd|rd|th)[- ]century\b/g;

/** Prepositions that make "May"/"March" a month rather than a verb. */
const MONTH_PREP = /\b(?:in|since|until|till|by|from|through|during|before|after|of|between|and|or|to|early|late|mid|on|last|next|this|that|each|every|around|following|end|the)\s*$/i;

function push(out: Candidate[], start: number, end: number, value: string | null, granularity: Candidate['granularity'], extra: Partial<Candidate> = {}): void {
  out.push({ start, end, value, granularity, ...extra });
}

function dayDate(ctx: Ctx, out: Candidate[], start: number, end: number, month: number, day: number, yearText: string | undefined, mod?: string): void {
  if (yearText) {
    const y = Number(yearText);
    if (isValidDay(y, month, day)) push(out, start, end, ymd(y, month, day), 'day', { year: y });
    return;
  }
  if (day < 1 || day > 31) return;
  if (!ctx.pub) return push(out, start, end, null, 'day');
  const rel = (mod ?? '').toLowerCase();
  const y = rel === 'last' ? lastMonthNamed(ctx.pub, month) : rel === 'next' ? nextMonthNamed(ctx.pub, month)
    : rel === 'this' ? ctx.pub.y : yearForMonth(ctx.pub, month, tenseAt(ctx, start, end));
  push(out, start, end, isValidDay(y, month, day) ? ymd(y, month, day) : null, 'day');
}

const monthDay: Rule = (ctx, out, text, base) => {
  for (const m of text.matchAll(MONTH_DAY)) {
    dayDate(ctx, out, (base + m.index), (base + m.index) + m[0].length, monthOf(m[2]!)!, Number(m[3]), m[4], m[1]);
  }
  for (const m of text.matchAll(DAY_MONTH)) {
    dayDate(ctx, out, (base + m.index), (base + m.index) + m[0].length, monthOf(m[2]!)!, Number(m[1]), m[3]);
  }
  for (const m of text.matchAll(MONTH_YEAR)) {
    const y = Number(m[3]);
    push(out, (base + m.index), (base + m.index) + m[0].length, ym(y, monthOf(m[2]!)!), 'month', { year: y });
  }
};

const numericDates: Rule = (_ctx, out, text, base) => {
  for (const m of text.matchAll(ISO)) {
    const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
    if (isValidDay(y, mo, d)) push(out, (base + m.index), (base + m.index) + m[0].length, ymd(y, mo, d), 'day', { year: y });
  }
  for (const m of text.matchAll(NUMERIC)) {
    let mo = Number(m[1]), d = Number(m[2]);
    const y = Number(m[3]);
    if (mo > 12) [mo, d] = [d, mo];
    if (isValidDay(y, mo, d)) push(out, (base + m.index), (base + m.index) + m[0].length, ymd(y, mo, d), 'day', { year: y });
  }
};

const monthAlone: Rule = (ctx, out, text, base) => {
  for (const m of text.matchAll(MONTH_ALONE)) {
    const [all, mod, name, rel] = m;
    const month = monthOf(name!)!;
    const start = (base + m.index), end = start + all.length;
    const before = ctx.text.slice(Math.max(0, start - 20), start);
    const after = ctx.text.slice(end, end + 20);
    if (!mod && !rel) {
      // "May"/"March" as verbs; capitalised names ("June Carter"); "the March on ...".
      if ((month === 5 || month === 3 || name!.endsWith('.')) && !MONTH_PREP.test(before)) continue;
      if (/^\s+(?:[A-Z][a-z]|[A-Z]\.)/.test(after) && !/^\s+(?:[A-Z][a-z]+day|[A-Z][a-z]{2}\.)/.test(after)) continue;
      if (/[A-Z][a-z]+\s+$/.test(before) && !MONTH_PREP.test(before) && !/(?:^|[.!?"“]\s*)[A-Z][a-z]+\s+$/.test(before)) continue;
    }
    if (!ctx.pub) { push(out, start, end, null, 'month'); continue; }
    const lower = (mod ?? '').toLowerCase();
    let y: number;
    if (rel === 'last') y = ctx.pub.y - 1;
    else if (rel === 'next') y = ctx.pub.y + 1;
    else if (rel === 'this' || lower === 'this') y = ctx.pub.y;
    else if (lower === 'last') y = lastMonthNamed(ctx.pub, month);
    else if (lower === 'next') y = nextMonthNamed(ctx.pub, month);
    else y = yearForMonth(ctx.pub, month, tenseAt(ctx, start, end));
    push(out, start, end, ym(y, month), 'month');
  }
};

/** Words before a four-digit number that make it an identifier ("Resolution 2270"). */
const NUMBER_NAME = /(?:\b(?:[Rr]esolutions?|No\.?|[Nn]umbers?|[Aa]rticles?|[Ff]light|[Rr]oute|[Rr]oom|[Pp]ages?|[Hh]ighway|[Ss]ection|[Cc]hapter|[Mm]odel|[Uu]nit|[Hh]ill|[Pp]aragraph|[Cc]ode)\s+(?:\d{3,5}\s*(?:,|and|&|or)\s*)*|#\s*)$/;
/** Words after a number that make it a quantity ("2000 troops"). */
const QUANTITY = /^\s*(?:to\s+\d{1,3}\b|[-–]\s*(?:\d|\d{3})\b|(?:people|persons|troops|soldiers|members|workers|delegates|residents|refugees|units|tons|tonnes|barrels|meters|metres|kilometers|kilometres|km|miles|feet|pounds|dollars|won|yen|yuan|euros|rubles|times|points|votes|seats|cases|deaths|hours|hrs|GMT|UTC|local time)\b)/;

function yearLike(before: string, after: string): boolean {
  return !NUMBER_NAME.test(before) && !QUANTITY.test(after);
}

const years: Rule = (ctx, out, text, base) => {
  for (const m of text.matchAll(YEAR)) {
    const y = Number(m[2]);
    // A bare number after an amount word or before a unit is not a year.
    const at = base + m.index;
    if (!m[1] && !yearLike(ctx.text.slice(Math.max(0, at - 40), at), ctx.text.slice(at + m[0].length, at + m[0].length + 14))) continue;
    push(out, (base + m.index), (base + m.index) + m[0].length, String(y), 'year', { year: y });
  }
  for (const m of text.matchAll(DECADE)) push(out, (base + m.index), (base + m.index) + m[0].length, m[1]!, 'decade');
  for (const m of text.matchAll(DECADE_WORD)) push(out, (base + m.index), (base + m.index) + m[0].length, `19${DECADE_WORDS[m[1]!]!}`, 'decade');
  for (const m of text.matchAll(SPELLED_YEAR)) {
    const y = m[1] ? WORD_VALUE[m[1].toLowerCase()]! * 100 + WORD_VALUE[m[2]!]! + (m[3] ? WORD_VALUE[m[3]]! : 0) : 2000 + (m[4] ? WORD_VALUE[m[4]]! : 0);
    push(out, base + m.index, base + m.index + m[0].length, String(y), 'year', { year: y });
  }
  for (const m of text.matchAll(THAT_YEAR)) {
    push(out, base + m.index, base + m.index + m[0].length, null, 'year', { deferred: 'that-year' });
  }
  for (const m of text.matchAll(CENTURY)) {
    const c = Number(m[1]);
    if (c >= 1 && c <= 21) push(out, (base + m.index), (base + m.index) + m[0].length, String(c - 1).padStart(2, '0'), 'other');
  }
};

export const explicitRules: FamilyRule[] = [['month', monthDay], ['month', monthAlone], ['year', years], ['year', numericDates]];
