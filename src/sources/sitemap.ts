// XML sitemaps (<urlset>, with Google News <news:news>) and sitemap indexes
// (<sitemapindex>) → ParsedSitemap. Also the plain-text format (one URL per line) that
// sitemaps.org allows. Decompression is the fetch layer's job. Same XML reader as feeds:
// no DOCTYPE processing, truncated files give the complete entries before the cut.
import { ReadoutError } from '../core/errors.js';
import type { ParsedSitemap, SitemapEntry } from '../core/types.js';
import { parseFeedDate } from './dates.js';
import { isBinary } from './detect.js';
import { decodeDocument } from './decode.js';
import { collapseWhitespace, toPlain } from './text.js';
import { collect, findFirst, parseXml, resolveUrl, textContent, type XmlElement } from './xml.js';

const NEWS_NS = /google\.com\/schemas\/sitemap-news/i;

function childText(el: XmlElement, local: string, news = false): string | null {
  for (const c of el.children) {
    if (typeof c === 'object' && c.local === local && c.complete && NEWS_NS.test(c.ns) === news) {
      const t = collapseWhitespace(textContent(c));
      return t || null;
    }
  }
  return null;
}

function readEntry(el: XmlElement, baseUrl: string | null): SitemapEntry | null {
  const raw = childText(el, 'loc');
  const loc = raw ? resolveUrl(raw, baseUrl) : null;
  if (!loc) return null;
  let title: string | null = null;
  let published: string | null = null;
  const news = el.children.find((c): c is XmlElement => typeof c === 'object' && c.local === 'news' && NEWS_NS.test(c.ns));
  if (news) {
    title = toPlain(childText(news, 'title', true));
    published = parseFeedDate(childText(news, 'publication_date', true));
  }
  return { loc, lastmod: parseFeedDate(childText(el, 'lastmod')), title, published };
}

function parseTextSitemap(text: string, baseUrl: string | null): ParsedSitemap | null {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (!lines.length || !lines.every((l) => /^https?:\/\/\S+$/i.test(l))) return null;
  const entries = [...new Set(lines)].map((l) => ({ loc: resolveUrl(l, baseUrl) ?? l, lastmod: null, title: null, published: null }));
  return { kind: 'urlset', entries };
}

/** Parses a sitemap or sitemap index; `baseUrl` resolves the (rare) relative <loc>. */
export function parseSitemap(input: string | Buffer, baseUrl: string | null, label?: string): ParsedSitemap {
  const where = label ?? baseUrl ?? 'the document';
  if (Buffer.isBuffer(input) && isBinary(input)) {
    throw new ReadoutError('parse', `${where} is not a sitemap: it is binary or compressed data`, { hint: 'a .xml.gz sitemap must be decompressed first' });
  }
  const text = typeof input === 'string' ? input : decodeDocument(input);
  const doc = parseXml(text);
  const root = findFirst(doc.root, (el) => el.local === 'urlset' || el.local === 'sitemapindex');
  if (!root) {
    const plain = text.trimStart().startsWith('<') ? null : parseTextSitemap(text, baseUrl);
    if (plain) return plain;
    const first = doc.root.children.find((c): c is XmlElement => typeof c === 'object');
    throw new ReadoutError('parse', `${where} is not a sitemap: ${first ? `its root element is <${first.name}>` : 'it has no XML elements'}, not <urlset> or <sitemapindex>`, {
      hint: 'check the sitemap URL (robots.txt lists it after "Sitemap:")',
    });
  }
  const kind = root.local === 'urlset' ? 'urlset' : 'index';
  const seen = new Set<string>();
  const entries: SitemapEntry[] = [];
  for (const el of collect(root, (e) => e.local === (kind === 'urlset' ? 'url' : 'sitemap'))) {
    const entry = readEntry(el, baseUrl);
    if (!entry || seen.has(entry.loc)) continue;
    seen.add(entry.loc);
    entries.push(entry);
  }
  return { kind, entries };
}
