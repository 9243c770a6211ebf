// Page metadata other than the date: title, byline, canonical URL, section, site name and
// the declared language. Each field takes the most deliberate signal first (JSON-LD and
// OpenGraph are written for machines), then visible markup. Read before the body extractor
// runs, because Readability rewrites the document.
import { clean, type DomDocument, type DomElement } from './dom.js';
import { articleNode, isObject, stringOf, typesOf, type JsonObject } from './jsonld.js';
import { findByline, inOtherArea, indexById } from './byline.js';
import { cleanTitle } from './title.js';

export interface PageMetadata {
  title: string | null;
  byline: string | null;
  canonicalUrl: string | null;
  section: string | null;
  siteName: string | null;
  description: string | null;
  /** The language the page declares (html lang, meta), ISO 639-1, or null. */
  declaredLanguage: string | null;
  /** JSON-LD @type names of the article node (e.g. "OpinionNewsArticle"). */
  types: string[];
  /** JSON-LD articleBody, when present: a fallback when the DOM yields too little. */
  articleBody: string | null;
  /** Genre/keyword hints (JSON-LD genre, meta keywords/news_keywords) for kind detection. */
  genre: string | null;
}

/** All <meta> tags as lower-cased name/property/itemprop → first non-empty content. */
export function metaMap(elements: DomElement[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of elements) {
    if (m.tagName !== 'META') continue;
    const content = clean(m.getAttribute('content'));
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = m.getAttribute(attr)?.trim().toLowerCase();
      if (key && !map.has(key)) map.set(key, content);
    }
  }
  return map;
}

const first = (map: Map<string, string>, keys: string[]): string | null => {
  for (const k of keys) {
    const v = map.get(k);
    if (v) return v;
  }
  return null;
};

export function resolveUrl(href: string | null | undefined, base: string | null): string | null {
  const h = href?.trim();
  if (!h) return null;
  try {
    return new URL(h, base ?? undefined).href;
  } catch {
    return null;
  }
}

function canonicalOf(elements: DomElement[], meta: Map<string, string>, url: string | null): string | null {
  const link = elements.find((e) => e.tagName === 'LINK' && /(?:^|\s)canonical(?:\s|$)/i.test(e.getAttribute('rel') ?? ''))?.getAttribute('href');
  const candidate = resolveUrl(link, url) ?? resolveUrl(meta.get('og:url'), url);
  if (!candidate || !/^https?:/i.test(candidate)) return null;
  // Some templates point every page's canonical at the home page; that is no identity.
  try {
    const c = new URL(candidate);
    if (url && (c.pathname === '/' || c.pathname === '') && new URL(url).pathname.length > 1) return null;
  } catch {
    return null;
  }
  return candidate;
}

const LANG = /^([a-z]{2,3})(?:[-_][a-z0-9]+)*$/i;

function normaliseLanguageTag(tag: string | null | undefined): string | null {
  const m = LANG.exec(tag?.trim() ?? '');
  return m ? m[1]!.toLowerCase() : null;
}

function declaredLanguage(doc: DomDocument, meta: Map<string, string>, jsonld: JsonObject | null): string | null {
  return (
    normaliseLanguageTag(doc.documentElement.getAttribute('lang')) ??
    normaliseLanguageTag(doc.documentElement.getAttribute('xml:lang')) ??
    normaliseLanguageTag(first(meta, ['content-language', 'language', 'dc.language', 'og:locale'])) ??
    normaliseLanguageTag(stringOf(jsonld?.inLanguage))
  );
}

function sectionOf(meta: Map<string, string>, node: JsonObject | null): string | null {
  const s = stringOf(node?.articleSection) ?? first(meta, ['article:section', 'section', 'parsely-section', 'sailthru.section', 'dc.subject']);
  return s ? clean(s).slice(0, 100) : null;
}

function titleCandidates(elements: DomElement[], meta: Map<string, string>, node: JsonObject | null): { h1: string[]; og: string | null; ld: string | null; doc: string | null } {
  const h1 = elements
    .filter((h) => h.tagName === 'H1' && !inOtherArea(h))
    .map((h) => clean(h.textContent))
    .filter((t) => t.length > 3 && t.length < 300)
    .slice(0, 5);
  return {
    h1,
    og: first(meta, ['og:title', 'twitter:title', 'dc.title', 'sailthru.title', 'parsely-title', 'headline']),
    ld: stringOf(node?.headline) ?? stringOf(node?.name),
    doc: clean(elements.find((e) => e.tagName === 'TITLE')?.textContent) || null,
  };
}

export function readMetadata(doc: DomDocument, elements: DomElement[], meta: Map<string, string>, jsonld: JsonObject[], url: string | null): PageMetadata {
  const node = articleNode(jsonld);
  const siteName = first(meta, ['og:site_name', 'application-name', 'publisher']) ?? stringOf(isObject(node?.publisher) ? node.publisher : null);
  const tc = titleCandidates(elements, meta, node);
  const byline = findByline({ doc, elements, meta, article: node, byId: indexById(jsonld) });
  const genre = [stringOf(node?.genre), first(meta, ['news_keywords', 'keywords', 'article:tag', 'og:type'])].filter(Boolean).join(', ') || null;
  return {
    title: cleanTitle(tc, siteName, url),
    byline,
    canonicalUrl: canonicalOf(elements, meta, url),
    section: sectionOf(meta, node),
    siteName,
    description: first(meta, ['og:description', 'description', 'twitter:description']),
    declaredLanguage: declaredLanguage(doc, meta, node),
    types: node ? typesOf(node) : [],
    articleBody: stringOf(node?.articleBody),
    genre,
  };
}
