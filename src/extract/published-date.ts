// Publication date, by order of trust: JSON-LD datePublished, OpenGraph/meta publish tags,
// <time datetime> (preferring ones marked as the publication time), a date in the URL path,
// then a date written in the page near the headline. Output keeps the publisher's local
// date and offset ("2019-11-19T23:30:00-05:00" stays on the 19th); converting to UTC would
// move evening articles to the next day.
import { classOf, clean, inArea, spacedText, type DomElement } from './dom.js';
import { articleNode, stringOf, type JsonObject } from './jsonld.js';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH_RE = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

const pad = (n: number): string => String(n).padStart(2, '0');

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1;
}

function ymd(y: number, m: number, d: number): string | null {
  return validDate(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?/i;
const YMD_SLASH = /\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/;
const MDY = new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const DMY = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?\\s+${MONTH_RE},?\\s+(\\d{4})\\b`, 'i');
const NUMERIC_DMY = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?$/;

/** Parses the usual machine and human date formats; returns ISO date or date-time, or null. */
export function parseDate(raw: string | null | undefined): string | null {
  const s = clean(raw);
  if (!s) return null;
  let m = ISO.exec(s);
  if (m) {
    const day = ymd(+m[1]!, +m[2]!, +m[3]!);
    if (!day) return null;
    if (m[4] === undefined) return day;
    const tz = m[7] ? (m[7].toUpperCase() === 'Z' ? 'Z' : m[7].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : '';
    return `${day}T${pad(+m[4])}:${m[5]}:${m[6] ?? '00'}${tz}`;
  }
  m = COMPACT.exec(s);
  if (m) return ymd(+m[1]!, +m[2]!, +m[3]!);
  if (/^\d{10,13}$/.test(s)) {
    const ms = s.length === 13 ? +s : +s * 1000;
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) ? null : ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  return dateInText(s);
}

/** The first written date in free text ("Nov. 19, 2019", "19 November 2019", "2019/11/19"). */
export function dateInText(s: string): string | null {
  const found: Array<[number, string]> = [];
  let m = MDY.exec(s);
  if (m) {
    const v = ymd(+m[3]!, MONTHS[m[1]!.slice(0, 3).toLowerCase()] ?? 0, +m[2]!);
    if (v) found.push([m.index, v]);
  }
  m = DMY.exec(s);
  if (m) {
    const v = ymd(+m[3]!, MONTHS[m[2]!.slice(0, 3).toLowerCase()] ?? 0, +m[1]!);
    if (v) found.push([m.index, v]);
  }
  m = YMD_SLASH.exec(s) ?? ISO_ANYWHERE.exec(s);
  if (m) {
    const v = ymd(+m[1]!, +m[2]!, +m[3]!);
    if (v) found.push([m.index, v]);
  }
  m = NUMERIC_DMY.exec(s);
  if (m) {
    // 03/04/2019 is ambiguous; read day-first only when the first number cannot be a month.
    const a = +m[1]!;
    const b = +m[2]!;
    const v = a > 12 ? ymd(+m[3]!, b, a) : ymd(+m[3]!, a, b);
    if (v) found.push([m.index, v]);
  }
  found.sort((x, y) => x[0] - y[0]);
  return found[0]?.[1] ?? null;
}
const ISO_ANYWHERE = /\b(\d{4})-(\d{2})-(\d{2})\b/;

/** A date in the URL path: /2019/11/18/, /2019-11-18/, /20191118/. */
export function dateFromUrl(url: string | null): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = /(?:^|\/|[_-])((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?=$|\/|[_-]|\.)/.exec(path) ?? /(?:^|\/)((?:19|20)\d{2})(\d{2})(\d{2})(?=$|\/|[_-]|\.)/.exec(path);
  return m ? ymd(+m[1]!, +m[2]!, +m[3]!) : null;
}

const META_KEYS = [
  'article:published_time', 'og:article:published_time', 'datepublished', 'article.published', 'published_time', 'publish-date',
  'publish_date', 'publishdate', 'pubdate', 'date.published', 'dc.date.issued', 'dcterms.issued', 'dcterms.created', 'dc.date.created',
  'sailthru.date', 'parsely-pub-date', 'cxenseparse:recs:publishtime', 'article.created', 'originalpublicationdate', 'created',
  'date', 'dc.date', 'dcterms.date', 'og:pubdate', 'article_date_original', 'citation_publication_date', 'release_date',
];

function fromTimeElements(elements: DomElement[]): string | null {
  const times = elements.filter((t) => ((t.tagName === 'TIME' && t.hasAttribute('datetime')) || t.getAttribute('itemprop') === 'datePublished') && !inComments(t));
  // A <time> marked as the publication time beats the first one on the page.
  const marked = times.find((t) => t.hasAttribute('pubdate') || /publish|posted|created|entry-date|dateline/i.test(`${t.className} ${t.getAttribute('itemprop') ?? ''} ${t.parentElement?.className ?? ''}`));
  const ordered = marked ? [marked, ...times] : times;
  for (const t of ordered.slice(0, 10)) {
    if (/modif|updat/i.test(`${t.className} ${t.getAttribute('itemprop') ?? ''}`)) continue;
    const v = parseDate(t.getAttribute('datetime') ?? t.getAttribute('content') ?? t.textContent);
    if (v) return v;
  }
  return null;
}

const inComments = (el: DomElement): boolean => inArea(el);

/**
 * Dates written in elements whose class says "date", near the headline; an "Updated …" date
 * only when nothing else is written.
 */
const DATE_LABEL = /date|time|publish|posted|byline|meta/i;

function fromDateLabelledText(elements: DomElement[]): string | null {
  const els = elements.filter((el) => el.tagName !== 'META' && (DATE_LABEL.test(classOf(el)) || /date/i.test(el.id ?? '')));
  let updated: string | null = null;
  for (const el of els.slice(0, 60)) {
    if (inComments(el)) continue;
    const text = clean(el.textContent);
    if (text.length > 200) continue;
    const v = dateInText(text);
    if (!v) continue;
    if (/modif|updat/i.test(el.className) || /\bupdated\b/i.test(text.slice(0, 12))) updated ??= v;
    else return v;
  }
  return updated;
}

/** A short line with a date shortly after the headline ("March 5, 2024 · 4 min read"). */
function dateNearHeadline(elements: DomElement[]): string | null {
  const h1 = elements.find((e) => e.tagName === 'H1' && !inComments(e));
  let scope: DomElement | null = h1?.parentElement ?? null;
  for (let depth = 0; scope && depth < 3; depth++, scope = scope.parentElement) {
    let seen = 0;
    for (const el of scope.children) {
      if (++seen > 30) break;
      const text = spacedText(el, 200);
      if (text.length < 6 || text.length > 120) continue;
      const v = dateInText(text);
      if (v) return v;
    }
  }
  return null;
}

export interface DateEvidence {
  elements: DomElement[];
  jsonld: JsonObject[];
  meta: Map<string, string>;
  url: string | null;
}

/** Publication date from the page (before body extraction mutates it); text fallback apart. */
export function publishedFromPage(ev: DateEvidence): string | null {
  const node = articleNode(ev.jsonld);
  const fromLd = parseDate(stringOf(node?.datePublished) ?? stringOf(node?.dateCreated));
  if (fromLd) return fromLd;
  for (const k of META_KEYS) {
    const v = parseDate(ev.meta.get(k));
    if (v) return v;
  }
  // Any JSON-LD object with a datePublished (WebPage, when no article node exists).
  for (const n of ev.jsonld) {
    const v = parseDate(stringOf(n.datePublished));
    if (v) return v;
  }
  return fromTimeElements(ev.elements) ?? dateFromUrl(ev.url) ?? fromDateLabelledText(ev.elements) ?? dateNearHeadline(ev.elements);
}
