// RSS 0.9x, 1.0 (RDF) and 2.0 → ParsedFeed. RSS elements are matched by local name when
// they are in no namespace, the root's namespace or an RSS namespace, so <atom:link> or
// <itunes:summary> never stand in for <link> or <description> by accident.
import type { FeedItem, ParsedFeed } from '../core/types.js';
import { parseFeedDate } from './dates.js';
import { child, childrenNamed, cleanAuthor, inNamespace, joinAuthors, makeItem, mediaDescription, NS } from './feed-common.js';
import { collapseWhitespace, htmlToText, toPlain } from './text.js';
import { baseOf, collect, innerMarkup, ownText, resolveUrl, textContent, type XmlElement } from './xml.js';

const RSS_NAMESPACES = new Set(['', NS.rss1, 'http://my.netscape.com/rdf/simple/0.9/', 'http://channel.netscape.com/rdf/simple/0.9/', 'http://backend.userland.com/rss2', 'http://backend.userland.com/rss']);

const isDc = inNamespace(NS.dc, NS.dcterms);
const isAtom = inNamespace(NS.atom, NS.atom03);
const isContent = inNamespace(NS.content);
const isItunes = inNamespace(NS.itunes);
const isWfw = inNamespace(NS.wfw);

/** Text of a possibly-HTML field (the escaped HTML is the element's text). */
function fieldHtml(el: XmlElement | null, paragraphs = false): string | null {
  if (!el) return null;
  const text = htmlToText(innerMarkup(el), { paragraphs });
  return text || null;
}

/** An Atom-style link (href attribute) with an accepted rel, resolved. */
function atomLink(el: XmlElement, rels: string[], base: string | null): string | null {
  for (const l of childrenNamed(el, 'link', isAtom)) {
    const rel = (l.attrs.rel ?? 'alternate').toLowerCase();
    if (rels.includes(rel) && l.attrs.href) return resolveUrl(l.attrs.href, baseOf(l, base));
  }
  return null;
}

/** <link>text</link> (or a stray <link href>), else <atom:link rel="alternate">, resolved. */
function rssLink(el: XmlElement, isCore: (c: XmlElement) => boolean, base: string | null): string | null {
  const links = childrenNamed(el, 'link', isCore).filter((l) => l.complete);
  const withText = links.find((l) => ownText(l).trim());
  if (withText) return resolveUrl(ownText(withText), baseOf(withText, base));
  const withHref = links.find((l) => l.attrs.href?.trim());
  if (withHref) return resolveUrl(withHref.attrs.href, baseOf(withHref, base));
  return atomLink(el, ['alternate'], base);
}

export function readRss(root: XmlElement, baseUrl: string | null): ParsedFeed {
  const rootNs = root.ns;
  const isCore = (el: XmlElement): boolean => el.ns === rootNs || RSS_NAMESPACES.has(el.ns);
  const channel = child(root, 'channel', isCore) ?? root;

  const self = atomLink(channel, ['self'], baseUrl);
  const docBase = baseUrl ?? self;
  const feedLink = rssLink(channel, isCore, docBase);
  const itemBase = feedLink && /^[a-z][a-z0-9+.-]*:\/\//i.test(feedLink) ? feedLink : docBase;

  const items: FeedItem[] = [];
  for (const item of collect(root, (el) => el.local === 'item' && isCore(el))) {
    const read = readItem(item, itemBase, isCore);
    if (read) items.push(read);
  }
  const titleEl = child(channel, 'title', isCore) ?? child(channel, 'title', isDc);
  return { title: titleEl ? toPlain(textContent(titleEl)) : null, link: feedLink, items };
}

function readItem(item: XmlElement, feedBase: string | null, isCore: (el: XmlElement) => boolean): FeedItem | null {
  if (!item.children.some((c) => typeof c === 'object')) return null; // <item/>: nothing to read
  const base = baseOf(item, feedBase);
  // In a truncated file, only fields whose end tag arrived are trusted.
  const get = (local: string, inNs: (c: XmlElement) => boolean): XmlElement | null => {
    const el = child(item, local, inNs);
    return el && el.complete ? el : null;
  };

  const guidEl = get('guid', isCore);
  const guid = guidEl ? collapseWhitespace(textContent(guidEl)) : '';
  let link = rssLink(item, isCore, base);
  if (!link && guid && guidEl?.attrs.ispermalink?.toLowerCase() !== 'false' && /^https?:\/\//i.test(guid)) link = guid;
  const about = item.attrs['rdf:about']?.trim();
  if (!link && about && /^https?:\/\//i.test(about)) link = about;

  const title = fieldHtml(get('title', isCore)) ?? fieldHtml(get('title', isDc));
  let published: string | null = null;
  for (const [local, inNs] of DATE_FIELDS) {
    const el = get(local, inNs);
    published = el ? parseFeedDate(textContent(el)) : null;
    if (published) break;
  }

  const authors = [
    ...childrenNamed(item, 'author', isCore).map((a) => cleanAuthor(textContent(a))),
    ...childrenNamed(item, 'creator', isDc).map((a) => cleanAuthor(textContent(a))),
  ];
  if (!authors.some(Boolean)) {
    const it = get('author', isItunes);
    const atomAuthor = get('author', isAtom);
    authors.push(cleanAuthor(it ? textContent(it) : null), atomAuthor ? cleanAuthor(textContent(child(atomAuthor, 'name', isAtom) ?? atomAuthor)) : null);
  }

  const summary =
    fieldHtml(get('description', isCore)) ??
    fieldHtml(get('summary', isItunes)) ??
    fieldHtml(mediaDescription(item)) ??
    fieldHtml(get('subtitle', isItunes));
  const content = fieldHtml(get('encoded', isContent), true);

  const comments = get('commentrss', isWfw) ?? get('commentrss', () => true);
  const commentsFeed = (comments ? resolveUrl(textContent(comments), base) : null) ?? atomLink(item, ['replies'], base);

  if (!item.complete && !link && !guid) return null; // a fragment cut off by the end of the file
  return makeItem({ id: guid || null, title, link, published, author: joinAuthors(authors), summary, content, commentsFeed });
}

const DATE_FIELDS: Array<[string, (el: XmlElement) => boolean]> = [
  ['pubdate', (el) => !isDc(el) && !isAtom(el)],
  ['date', isDc],
  ['issued', isDc],
  ['created', isDc],
  ['published', isAtom],
  ['modified', isDc],
  ['updated', isAtom],
];
