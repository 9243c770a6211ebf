// HTML fragments from feeds (descriptions, content:encoded, JSON Feed content_html) → plain
// text. A linear scanner, not a DOM: feed fragments are small, often broken, and only
// their text is needed. Block elements start a paragraph, <br> a line; script/style and
// similar containers are dropped; entities are decoded once, after tags are removed.
import { decodeEntities } from './entities.js';

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main',
  'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
  'center', 'body', 'html',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'head', 'title', 'select', 'textarea']);

// \s covers the Unicode spaces (no-break, en/em, ideographic, BOM); zero-width space added.
const SPACES = /[\s\u200b]+/g;

/** Collapses runs of whitespace (including no-break and zero-width spaces) to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(SPACES, ' ').trim();
}

/** True when a string looks like it carries HTML markup or entity references. */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-zA-Z][^<>]*>|&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.test(text);
}

// Break markers: private-use characters, removed from the input first so they cannot clash.
const PARA = '\ue000';
const LINE = '\ue001';
const BREAKS = /[\ue000\ue001]/g;

function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 58 || c === 45;
}

/** Lower-case local name of the tag whose name starts at `start` ("h:p" → "p"). */
function tagName(src: string, start: number): string {
  let j = start;
  while (j < src.length && isNameChar(src.charCodeAt(j))) j++;
  const name = src.slice(start, j).toLowerCase();
  const colon = name.indexOf(':');
  return colon >= 0 ? name.slice(colon + 1) : name;
}

/** Index just past the '>' closing a tag that starts at `lt`, honouring quoted attribute values. */
function tagEnd(src: string, lt: number): number {
  let quote = 0;
  let prev = 0; // last non-space character outside quotes
  for (let j = lt + 1; j < src.length; j++) {
    const c = src.charCodeAt(j);
    if (quote) {
      if (c === quote) quote = 0;
    } else if ((c === 34 || c === 39) && prev === 61) {
      quote = c; // only an attribute value (right after '=') opens a quote
    } else if (c === 62) {
      return j + 1;
    } else if (c !== 32 && c !== 9 && c !== 10 && c !== 13) {
      prev = c;
    }
  }
  return src.length;
}

/**
 * HTML → plain text. With `paragraphs`, paragraphs are separated by a blank line and <br>
 * breaks kept as newlines; otherwise everything is collapsed onto one line.
 */
export function htmlToText(html: string, opts: { paragraphs?: boolean } = {}): string {
  // Raw text and break markers; entities are decoded once per paragraph at the end.
  const parts: string[] = [];
  if (html.includes(PARA) || html.includes(LINE)) html = html.replace(BREAKS, '');
  const n = html.length;
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      parts.push(html.slice(i));
      break;
    }
    if (lt > i) parts.push(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? n : end + 3;
      continue;
    }
    if (html.startsWith('<![CDATA[', lt)) {
      const end = html.indexOf(']]>', lt + 9);
      parts.push(html.slice(lt + 9, end === -1 ? n : end).replace(/&/g, '&amp;'));
      i = end === -1 ? n : end + 3;
      continue;
    }
    const closing = html.charCodeAt(lt + 1) === 47;
    const first = html.charCodeAt(closing ? lt + 2 : lt + 1);
    if (!((first >= 97 && first <= 122) || (first >= 65 && first <= 90) || first === 33 || first === 63)) {
      parts.push('<');
      i = lt + 1;
      continue;
    }
    const name = tagName(html, lt + (closing ? 2 : 1));
    i = tagEnd(html, lt);
    if (!closing && SKIP.has(name) && html.charCodeAt(i - 2) !== 47) {
      const closeRe = new RegExp(`</${name}[\\s>]`, 'gi');
      closeRe.lastIndex = i;
      const close = closeRe.exec(html);
      i = close ? tagEnd(html, close.index) : n;
      continue;
    }
    if (name === 'br') parts.push(LINE);
    else if (BLOCK.has(name)) parts.push(PARA);
    else if (name === 'img' || name === 'td' || name === 'th') parts.push(' ');
  }
  const raw = parts.join('');
  if (!opts.paragraphs) return collapseWhitespace(decodeEntities(raw.replace(BREAKS, ' ')));
  return raw
    .split(PARA)
    .map((p) =>
      p
        .split(LINE)
        .map((l) => collapseWhitespace(decodeEntities(l)))
        .filter(Boolean)
        .join('\n'),
    )
    .filter(Boolean)
    .join('\n\n');
}

/** Plain text that is HTML or plain: markup stripped when present, whitespace collapsed. */
export function toPlain(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const out = looksLikeHtml(text) ? htmlToText(text) : collapseWhitespace(text);
  return out || null;
}

/** Cuts text at a word boundary near `max` characters, adding an ellipsis when cut. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
