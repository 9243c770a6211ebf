// Feed documents (RSS 0.9x/1.0/2.0, Atom, JSON Feed) → ParsedFeed. Pure: bytes or text in,
// data out. Bytes are decoded from BOM, Content-Type charset or XML declaration. XML goes
// through the forgiving reader in ./xml.ts (no DOCTYPE processing, so no entity expansion
// and no external entities), which also salvages truncated and badly nested files.
import type { ParsedFeed } from '../core/types.js';
import { ReadoutError } from '../core/errors.js';
import { decodeDocument } from './decode.js';
import { isBinary } from './detect.js';
import { NS } from './feed-common.js';
import { readAtom } from './feed-atom.js';
import { isJsonFeed, readJsonFeed } from './feed-json.js';
import { readRss } from './feed-rss.js';
import { findFirst, parseXml, type XmlElement } from './xml.js';

export interface ParseFeedOptions {
  /** The HTTP Content-Type, when known (its charset wins over the XML declaration). */
  contentType?: string | null;
  /** How errors name the document (a file name); defaults to baseUrl, else "the document". */
  label?: string;
  /** Told what decoding overrode or repaired (a declared charset not used, control bytes dropped). */
  warn?: (message: string) => void;
}

const notAFeed = (where: string, what: string, hint: string): ReadoutError =>
  new ReadoutError('parse', `${where} is not a feed: ${what}`, { hint });

const hasChild = (el: XmlElement, ...locals: string[]): boolean => el.children.some((c) => typeof c === 'object' && locals.includes(c.local));

function isFeedRoot(el: XmlElement): boolean {
  if (el.local === 'rss') return true;
  // Atom in any namespace spelling (or none), as long as it looks like a feed.
  if (el.local === 'feed') return el.ns === '' || /atom/i.test(el.ns) || hasChild(el, 'entry');
  if (el.local === 'rdf' && (el.prefix === 'rdf' || el.ns === NS.rdf)) return hasChild(el, 'channel', 'item');
  // A bare <channel> (RSS without its <rss> wrapper) at the top of the document.
  return el.local === 'channel' && el.parent?.local === '#document' && hasChild(el, 'item');
}

function insideHtml(el: XmlElement): boolean {
  for (let p = el.parent; p; p = p.parent) if (p.local === 'html' || p.local === 'body') return true;
  return false;
}

function describeXml(root: XmlElement, where: string): ReadoutError {
  const first = root.children.find((c): c is XmlElement => typeof c === 'object');
  const name = first?.local ?? '';
  if (['html', 'head', 'body'].includes(name)) {
    return notAFeed(where, 'it is an HTML page', 'give the feed URL itself; `readout` can find it from the page\'s <link rel="alternate"> tags');
  }
  if (name === 'urlset' || name === 'sitemapindex') return notAFeed(where, 'it is an XML sitemap', 'add it as a sitemap source instead');
  if (name === 'opml') return notAFeed(where, 'it is an OPML subscription list', 'import it as a list of sources instead');
  if (first) return notAFeed(where, `its root element is <${first.name}>, not <rss>, <feed> or <rdf:RDF>`, 'check that the URL or file is an RSS, Atom or JSON feed');
  return notAFeed(where, 'it has no XML elements', 'check that the URL or file is an RSS, Atom or JSON feed');
}

/** Parses a feed document. `baseUrl` (where it came from) resolves relative links. */
export function parseFeed(input: string | Buffer, baseUrl: string | null, opts: ParseFeedOptions = {}): ParsedFeed {
  const where = opts.label ?? baseUrl ?? 'the document';
  if (Buffer.isBuffer(input) && isBinary(input)) {
    const gz = input[0] === 0x1f && input[1] === 0x8b;
    throw notAFeed(where, gz ? 'it is gzip-compressed data' : 'it is binary data', gz ? 'decompress it first' : 'check that the URL or file is an RSS, Atom or JSON feed');
  }
  // Stray NULs are dropped (by decodeDocument for bytes), not taken as proof of binary data.
  const text = typeof input === 'string' ? input.replaceAll('\u0000', '') : decodeDocument(input, opts.contentType ?? null, opts.warn);
  const start = text.search(/[^\s\ufeff]/);
  if (start === -1) throw notAFeed(where, 'it is empty', 'check the URL or file');
  if (text[start] === '{' || text[start] === '[') return parseJson(text.slice(start), baseUrl, where);

  const doc = parseXml(text);
  const root = findFirst(doc.root, (el) => isFeedRoot(el) && !insideHtml(el));
  if (!root) throw describeXml(doc.root, where);
  return root.local === 'feed' ? readAtom(root, baseUrl) : readRss(root, baseUrl);
}

function parseJson(text: string, baseUrl: string | null, where: string): ParsedFeed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const salvaged = salvageJsonFeed(text);
    if (salvaged) return readJsonFeed(salvaged, baseUrl);
    throw new ReadoutError('parse', `${where} is not a feed: invalid JSON (${err instanceof Error ? err.message : String(err)})`, {
      hint: 'check that the file is a complete JSON Feed',
      cause: err,
    });
  }
  if (!isJsonFeed(value)) throw notAFeed(where, 'it is JSON but not a JSON Feed (no "version": "https://jsonfeed.org/version/…")', 'check that the URL or file is an RSS, Atom or JSON feed');
  return readJsonFeed(value, baseUrl);
}

/** Index just past the JSON object or string starting at `i`, or -1 when the input ends first. */
function skipJsonValue(text: string, i: number): number {
  let depth = 0;
  let inString = false;
  for (let j = i; j < text.length; j++) {
    const c = text[j];
    if (inString) {
      if (c === '\\') j++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return j + 1;
    }
  }
  return -1;
}

/** A truncated JSON Feed: the header fields and every complete item before the cut. */
function salvageJsonFeed(text: string): Record<string, unknown> | null {
  const m = /"items"\s*:\s*\[/.exec(text);
  if (!m || !/jsonfeed\.org\/version/i.test(text.slice(0, m.index))) return null;
  const head: Record<string, unknown> = {};
  for (const key of ['title', 'home_page_url', 'feed_url']) {
    const f = new RegExp(`"${key}"\\s*:\\s*("(?:[^"\\\\]|\\\\.)*")`).exec(text.slice(0, m.index));
    if (f?.[1]) head[key] = JSON.parse(f[1]) as unknown;
  }
  const items: unknown[] = [];
  let i = m.index + m[0].length;
  for (;;) {
    while (i < text.length && /[\s,]/.test(text[i] ?? '')) i++;
    if (text[i] !== '{') break;
    const end = skipJsonValue(text, i);
    if (end === -1) break;
    try {
      items.push(JSON.parse(text.slice(i, end)));
    } catch {
      break;
    }
    i = end;
  }
  return items.length ? { ...head, items } : null;
}
