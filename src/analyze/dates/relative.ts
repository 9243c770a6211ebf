// Dates relative to publication: "yesterday", "on Friday", "next Friday", "last week",
// "earlier this month", "two weeks ago", "a year earlier", "the weekend".
import { dayValue, isoWeek, pad, ym } from './calendar.js';
import { DAY_PARTS, NUMBER_RE, WEEKDAY_RE, WEEKDAYS, numberOf } from './lexicon.js';
import { shiftMonth, unitsAgo, weekdayDay, type Direction } from './resolve.js';
import { tenseAt } from './tense.js';
import type { Candidate, Ctx, FamilyRule, Rule } from './types.js';

const PART = '(?:\\s+(morning|afternoon|evening|night))?';
const DEICTIC = new RegExp(`\\b([Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|[Ll]ast night|[Tt]his(?=\\s+(?:morning|afternoon|evening)\\b))(?![A-Za-z-]|['’](?!s\\b))${PART}\\b`, 'g');
const WEEKDAY = new RegExp(`\\b(?:([Ll]ast|[Tt]his|[Nn]ext|[Cc]oming|[Tt]his past|[Tt]he previous|[Tt]he following|[Tt]he next|[Tt]his coming)\\s+)?(${WEEKDAY_RE})(?![A-Za-z])${PART}`, 'g');
const UNIT = /\b([Tt]his|[Ll]ast|[Nn]ext|[Ee]arlier this|[Ll]ater this|[Ee]arly this|[Ee]arly next|[Ee]arly last|[Ll]ate this|[Ll]ate next|[Ll]ate last|[Ee]arlier in the|[Ll]ater in the|[Tt]he end of the|[Tt]he end of this|[Tt]he end of last|[Tt]he end of next|[Ee]nd of the|[Ee]nd of this|[Ee]nd of last)\s+(week|month|year|weekend|decade)\b/g;
const WEEKEND = /\b(?:(?:over|during|at|on)\s+)?(the)\s+weekend\b/g;
const AGO = new RegExp(`\\b(${NUMBER_RE})\\s+(days?|weeks?|months?|years?|decades?)\\s+(ago|earlier|before)\\b`, 'gi');
const YEAR_ADJ = /\b(?:([Tt]he|[Ii]ts)\s+)?([Yy]ear-(?:earlier|ago))(?:\s+(quarter|period|quarters|periods))?\b/g;

const dirOf = (mod: string | undefined, tense: 'past' | 'future'): Direction => {
  switch ((mod ?? '').toLowerCase()) {
    case 'last': case 'this past': case 'the previous': return 'last';
    case 'next': case 'the following': case 'the next': case 'coming': case 'this coming': return 'next';
    default: return tense;
  }
};

const deictic: Rule = (ctx, out, text, base) => {
  for (const m of text.matchAll(DEICTIC)) {
    const word = m[1]!.toLowerCase();
    const start = (base + m.index), end = start + m[0].length;
    if (!ctx.pub) { out.push({ start, end, value: null, granularity: 'day' }); continue; }
    if (word === 'this' && !m[2]) continue;
    const delta = word === 'yesterday' || word === 'last night' ? -1 : word === 'tomorrow' ? 1 : 0;
    const part = word === 'tonight' || word === 'last night' ? 'TNI' : m[2] ? DAY_PARTS[m[2]] : '';
    out.push({ start, end, value: dayValue(ctx.pubDay + delta) + (part ?? ''), granularity: 'day' });
  }
};

const weekday: Rule = (ctx, out, text, base) => {
  for (const m of text.matchAll(WEEKDAY)) {
    const start = (base + m.index), end = start + m[0].length;
    const after = ctx.text.slice(end, end + 16);
    // "Sunday Times", "Tuesday Morning Corp": a capitalised word glued to the weekday is a name.
    if (!m[3] && /^\s(?:[A-Z][a-z]|[A-Z]{2})/.test(after) && !/^\s(?:[A-Z][a-z]{2,}\.|January|February|March|April|May|June|July|August|September|October|November|December|Sept)/.test(after)) continue;
    if (!ctx.pub) { out.push({ start, end, value: null, granularity: 'day' }); continue; }
    // A possessive weekday ("Friday's vote") mostly names an event already reported.
    const tense = m[1] || /^['’]s\b/.test(after) ? 'past' : tenseAt(ctx, start, end);
    const dir = dirOf(m[1], tense);
    const day = weekdayDay(ctx.pubDay, WEEKDAYS[m[2]!.toLowerCase()]!, dir);
    out.push({ start, end, value: dayValue(day) + (m[3] ? DAY_PARTS[m[3]] ?? '' : ''), granularity: 'day' });
  }
};

function weekendValue(ctx: Ctx, dir: Direction): string {
  return `${isoWeek(weekdayDay(ctx.pubDay, 6, dir))}-WE`;
}

const units: Rule = (ctx, out, text, base) => {
  for (const m of text.matchAll(UNIT)) {
    const start = (base + m.index), end = start + m[0].length;
    const mod = m[1]!.toLowerCase(), unit = m[2]!;
    const granularity: Candidate['granularity'] = unit === 'weekend' ? 'week' : unit === 'decade' ? 'decade' : (unit as Candidate['granularity']);
    if (!ctx.pub) { out.push({ start, end, value: null, granularity }); continue; }
    const shift = /\blast$/.test(mod) ? -1 : /\bnext$/.test(mod) ? 1 : 0;
    const { pub, pubDay } = ctx;
    let value: string;
    if (unit === 'week') value = isoWeek(pubDay + 7 * shift);
    else if (unit === 'weekend') value = weekendValue(ctx, shift < 0 ? 'last' : shift > 0 ? 'next' : tenseAt(ctx, start, end));
    else if (unit === 'month') { const s = shiftMonth(pub, shift); value = ym(s.y, s.m); }
    else if (unit === 'year') value = pad(pub.y + shift, 4);
    else value = String(Math.floor(pub.y / 10) + shift);
    out.push({ start, end, value, granularity });
  }
  for (const m of text.matchAll(WEEKEND)) {
    const start = (base + m.index) + m[0].length - `${m[1]} weekend`.length, end = (base + m.index) + m[0].length;
    out.push({ start, end, value: ctx.pub ? weekendValue(ctx, tenseAt(ctx, start, end)) : null, granularity: 'week' });
  }
};

const ago: Rule = (ctx, out, text, base) => {
  for (const m of text.matchAll(AGO)) {
    const start = (base + m.index), end = start + m[0].length;
    const word = m[1]!.toLowerCase(), unit = m[2]!.toLowerCase(), rel = m[3]!.toLowerCase();
    const n = numberOf(word);
    if (rel !== 'ago' && !(n === 1 && unit === 'year')) continue;
    if (n === undefined) { out.push({ start, end, value: 'PAST_REF', granularity: 'other' }); continue; }
    if (n === 1 && unit === 'year') { out.push({ start, end, value: null, granularity: 'day', deferred: 'year-ago' }); continue; }
    if (!ctx.pub) { out.push({ start, end, value: null, granularity: 'day' }); continue; }
    if (unit.startsWith('decade')) { out.push({ start, end, value: String(ctx.pub.y - 10 * n), granularity: 'year' }); continue; }
    const day = unitsAgo(ctx.pub, ctx.pubDay, unit, n);
    if (unit.startsWith('week')) out.push({ start, end, value: isoWeek(day), granularity: 'week' });
    else if (unit.startsWith('month')) out.push({ start, end, value: dayValue(day).slice(0, 7), granularity: 'month' });
    else out.push({ start, end, value: dayValue(day), granularity: 'day' });
  }
  for (const m of text.matchAll(YEAR_ADJ)) {
    const withNoun = Boolean(m[3]);
    const end = (base + m.index) + m[0].length;
    const start = withNoun ? (base + m.index) : end - m[2]!.length - (m[3] ? m[3].length + 1 : 0);
    out.push({ start, end: withNoun ? end : start + m[2]!.length, value: null, granularity: 'quarter', deferred: 'year-ago' });
  }
};

export const relativeRules: FamilyRule[] = [['deictic', deictic], ['weekday', weekday], ['unit', units], ['ago', ago]];
