// Author names. Sources in order: JSON-LD authors that are people (following @id links
// into the @graph), author meta tags, byline markup, a "By Name" line near the headline,
// and only then organisations named as author. Visible bylines carry prefixes ("By",
// "Written by"), roles, dates, e-mail addresses and handles around the names; what remains
// must look like a short list of names or it is rejected.
import { classOf, inArea, selectAll, spacedText, type DomDocument, type DomElement } from './dom.js';
import { isObject, stringOf, typesOf, type JsonObject } from './jsonld.js';

const PREFIX = /^(?:(?:written|posted|reported|published|compiled|edited|story|text|words|photos?)\s+by|by|from|author|authors|posted|von|par|por|di)\b\s*[:.-]?\s*/i;

// Text after these is a role, a date or a publication, not a name.
const TAIL = /\s*(?:\||·|•|—|–|\s-\s|\b(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:hours?|minutes?) ago\b|\b(?:updated|published|posted)\b|\d{1,2}[:/.]\d{2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b\d{4}\b).*$/i;

const ROLE = /,?\s*\b(?:ph\.?d|m\.?d|r\.?d|m\.?s|m\.?a|mph|rn|esq|staff\s+(?:writer|reporter)|senior\s+\w+\s+(?:writer|reporter|editor|correspondent)|(?:chief\s+|foreign\s+|political\s+|diplomatic\s+)?(?:correspondent|reporter|editor|contributor|columnist|writer)|special\s+to\s+.+|for\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)\s*$/i;

const NOT_A_NAME = /^(?:share|follow|comments?|facebook|twitter|email|e-mail|print|home|news|menu|search|subscribe|sign in|log in|more|read more|view all|about|contact|admin|administrator|unknown|anonymous|guest|staff|null|undefined)$/i;

function tidyOne(raw: string): string | null {
  let s = raw
    .replace(/\S+@\S+\.\w+/g, ' ')
    .replace(/\(?(?<![\w.])@\w+\)?/g, ' ')
    .replace(/\(\s*\)/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  s = s.replace(PREFIX, '').replace(TAIL, '').replace(ROLE, '').replace(/\s+(?:from|of|at|for)\s+(?:the\s+)?\p{Lu}.*$/u, '').trim();
  s = s.replace(/^[\s,;:|·•-]+|[\s,;:|·•-]+$/g, '').trim();
  if (!s || s.length > 80 || NOT_A_NAME.test(s)) return null;
  const words = s.split(/\s+/);
  // Digits only in one-word user names ("delta201"), never in multi-word text.
  if (!/\p{L}/u.test(s) || (/\d/.test(s) && words.length > 1)) return null;
  if (words.length > 8) return null;
  // Sentences are not names: a name rarely ends with sentence punctuation or has many
  // lower-case words (particles such as "de", "van", "al" are allowed).
  const lower = words.filter((w) => /^\p{Ll}/u.test(w) && !/^(?:de|da|del|der|den|van|von|la|le|al|el|bin|ibn|di|du|dos|das|y|e)$/.test(w));
  if (lower.length > 1 && lower.length >= words.length / 2) return null;
  return s;
}

/** Cleaned author names joined with ", ", or null when the text does not look like a byline. */
export function cleanByline(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const text = raw.replace(/[\s\u00a0]+/g, ' ').trim();
  if (!text || text.length > 300) return null;
  // "Posted on May 3 by Jane Roe": the names follow the last "by".
  const by = text.search(/\bby\s+\p{Lu}/u);
  const stripped = (by > 0 ? text.slice(by) : text).replace(PREFIX, '');
  const parts = stripped
    .split(/\s*(?:;|,|&|\band\b|\bund\b|\bet\b|\by\b)\s*/i)
    .map((p) => tidyOne(p))
    .filter((p): p is string => p !== null);
  // A short all-capitals part next to a name is the outlet ("Jane Roe, CNN").
  const names = parts.length > 1 ? parts.filter((p) => !/^[A-Z0-9]{2,6}$/.test(p)) : parts;
  const unique = [...new Set(names)];
  return unique.length ? unique.join(', ') : null;
}

/** JSON-LD objects by @id, so `"author": {"@id": "…#/schema/person/…"}` can be resolved. */
export function indexById(nodes: JsonObject[]): Map<string, JsonObject> {
  const map = new Map<string, JsonObject>();
  for (const n of nodes) if (typeof n['@id'] === 'string' && !map.has(n['@id'])) map.set(n['@id'], n);
  return map;
}

function jsonLdAuthors(node: JsonObject | null, byId: Map<string, JsonObject>): { people: string[]; orgs: string[] } {
  const people: string[] = [];
  const orgs: string[] = [];
  if (!node) return { people, orgs };
  const raw = node.author ?? node.creator;
  for (let a of Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]) {
    if (isObject(a) && typeof a['@id'] === 'string' && a.name === undefined) a = byId.get(a['@id']) ?? a;
    const name = stringOf(a);
    if (!name || /^https?:/i.test(name)) continue;
    if (isObject(a) && typesOf(a).some((t) => /Organization|Corporation|NewsMediaOrganization/.test(t))) orgs.push(name);
    else people.push(name);
  }
  return { people, orgs };
}

const tokens = (el: DomElement): string[] => classOf(el).toLowerCase().split(/\s+/);
const NAME_CLASSES = new Set(['byline__name', 'byline-name', 'author-name', 'authorname', 'author_name', 'article-author', 'post-author-name', 'entry-author-name']);
const BYLINE_CLASSES = new Set(['byline', 'by-line', 'author', 'writer', 'article-byline']);

// Visible bylines: markup that names the author, most specific first.
const BYLINE_TESTS: Array<(el: DomElement) => boolean> = [
  (el) => el.getAttribute('itemprop') === 'name' && !!el.parentElement?.closest('[itemprop="author"]'),
  (el) => el.getAttribute('itemprop') === 'author',
  (el) => el.tagName === 'A' && (el.getAttribute('rel') ?? '').split(/\s+/).includes('author'),
  (el) => tokens(el).some((t) => NAME_CLASSES.has(t)),
  (el) => tokens(el).some((t) => BYLINE_CLASSES.has(t)) || (tokens(el).includes('fn') && !!el.parentElement?.closest('.vcard')),
  (el) => /byline|author/i.test(classOf(el)),
];

/** Elements inside a comment thread, sidebar or page footer carry other people's names. */
export const inOtherArea = (el: DomElement): boolean => inArea(el, true);

function visibleByline(elements: DomElement[]): string | null {
  for (const test of BYLINE_TESTS) {
    let tried = 0;
    for (const el of elements) {
      if (el.tagName === 'META' || !test(el)) continue;
      if (++tried > 20) break;
      if (inOtherArea(el)) continue;
      const text = cleanByline(el.getAttribute('content') ?? spacedText(el));
      if (text) return text;
    }
  }
  return null;
}

const BY_NAME = /(?:^|[\s|·•,])(?:by|By|BY)\s+(\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|van|von|da|al|bin)){0,4})/u;

/** "By Jane Roe" in a short block shortly after the headline. */
function bylineNearHeadline(elements: DomElement[]): string | null {
  const h1 = elements.find((h) => h.tagName === 'H1' && !inOtherArea(h));
  let scope: DomElement | null = h1?.parentElement ?? null;
  for (let depth = 0; scope && depth < 4; depth++, scope = scope.parentElement) {
    for (const el of selectAll(scope, 'p, span, div, li, address').slice(0, 200)) {
      const text = spacedText(el, 200);
      if (text.length > 150 || text.length < 5) continue;
      const m = BY_NAME.exec(text);
      const name = m ? cleanByline(m[1]) : null;
      if (name) return name;
    }
  }
  return null;
}

export interface BylineEvidence {
  doc: DomDocument;
  elements: DomElement[];
  meta: Map<string, string>;
  article: JsonObject | null;
  byId: Map<string, JsonObject>;
}

export function findByline(ev: BylineEvidence): string | null {
  const { people, orgs } = jsonLdAuthors(ev.article, ev.byId);
  const fromLd = cleanByline(people.join(', '));
  if (fromLd) return fromLd;
  for (const key of ['author', 'byl', 'sailthru.author', 'parsely-author', 'dc.creator', 'article:author', 'citation_author']) {
    const v = ev.meta.get(key);
    if (v && !/^https?:|facebook\.com|^@/i.test(v)) {
      const name = cleanByline(v);
      if (name) return name;
    }
  }
  for (const i of ['1', '2']) {
    if (/written by|author/i.test(ev.meta.get(`twitter:label${i}`) ?? '')) {
      const name = cleanByline(ev.meta.get(`twitter:data${i}`));
      if (name) return name;
    }
  }
  return visibleByline(ev.elements) ?? bylineNearHeadline(ev.elements) ?? cleanByline(orgs.join(', '));
}
