// Pieces shared by the RSS, Atom and JSON Feed readers: namespaces, field clean-up,
// fallback identifiers.
import { createHash } from 'node:crypto';
import type { FeedItem } from '../core/types.js';
import { collapseWhitespace, truncateText } from './text.js';
import { childElements, type XmlElement } from './xml.js';

export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  atom03: 'http://purl.org/atom/ns#',
  rss1: 'http://purl.org/rss/1.0/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  wfw: 'http://wellformedweb.org/CommentAPI/',
  media: 'http://search.yahoo.com/mrss/',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  xhtml: 'http://www.w3.org/1999/xhtml',
} as const;

/** Longest summary kept when it has to be cut from the full content. */
export const SUMMARY_MAX = 600;

/** First direct child with this local name (lower-case) accepted by `inNs`. */
export function child(el: XmlElement, local: string, inNs: (c: XmlElement) => boolean): XmlElement | null {
  for (const c of el.children) if (typeof c === 'object' && c.local === local && inNs(c)) return c;
  return null;
}

export function childrenNamed(el: XmlElement, local: string, inNs: (c: XmlElement) => boolean): XmlElement[] {
  return childElements(el, (c) => c.local === local && inNs(c));
}

export const inNamespace =
  (...uris: string[]) =>
  (el: XmlElement): boolean =>
    uris.includes(el.ns);

/** Media RSS description, directly on the item or inside <media:group>. */
export function mediaDescription(item: XmlElement): XmlElement | null {
  const isMedia = inNamespace(NS.media);
  const group = child(item, 'group', isMedia);
  return child(item, 'description', isMedia) ?? (group ? child(group, 'description', isMedia) : null);
}

/** "jane@example.com (Jane Doe)" → "Jane Doe"; "Jane Doe <jane@…>" → "Jane Doe"; else as is. */
export function cleanAuthor(raw: string | null | undefined): string | null {
  const s = collapseWhitespace(raw ?? '');
  if (!s) return null;
  if (s.length > 200) return s.slice(0, 200); // not a name; keep the regexes below cheap
  const paren = /^\S+@\S+\s*\((.+)\)$/.exec(s);
  if (paren?.[1]) return paren[1].trim();
  const angle = /^(.+?)\s*<[^>]*@[^>]*>$/.exec(s);
  if (angle?.[1]) return angle[1].replace(/^"|"$/g, '').trim();
  return s;
}

export function joinAuthors(names: Array<string | null>): string | null {
  const uniq = [...new Set(names.filter((n): n is string => !!n))];
  return uniq.length ? uniq.join(', ') : null;
}

/** A stable identifier for an item that has neither a guid/id nor a link. */
export function fallbackId(parts: Array<string | null>): string {
  const hash = createHash('sha1').update(parts.map((p) => p ?? '').join('\u0000')).digest('hex');
  return `urn:readout:item:${hash.slice(0, 20)}`;
}

/** Assembles an item, filling id and summary from what is there. */
export function makeItem(f: Omit<FeedItem, 'id'> & { id: string | null }): FeedItem {
  const summary = f.summary ?? (f.content ? truncateText(f.content.slice(0, SUMMARY_MAX * 2).replace(/\s+/g, ' '), SUMMARY_MAX) : null);
  const id = f.id || f.link || fallbackId([f.title, f.published, summary]);
  return { id, title: f.title, link: f.link, published: f.published, author: f.author, summary, content: f.content, commentsFeed: f.commentsFeed };
}
