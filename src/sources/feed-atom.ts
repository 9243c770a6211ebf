// Atom 1.0 (and 0.3) → ParsedFeed. Elements count as Atom when they are in the Atom
// namespace or the root's namespace, so prefixed documents (<a:feed xmlns:a=…>) read the same.
import type { FeedItem, ParsedFeed } from '../core/types.js';
import { parseFeedDate } from './dates.js';
import { child, childrenNamed, cleanAuthor, inNamespace, joinAuthors, makeItem, mediaDescription, NS } from './feed-common.js';
import { decodeEntities, escapeXml } from './entities.js';
import { collapseWhitespace, htmlToText } from './text.js';
import { baseOf, collect, innerMarkup, resolveUrl, textContent, type XmlElement } from './xml.js';

const isWfw = inNamespace(NS.wfw);
const HTML_TYPES = new Set(['', 'text/html', 'application/xhtml+xml', 'html', 'xhtml']);
// Links that point somewhere other than the entry's own web page.
const NOT_THE_PAGE = new Set(['self', 'edit', 'edit-media', 'replies', 'enclosure', 'license', 'hub', 'next', 'previous', 'prev', 'first', 'last', 'payment', 'license']);
const FEED_TYPES = /atom|rss|xml|json/i;

/** An Atom text construct (type text, html or xhtml; Atom 0.3 mode/MIME types too) as plain text. */
export function atomText(el: XmlElement | null, paragraphs = false): string | null {
  if (!el) return null;
  const type = (el.attrs.type ?? 'text').toLowerCase();
  const hasElements = el.children.some((c) => typeof c === 'object');
  let out: string;
  if (type === 'xhtml' || type.endsWith('xhtml+xml') || (hasElements && !type.includes('html'))) {
    out = htmlToText(innerMarkup(el, escapeXml), { paragraphs });
  } else if (type.includes('html') || el.attrs.mode === 'escaped') {
    out = htmlToText(innerMarkup(el), { paragraphs });
  } else {
    // Plain text; a leftover (double-escaped) reference is decoded, whitespace collapsed.
    const text = decodeEntities(textContent(el));
    out = paragraphs ? text.split(/\n\s*\n/).map(collapseWhitespace).filter(Boolean).join('\n\n') : collapseWhitespace(text);
  }
  return out || null;
}

/** Media RSS description (YouTube and podcast feeds), plain text or HTML by its type. */
function mediaText(entry: XmlElement): string | null {
  const el = mediaDescription(entry);
  if (!el) return null;
  return (el.attrs.type === 'html' ? htmlToText(innerMarkup(el)) : collapseWhitespace(textContent(el))) || null;
}

function pickLink(el: XmlElement, isAtom: (e: XmlElement) => boolean, base: string | null): string | null {
  const links = childrenNamed(el, 'link', isAtom).filter((l) => l.attrs.href?.trim());
  const rel = (l: XmlElement): string => (l.attrs.rel ?? 'alternate').trim().toLowerCase();
  const chosen =
    links.find((l) => rel(l) === 'alternate' && HTML_TYPES.has((l.attrs.type ?? '').toLowerCase())) ??
    links.find((l) => rel(l) === 'alternate') ??
    links.find((l) => !NOT_THE_PAGE.has(rel(l)));
  if (chosen) return resolveUrl(chosen.attrs.href, baseOf(chosen, base));
  // Broken feeds write RSS-style <link>URL</link> inside Atom.
  const text = childrenNamed(el, 'link', isAtom).find((l) => !l.attrs.rel && textContent(l).trim());
  return text ? resolveUrl(textContent(text), baseOf(text, base)) : null;
}

function linkWithRel(el: XmlElement, isAtom: (e: XmlElement) => boolean, want: string, base: string | null, type?: RegExp): string | null {
  for (const l of childrenNamed(el, 'link', isAtom)) {
    if ((l.attrs.rel ?? '').toLowerCase() === want && l.attrs.href && (!type || type.test(l.attrs.type ?? ''))) return resolveUrl(l.attrs.href, baseOf(l, base));
  }
  return null;
}

function authorsOf(el: XmlElement, isAtom: (e: XmlElement) => boolean): string | null {
  const names = childrenNamed(el, 'author', isAtom).map((a) => cleanAuthor(textContent(child(a, 'name', isAtom) ?? a)));
  const dc = childrenNamed(el, 'creator', inNamespace(NS.dc)).map((a) => cleanAuthor(textContent(a)));
  return joinAuthors([...names, ...dc]);
}

export function readAtom(root: XmlElement, baseUrl: string | null): ParsedFeed {
  const rootNs = root.ns;
  const isAtom = (el: XmlElement): boolean => el.ns === rootNs || el.ns === NS.atom || el.ns === NS.atom03;
  const docBase = baseUrl ?? linkWithRel(root, isAtom, 'self', null);
  const feedLink = pickLink(root, isAtom, baseOf(root, docBase));
  // Relative entry links resolve against xml:base, then the site link, then the document.
  const entryBase = baseOf(root, feedLink && /^[a-z][a-z0-9+.-]*:\/\//i.test(feedLink) ? feedLink : docBase);
  const feedAuthor = authorsOf(root, isAtom);

  const items: FeedItem[] = [];
  for (const entry of collect(root, (el) => el.local === 'entry' && isAtom(el))) {
    const item = readEntry(entry, entryBase, isAtom, feedAuthor);
    if (item) items.push(item);
  }
  return { title: atomText(child(root, 'title', isAtom)), link: feedLink, items };
}

function readEntry(entry: XmlElement, feedBase: string | null, isAtom: (e: XmlElement) => boolean, feedAuthor: string | null): FeedItem | null {
  if (!entry.children.some((c) => typeof c === 'object')) return null; // <entry/>: nothing to read
  const base = baseOf(entry, feedBase);
  const get = (local: string): XmlElement | null => {
    const el = child(entry, local, isAtom);
    return el && el.complete ? el : null;
  };
  const idEl = get('id');
  const id = idEl ? collapseWhitespace(textContent(idEl)) : '';
  const link = pickLink(entry, (l) => isAtom(l) && l.complete, base);

  let published: string | null = null;
  for (const local of ['published', 'issued', 'created', 'updated', 'modified']) {
    const el = get(local);
    published = el ? parseFeedDate(textContent(el)) : null;
    if (published) break;
  }

  const source = get('source');
  const author = authorsOf(entry, isAtom) ?? (source ? authorsOf(source, isAtom) : null) ?? feedAuthor;
  const contentEl = get('content');
  const content = contentEl && !contentEl.attrs.src ? atomText(contentEl, true) : null;
  const wfw = child(entry, 'commentrss', isWfw);
  const commentsFeed = linkWithRel(entry, isAtom, 'replies', base, FEED_TYPES) ?? (wfw ? resolveUrl(textContent(wfw), base) : null);

  if (!entry.complete && !link && !id) return null; // a fragment cut off by the end of the file
  return makeItem({ id: id || null, title: atomText(get('title')), link, published, author, summary: atomText(get('summary')) ?? mediaText(entry), content, commentsFeed });
}
