// A small, forgiving XML reader for feeds, sitemaps and OPML. One linear pass, no recursion
// while parsing. Real-world feeds break the rules in a few recurring ways, each recovered
// here instead of failing the whole document:
//  - a bare `&` or an undeclared `&name;` stays literal text (HTML names are decoded);
//  - a missing end tag is closed by the parent's end tag; a new <item>/<entry> closes an
//    unclosed previous one; a stray end tag is ignored;
//  - a truncated file ends with every open element closed, each marked `complete: false`.
// SECURITY: a DOCTYPE (with its internal subset) is skipped, never interpreted, so no
// entity is ever expanded (billion laughs) and no external entity is fetched (XXE).
import { decodeEntities } from './entities.js';

export interface XmlElement {
  /** The qualified name as written, e.g. "dc:creator". */
  name: string;
  /** Lower-cased local name ("creator"). */
  local: string;
  /** Lower-cased prefix, '' when none. */
  prefix: string;
  /** Namespace URI resolved from xmlns declarations in scope ('' when none). */
  ns: string;
  /** Attributes with lower-cased names. */
  attrs: Record<string, string>;
  children: XmlNode[];
  parent: XmlElement | null;
  /** False when the element was still open at the end of the input (truncated file). */
  complete: boolean;
}
export type XmlNode = XmlElement | string;

export interface XmlDocument {
  root: XmlElement;
  /** True when the input ended with elements still open. */
  truncated: boolean;
}

// Prefixes commonly used without being declared, mapped to their usual namespace.
const WELL_KNOWN = new Map<string, string>(Object.entries({
  xml: 'http://www.w3.org/XML/1998/namespace',
  atom: 'http://www.w3.org/2005/Atom',
  atom10: 'http://www.w3.org/2005/Atom',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  wfw: 'http://wellformedweb.org/CommentAPI/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  media: 'http://search.yahoo.com/mrss/',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  news: 'http://www.google.com/schemas/sitemap-news/0.9',
  feedburner: 'http://rssnamespace.org/feedburner/ext/1.0',
  thr: 'http://purl.org/syndication/thread/1.0',
  slash: 'http://purl.org/rss/1.0/modules/slash/',
}));

/** Elements nested deeper than this are flattened into their ancestor (stack-safety). */
const MAX_DEPTH = 256;
/** Elements that never contain themselves: opening one closes an unclosed previous one. */
const SELF_CLOSING_SIBLINGS = new Set(['item', 'entry', 'url', 'sitemap']);
/** Text-only fields of items and sitemap entries… */
const TEXT_FIELDS = new Set(['title', 'link', 'guid', 'pubdate', 'description', 'author', 'comments', 'id', 'updated', 'published', 'loc', 'lastmod', 'changefreq', 'priority']);
/** …which the opening of another such field closes when left open ("<title>A<link>…"). */
const FIELD_STARTS = new Set([...TEXT_FIELDS, 'category', 'enclosure', 'summary', 'content', 'encoded', 'creator', 'date', 'source']);

type NsScope = Map<string, string>;

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58 || c > 127;
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function splitName(name: string): { prefix: string; local: string } {
  const colon = name.indexOf(':');
  if (colon <= 0) return { prefix: '', local: name.toLowerCase() };
  return { prefix: name.slice(0, colon).toLowerCase(), local: name.slice(colon + 1).toLowerCase() };
}

/** Skips a DOCTYPE including a bracketed internal subset; returns the index after it. */
function skipDoctype(src: string, start: number): number {
  let i = start + 9;
  let quote = 0;
  let depth = 0;
  for (; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 91) depth++; // [
    else if (c === 93) depth = Math.max(0, depth - 1); // ]
    else if (c === 62 && depth === 0) return i + 1; // >
  }
  return src.length;
}

interface OpenTag {
  name: string;
  attrs: Record<string, string>;
  selfClosing: boolean;
  end: number;
}

/** Reads `<name attr="v" ...>` starting after '<'; null when the input ends inside the tag. */
function readOpenTag(src: string, start: number): OpenTag | null {
  const n = src.length;
  let i = start;
  while (i < n && !isSpace(src.charCodeAt(i)) && src[i] !== '>' && src[i] !== '/') i++;
  const name = src.slice(start, i);
  // No prototype: attribute names like "constructor" or "__proto__" are plain keys.
  const attrs = Object.create(null) as Record<string, string>;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === 62) return { name, attrs, selfClosing: false, end: i + 1 };
    if (c === 47 && src.charCodeAt(i + 1) === 62) return { name, attrs, selfClosing: true, end: i + 2 };
    if (c === 60) return { name, attrs, selfClosing: false, end: i }; // '<': a tag left unfinished
    const ns = i;
    while (i < n && !isSpace(src.charCodeAt(i)) && !'=>/<'.includes(src[i] ?? '')) i++;
    if (i === ns) {
      i++; // a lone '/' or similar junk
      continue;
    }
    const key = src.slice(ns, i).toLowerCase();
    while (i < n && isSpace(src.charCodeAt(i))) i++;
    if (src[i] !== '=') {
      attrs[key] ??= '';
      continue;
    }
    i++;
    while (i < n && isSpace(src.charCodeAt(i))) i++;
    const q = src[i];
    let value: string;
    if (q === '"' || q === "'") {
      const close = src.indexOf(q, i + 1);
      if (close === -1) return null;
      value = src.slice(i + 1, close);
      i = close + 1;
    } else {
      const vs = i;
      while (i < n && !isSpace(src.charCodeAt(i)) && src[i] !== '>') i++;
      value = src.slice(vs, i);
    }
    attrs[key] ??= decodeEntities(value);
  }
  return null;
}

function scopeFor(attrs: Record<string, string>, parent: NsScope): NsScope {
  let scope = parent;
  for (const key in attrs) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) {
      if (scope === parent) scope = new Map(parent);
      scope.set(key === 'xmlns' ? '' : key.slice(6), (attrs[key] ?? '').trim());
    }
  }
  return scope;
}

/** Parses any text as XML, as far as it goes. Never throws on malformed input. */
export function parseXml(src: string): XmlDocument {
  const root: XmlElement = { name: '#document', local: '#document', prefix: '', ns: '', attrs: Object.create(null) as Record<string, string>, children: [], parent: null, complete: true };
  const stack: XmlElement[] = [root];
  const scopes: NsScope[] = [new Map()];
  let skipped = 0; // open tags ignored because of MAX_DEPTH
  const n = src.length;
  let i = src.charCodeAt(0) === 0xfeff ? 1 : 0;

  const top = (): XmlElement => stack[stack.length - 1] ?? root;
  const addText = (text: string): void => {
    if (!text) return;
    const kids = top().children;
    const last = kids.length - 1;
    if (last >= 0 && typeof kids[last] === 'string') kids[last] += text;
    else kids.push(text);
  };
  const popTo = (depth: number): void => {
    stack.length = depth;
    scopes.length = depth;
  };

  while (i < n) {
    const lt = src.indexOf('<', i);
    if (lt === -1) {
      addText(decodeEntities(src.slice(i)));
      break;
    }
    if (lt > i) addText(decodeEntities(src.slice(i, lt)));
    const c = src.charCodeAt(lt + 1);
    if (c === 33) {
      // <!-- -->, <![CDATA[ ]]>, <!DOCTYPE>, other declarations
      if (src.startsWith('<!--', lt)) {
        const end = src.indexOf('-->', lt + 4);
        i = end === -1 ? n : end + 3;
      } else if (src.startsWith('<![CDATA[', lt)) {
        const end = src.indexOf(']]>', lt + 9);
        addText(src.slice(lt + 9, end === -1 ? n : end));
        i = end === -1 ? n : end + 3;
      } else if (/^<!doctype/i.test(src.slice(lt, lt + 9))) {
        i = skipDoctype(src, lt);
      } else {
        const end = src.indexOf('>', lt);
        i = end === -1 ? n : end + 1;
      }
    } else if (c === 63) {
      const end = src.indexOf('?>', lt + 2);
      i = end === -1 ? n : end + 2;
    } else if (c === 47) {
      const end = src.indexOf('>', lt + 2);
      const name = src.slice(lt + 2, end === -1 ? n : end).trim().toLowerCase();
      i = end === -1 ? n : end + 1;
      if (end === -1) break;
      if (skipped > 0) {
        skipped--;
        continue;
      }
      for (let d = stack.length - 1; d > 0; d--) {
        if (stack[d]?.name.toLowerCase() === name) {
          popTo(d);
          break;
        }
      }
    } else if (isNameStart(c)) {
      const tag = readOpenTag(src, lt + 1);
      if (!tag) break; // the input ends inside a tag
      i = tag.end;
      if (stack.length > MAX_DEPTH) {
        if (!tag.selfClosing) skipped++;
        continue;
      }
      const { prefix, local } = splitName(tag.name);
      if (SELF_CLOSING_SIBLINGS.has(local) && !tag.selfClosing) {
        for (let d = stack.length - 1; d > 0; d--) {
          const open = stack[d];
          if (open?.local === local && open.prefix === prefix) {
            popTo(d);
            break;
          }
        }
      }
      if (FIELD_STARTS.has(local) && stack.length > 1) {
        const open = top();
        if (TEXT_FIELDS.has(open.local) && !open.children.some(isElement)) popTo(stack.length - 1);
      }
      const parent = top();
      const scope = scopeFor(tag.attrs, scopes[scopes.length - 1] ?? new Map<string, string>());
      const ns = scope.get(prefix) ?? (prefix ? (WELL_KNOWN.get(prefix) ?? '') : '');
      const el: XmlElement = { name: tag.name, local, prefix, ns, attrs: tag.attrs, children: [], parent, complete: true };
      parent.children.push(el);
      if (!tag.selfClosing) {
        stack.push(el);
        scopes.push(scope);
      }
    } else {
      addText('<');
      i = lt + 1;
    }
  }
  const truncated = stack.length > 1;
  for (const el of stack) el.complete = el === root;
  return { root, truncated };
}

// ---- tree helpers -------------------------------------------------------------------

export function isElement(node: XmlNode | undefined): node is XmlElement {
  return typeof node === 'object' && node !== null;
}

/** Direct child elements, optionally filtered by a predicate. */
export function childElements(el: XmlElement, pred?: (c: XmlElement) => boolean): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (isElement(c) && (!pred || pred(c))) out.push(c);
  return out;
}

/** Concatenated text of the element and its descendants (iterative). */
export function textContent(el: XmlElement): string {
  let out = '';
  const stack: XmlNode[] = [el];
  while (stack.length) {
    const node = stack.pop();
    if (node === undefined) break;
    if (typeof node === 'string') out += node;
    else for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k] as XmlNode);
  }
  return out;
}

/** Text of the element's own text children only (ignores a child swallowed by a missing end tag). */
export function ownText(el: XmlElement): string {
  let out = '';
  for (const c of el.children) if (typeof c === 'string') out += c;
  return out;
}

/**
 * The element's content as markup: text nodes as they are (feeds carry escaped HTML as
 * text, so the text IS the HTML source) or escaped (for real XHTML children), child
 * elements re-serialised with their attributes. Iterative.
 */
export function innerMarkup(el: XmlElement, escapeText: (s: string) => string = (s) => s): string {
  let out = '';
  const stack: Array<XmlNode | { close: string }> = [];
  for (let k = el.children.length - 1; k >= 0; k--) stack.push(el.children[k] as XmlNode);
  while (stack.length) {
    const node = stack.pop();
    if (node === undefined) break;
    if (typeof node === 'string') {
      out += escapeText(node);
    } else if ('close' in node) {
      out += node.close;
    } else {
      let open = `<${node.local}`;
      for (const [k, v] of Object.entries(node.attrs)) if (!k.startsWith('xmlns')) open += ` ${k}="${v.replace(/"/g, '&quot;')}"`;
      out += `${open}>`;
      stack.push({ close: `</${node.local}>` });
      for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k] as XmlNode);
    }
  }
  return out;
}

/** All descendants matching `pred`, in document order, without descending into a match. */
export function collect(root: XmlElement, pred: (el: XmlElement) => boolean): XmlElement[] {
  const out: XmlElement[] = [];
  const stack: XmlElement[] = [];
  for (let k = root.children.length - 1; k >= 0; k--) {
    const c = root.children[k];
    if (isElement(c)) stack.push(c);
  }
  while (stack.length) {
    const el = stack.pop();
    if (!el) break;
    if (pred(el)) {
      out.push(el);
      continue;
    }
    for (let k = el.children.length - 1; k >= 0; k--) {
      const c = el.children[k];
      if (isElement(c)) stack.push(c);
    }
  }
  return out;
}

/** First element in document order matching the predicate (iterative, depth-first). */
export function findFirst(start: XmlElement, pred: (el: XmlElement) => boolean): XmlElement | null {
  const stack: XmlElement[] = [start];
  while (stack.length) {
    const el = stack.pop();
    if (!el) break;
    if (el !== start && pred(el)) return el;
    for (let k = el.children.length - 1; k >= 0; k--) {
      const c = el.children[k];
      if (isElement(c)) stack.push(c);
    }
  }
  return null;
}

/** The element's xml:base chain resolved against the document base; null when none applies. */
export function baseOf(el: XmlElement | null, docBase: string | null): string | null {
  const chain: string[] = [];
  for (let e = el; e; e = e.parent) {
    const b = e.attrs['xml:base'];
    if (b !== undefined) chain.push(b.trim());
  }
  let base = docBase;
  for (let k = chain.length - 1; k >= 0; k--) {
    const b = chain[k] ?? '';
    if (!b) continue; // xml:base="" means "the document itself"
    base = resolveUrl(b, base) ?? base;
  }
  return base;
}

/** Resolves a reference against a base; the reference itself when no base helps; null when empty. */
export function resolveUrl(ref: string | null | undefined, base: string | null | undefined): string | null {
  const r = (ref ?? '').trim();
  if (!r) return null;
  // Absolute references are kept as written (no re-serialisation: "http://h" stays without a slash).
  if (/^[a-z][a-z0-9+.-]*:/i.test(r)) return r;
  if (base) {
    try {
      return new URL(r, base).href;
    } catch {
      return r;
    }
  }
  return r;
}
