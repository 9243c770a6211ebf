// Fuzzy calendar parts: quarters ("the third quarter", "Q1 2021", "the latest quarter"),
// halves ("the second half of the year"), seasons ("last summer") and TimeML reference values
// ("now" PRESENT_REF, "recently" PAST_REF, "the future" FUTURE_REF).
import { pad } from './calendar.js';
import { ORDINALS, SEASONS } from './lexicon.js';
import { lastMonthNamed, nextMonthNamed, quarterOf, yearForMonth } from './resolve.js';
import { tenseAt } from './tense.js';
import type { Candidate, Ctx, FamilyRule, Rule } from './types.js';

const ORD = '(first|second|third|fourth|1st|2nd|3rd|4th)';
const OF_YEAR = '(?:\\s+of\\s+(?:(?:fiscal\\s+)?(\\d{4})|(this|last|next|the)\\s+year))?';
const QUARTER = new RegExp(`\\b(?:(the|its|this year's|last year's|next year's|the year's|this|last year|next year)\\s+)?(?:(\\d{4})\\s+)?(?:fiscal[- ]?)?${ORD}[- ](?:fiscal[- ])?quarter${OF_YEAR}\\b`, 'gi');
const Q_SHORT = /\b(?:Q([1-4])(?:\s+(\d{4}))?|(\d{4})\s+Q([1-4]))\b/g;
const QUARTER_REF = /\b(?:the|its|this)\s+(?:(latest|last|past|previous|current|most recent|recent|just-ended|just ended|same)\s+)?(?:fiscal\s+)?(quarter|period)\b(?![- ]to\b)/gi;
const HALF = new RegExp(`\\b(?:(the|this year's|last year's|next year's)\\s+)?(first|second|1st|2nd)[- ]half${OF_YEAR}`, 'gi');
const SEASON = /\b(?:(last|this|next|early|late|mid|the early|the late|the)(?:\s+|-))?(spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(\d{4}))?\b/gi;
const SEASON_PREP = /\b(?:in|during|by|until|till|since|over|through|before|after|this|last|next)\s+$/i;
const REF = /\b(right now|now|currently|current|recently|more recently|recent|these days|nowadays|(?:in\s+)?the\s+(?:near\s+|distant\s+)?(?:past|future)|the near term|in future)\b/gi;
const VAGUE = /\b(?:(?:the\s+)?(?:past|last|previous)\s+(?:few|several|many)|(?:the\s+)?(?:coming|next\s+few|next\s+several)|future|upcoming)\s+(days|weeks|months|quarters|years|decades)\b/gi;
const THE_YEAR = /\b[Tt]he\s+(?:(full|fiscal|current|calendar|latest|last|previous|past|latest\s+fiscal|previous\s+fiscal|last\s+fiscal|current\s+fiscal)\s+)?year\b(?![-\s]+(?:ago|earlier|before|two thousand|\d))/g;
const YEAR_RANGE_Q = /\b[Tt]he\s+(\d{4})\s+(quarter|period)\b/g;
const REF_VALUE: Record<string, string> = {
  now: 'PRESENT_REF', currently: 'PRESENT_REF', current: 'PRESENT_REF', 'these days': 'PRESENT_REF', nowadays: 'PRESENT_REF',
  recently: 'PAST_REF', recent: 'PAST_REF', past: 'PAST_REF',
  future: 'FUTURE_REF', 'near term': 'FUTURE_REF',
};

/** Year of an "of the year"/"of 2021"/"last year's" qualifier, else undefined. */
function qualifiedYear(ctx: Ctx, lead: string | undefined, explicit: string | undefined, rel: string | undefined): number | undefined {
  if (explicit) return Number(explicit);
  const word = (rel ?? lead ?? '').toLowerCase();
  if (!ctx.pub) return undefined;
  if (/^last year/.test(word)) return ctx.pub.y - 1;
  if (/^next year/.test(word)) return ctx.pub.y + 1;
  if (/^this/.test(word) || word === "the year's") return ctx.pub.y;
  return undefined;
}

/** A quarter named without a year: like a month, but a quarter just ended stays this year. */
function yearForQuarter(ctx: Ctx, q: number, start: number, end: number): number {
  const pub = ctx.pub!;
  const tense = tenseAt(ctx, start, end);
  if (tense === 'future' && q * 3 >= pub.m - 3) return pub.y;
  return yearForMonth(pub, q * 3 - 2, tense);
}

const quarters: Rule = (ctx, out, text, base) => {
  for (const m of text.matchAll(QUARTER)) {
    const start = (base + m.index), end = start + m[0].length;
    const q = ORDINALS[m[3]!.toLowerCase()]!;
    const y = m[2] ? Number(m[2]) : qualifiedYear(ctx, m[1], m[4], m[5] === 'the' ? 'this' : m[5])
      ?? (ctx.pub ? yearForQuarter(ctx, q, start, end) : undefined);
    out.push({ start, end, value: y === undefined ? null : `${pad(y, 4)}-Q${q}`, granularity: 'quarter', ...(y === undefined ? {} : { quarter: { y, q } }) });
  }
  for (const m of text.matchAll(YEAR_RANGE_Q)) {
    const y = Number(m[1]);
    out.push({ start: (base + m.index), end: (base + m.index) + m[0].length, value: null, granularity: 'quarter', deferred: 'quarter-ref', year: y });
  }
  for (const m of text.matchAll(Q_SHORT)) {
    const start = (base + m.index), end = start + m[0].length;
    const q = Number(m[1] ?? m[4]);
    const y = m[2] ?? m[3] ? Number(m[2] ?? m[3]) : ctx.pub ? yearForQuarter(ctx, q, start, end) : undefined;
    out.push({ start, end, value: y === undefined ? null : `${pad(y, 4)}-Q${q}`, granularity: 'quarter', ...(y === undefined ? {} : { quarter: { y, q } }) });
  }
  for (const m of text.matchAll(QUARTER_REF)) {
    const mod = (m[1] ?? '').toLowerCase();
    if (m[2]!.toLowerCase() === 'period' && (!mod || mod === 'same' || mod === 'recent' || mod === 'past')) continue;
    if (mod === 'same') continue;
    const start = (base + m.index), end = start + m[0].length;
    if (mod === 'current') {
      out.push({ start, end, value: ctx.pub ? `${pad(ctx.pub.y, 4)}-Q${quarterOf(ctx.pub.m)}` : null, granularity: 'quarter' });
    } else out.push({ start, end, value: null, granularity: 'quarter', deferred: 'quarter-ref' });
  }
};

const halves: Rule = (ctx, out, text, base) => {
  for (const m of text.matchAll(HALF)) {
    const start = (base + m.index), end = start + m[0].length;
    if (!m[4] && !m[5] && /^\s+of\s/i.test(ctx.text.slice(end, end + 5))) continue; // "the first half of the match"
    const h = m[2]!.toLowerCase().startsWith('f') || m[2] === '1st' ? 1 : 2;
    const y = qualifiedYear(ctx, m[1], m[3], m[4] === 'the' ? 'this' : m[4])
      ?? (ctx.pub ? yearForMonth(ctx.pub, h === 1 ? 1 : 7, tenseAt(ctx, start, end)) : undefined);
    out.push({ start, end, value: y === undefined ? null : `${pad(y, 4)}-H${h}`, granularity: 'half' });
  }
};

const seasons: Rule = (ctx, out, text, base) => {
  for (const m of text.matchAll(SEASON)) {
    const start = (base + m.index), end = start + m[0].length;
    const mod = (m[1] ?? '').toLowerCase();
    const season = SEASONS[m[2]!.toLowerCase()]!;
    const after = ctx.text.slice(end, end + 6);
    if (!m[3]) {
      if (/^\s+of\s/i.test(after) || /^[-\s]+(?:time|like|school|session)\b/i.test(after)) continue;
      if ((!mod || mod === 'the') && !SEASON_PREP.test(ctx.text.slice(Math.max(0, start - 12), start))) continue;
    }
    let y: number | undefined;
    if (m[3]) y = Number(m[3]);
    else if (ctx.pub) {
      if (mod === 'last') y = lastMonthNamed(ctx.pub, season.month);
      else if (mod === 'next') y = nextMonthNamed(ctx.pub, season.month);
      else if (mod === 'this') y = ctx.pub.y;
      else y = yearForMonth(ctx.pub, season.month, tenseAt(ctx, start, end));
    }
    out.push({ start, end, value: y === undefined ? null : `${pad(y, 4)}-${season.code}`, granularity: 'season' });
  }
};

const refs: Rule = (ctx, out, text, base) => {
  for (const m of text.matchAll(REF)) {
    const phrase = m[1]!.toLowerCase();
    const end = (base + m.index) + m[0].length;
    const after = ctx.text.slice(end, end + 14);
    if (/past$|future$/.test(phrase) && /^\s+(?:\d|few|several|two|three|four|five|six|decade|year|month|week|day|quarter|century|generation)/i.test(after)) continue;
    if (/^(?:now|soon)$/.test(phrase) && /^[-‐]/.test(after)) continue; // "now-defunct"
    const key = Object.keys(REF_VALUE).find((k) => phrase.endsWith(k))!;
    const start = phrase.startsWith('in ') ? (base + m.index) + m[0].indexOf('the') : (base + m.index);
    const cand: Candidate = { start: phrase === 'in future' ? (base + m.index) + 3 : start, end, value: REF_VALUE[key]!, granularity: 'other' };
    out.push(cand);
  }
  for (const m of text.matchAll(VAGUE)) {
    const future = /coming|next|future|upcoming/i.test(m[0]);
    out.push({ start: (base + m.index), end: (base + m.index) + m[0].length, value: future ? 'FUTURE_REF' : 'PAST_REF', granularity: 'other' });
  }
};

const theYear: Rule = (ctx, out, text, base) => {
  for (const m of text.matchAll(THE_YEAR)) {
    const mod = (m[1] ?? '').toLowerCase();
    const y = ctx.pub ? ctx.pub.y - (/^(?:latest|last|previous|past)/.test(mod) ? 1 : 0) : undefined;
    out.push({ start: (base + m.index), end: (base + m.index) + m[0].length, value: y === undefined ? null : pad(y, 4), granularity: 'year', ...(y === undefined ? {} : { year: y }) });
  }
};

export const fuzzyRules: FamilyRule[] = [['quarter', quarters], ['half', halves], ['season', seasons], ['ref', refs], ['unit', theYear]];
