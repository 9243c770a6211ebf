// OPML subscription lists ↔ sources. Reading: every outline with a URL is a source; the
// titles of the folders it sits in (and its OPML 2.0 `category` values) become its tags.
// Writing: OPML 2.0, one folder per first tag, other tags in `category`, so a list
// written here reads back with the same tags. Non-feed kinds travel in `readoutKind`.
import { ReadoutError } from '../core/errors.js';
import { SOURCE_KINDS, type SourceKind } from '../core/types.js';
import { escapeXml } from './entities.js';
import { collapseWhitespace } from './text.js';
import { findFirst, parseXml, type XmlElement } from './xml.js';

export interface OpmlSource {
  url: string;
  title: string | null;
  kind?: SourceKind;
  tags: string[];
}

export interface OpmlSourceIn {
  url: string;
  title: string | null;
  kind: SourceKind;
  tags: string[];
}

// Attribute text: escaped, without the control characters XML 1.0 forbids.
// eslint-disable-next-line no-control-regex
const esc = (s: string): string => escapeXml(s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ''));

const attr = (el: XmlElement, name: string): string => collapseWhitespace(el.attrs[name.toLowerCase()] ?? '');

function categories(el: XmlElement): string[] {
  return attr(el, 'category')
    .split(',')
    .map((c) => c.trim().replace(/^\/+|\/+$/g, ''))
    .filter(Boolean);
}

/** Sources listed in an OPML document, deduplicated by URL (tags merged), in document order. */
export function parseOpml(text: string): OpmlSource[] {
  const doc = parseXml(text);
  const opml = findFirst(doc.root, (el) => el.local === 'opml');
  if (!opml) {
    throw new ReadoutError('parse', 'not an OPML document: no <opml> element', { hint: 'export the subscription list from your feed reader as OPML' });
  }
  const body = findFirst(opml, (el) => el.local === 'body') ?? opml;
  const byUrl = new Map<string, OpmlSource>();
  // Depth-first with the folder path carried along (explicit stack, no recursion).
  const stack: Array<{ el: XmlElement; tags: string[] }> = [];
  const pushChildren = (el: XmlElement, tags: string[]): void => {
    for (let k = el.children.length - 1; k >= 0; k--) {
      const c = el.children[k];
      if (typeof c === 'object' && c.local === 'outline') stack.push({ el: c, tags });
    }
  };
  pushChildren(body, []);
  while (stack.length) {
    const next = stack.pop();
    if (!next) break;
    const { el, tags } = next;
    const xmlUrl = attr(el, 'xmlUrl');
    const pageUrl = attr(el, 'htmlUrl') || (attr(el, 'type').toLowerCase() === 'link' ? attr(el, 'url') : '');
    const url = xmlUrl || pageUrl;
    const label = attr(el, 'title') || attr(el, 'text');
    if (url && attr(el, 'type').toLowerCase() !== 'include') {
      const declared = attr(el, 'readoutKind') as SourceKind;
      const kind = SOURCE_KINDS.includes(declared) ? declared : xmlUrl ? 'feed' : undefined;
      const allTags = [...new Set([...tags, ...categories(el)])];
      const seen = byUrl.get(url);
      if (seen) seen.tags = [...new Set([...seen.tags, ...allTags])];
      else byUrl.set(url, { url, title: label || null, ...(kind ? { kind } : {}), tags: allTags });
    }
    pushChildren(el, label && !url ? [...tags, label] : tags);
  }
  return [...byUrl.values()];
}

function outline(s: OpmlSourceIn, indent: string): string {
  const title = esc(s.title ?? s.url);
  const url = esc(s.url);
  const rest = s.tags.slice(1);
  const category = rest.length ? ` category="${esc(rest.map((t) => t.replace(/,/g, ' ')).join(','))}"` : '';
  if (s.kind === 'feed') return `${indent}<outline type="rss" text="${title}" title="${title}" xmlUrl="${url}"${category}/>`;
  return `${indent}<outline type="link" text="${title}" title="${title}" htmlUrl="${url}" url="${url}" readoutKind="${s.kind}"${category}/>`;
}

/** An OPML 2.0 document listing the sources, grouped in folders by their first tag. */
export function writeOpml(sources: OpmlSourceIn[], title = 'Readout sources'): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">', '  <head>', `    <title>${esc(title)}</title>`, '  </head>', '  <body>'];
  const folders = new Map<string, OpmlSourceIn[]>();
  for (const s of sources) {
    const first = s.tags[0];
    if (!first) {
      lines.push(outline(s, '    '));
      continue;
    }
    const list = folders.get(first) ?? [];
    list.push(s);
    folders.set(first, list);
  }
  for (const [tag, list] of folders) {
    lines.push(`    <outline text="${esc(tag)}" title="${esc(tag)}">`);
    for (const s of list) lines.push(outline(s, '      '));
    lines.push('    </outline>');
  }
  lines.push('  </body>', '</opml>', '');
  return lines.join('\n');
}
