// What kind of document is this? Content is sniffed first (root element, JSON shape, binary
// bytes); the Content-Type and the file extension only decide when the content is ambiguous.

export type DocumentType = 'feed' | 'sitemap' | 'opml' | 'html' | 'jsonl' | 'text' | 'binary';

export interface DetectHint {
  contentType?: string | null;
  path?: string | null;
}

const SNIFF_BYTES = 64 * 1024;

const SIGNATURES: Array<[string, number[]]> = [
  ['gzip data', [0x1f, 0x8b]],
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
];

/** Below this many NUL/control bytes in the sniffed head, a document is text with stray bytes. */
const MIN_CONTROL_BYTES = 4;
/** ...and above this share of the head, it is binary. */
const MAX_CONTROL_SHARE = 0.02;

/**
 * What kind of non-text these bytes are ("PDF", "PNG image", "binary data"), or null for
 * text: magic numbers, or a steady share of NUL and other C0 control bytes (outside UTF-16).
 * A few stray NULs or control bytes in a long feed or page are not evidence: decodeText
 * drops them (src/extract/charset.ts), so one bad byte never rejects a whole document.
 */
export function binaryKind(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 8192);
  if (head.length === 0) return null;
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return null; // UTF-16 BOM
  for (const [name, sig] of SIGNATURES) if (sig.every((b, i) => head[i] === b)) return name;
  let control = 0;
  for (let k = 0; k < head.length; k++) {
    const b = head[k] ?? 0;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return control >= MIN_CONTROL_BYTES && control / head.length > MAX_CONTROL_SHARE ? 'binary data' : null;
}

export function isBinary(bytes: Buffer): boolean {
  return binaryKind(bytes) !== null;
}

function headText(bytes: Buffer): string {
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head[0] === 0xff && head[1] === 0xfe) return head.subarray(2).toString('utf16le');
  if (head[0] === 0xfe && head[1] === 0xff) return Buffer.from(head.subarray(2)).swap16().toString('utf16le');
  return head.toString('utf8').replace(/^\ufeff/, '');
}

/** The first element name after prolog junk (declarations, comments, DOCTYPE, PIs), lower-cased. */
function firstElement(text: string): { name: string; doctypeHtml: boolean } | null {
  let i = 0;
  let doctypeHtml = false;
  for (let guard = 0; guard < 100; guard++) {
    const lt = text.indexOf('<', i);
    if (lt === -1) return null;
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt);
      if (end === -1) return null;
      i = end + 3;
    } else if (text[lt + 1] === '?' || text[lt + 1] === '!') {
      if (/^<!doctype\s+html/i.test(text.slice(lt, lt + 15))) doctypeHtml = true;
      const end = text.indexOf('>', lt);
      if (end === -1) return null;
      i = end + 1;
    } else {
      const m = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(lt, lt + 100));
      if (!m?.[1]) {
        i = lt + 1;
        continue;
      }
      return { name: m[1].toLowerCase(), doctypeHtml };
    }
  }
  return null;
}

function sniffJson(text: string): DocumentType | null {
  if (/^\{[\s\S]{0,2000}?"version"\s*:\s*"https?:\\?\/\\?\/jsonfeed\.org/.test(text)) return 'feed';
  // JSON Lines: every complete line (the last may be cut by the sniff window) is an object.
  const lines = text.split('\n');
  if (text.length >= SNIFF_BYTES) lines.pop();
  const nonEmpty = lines.map((l) => l.trim()).filter(Boolean);
  if (nonEmpty.length === 0) return null;
  for (const line of nonEmpty.slice(0, 50)) {
    if (!line.startsWith('{') || !line.endsWith('}')) return null;
    try {
      const v: unknown = JSON.parse(line);
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
    } catch {
      return null;
    }
  }
  return 'jsonl';
}

const HTML_START = /^(html|head|body|div|p|span|meta|link|script|style|table|title|h[1-6]|br|a|img|form|section|article|header|nav|ul|center|font|b|i)$/;

function fromContent(text: string): DocumentType | null {
  const t = text.trimStart();
  if (!t) return null;
  if (t[0] === '{' || t[0] === '[') return sniffJson(t);
  if (t[0] === '<') {
    const first = firstElement(t);
    if (!first) return null;
    const name = first.name === 'rdf:rdf' ? first.name : first.name.slice(first.name.indexOf(':') + 1);
    if (name === 'rss' || name === 'feed' || name === 'rdf:rdf' || name === 'channel') return 'feed';
    if (name === 'urlset' || name === 'sitemapindex') return 'sitemap';
    if (name === 'opml') return 'opml';
    if (first.doctypeHtml || HTML_START.test(name)) return 'html';
    return null; // some other XML: let the hints decide
  }
  // Text before the first tag: HTML only when the page says so early on.
  return /<!doctype\s+html|<html[\s>]/i.test(t.slice(0, 2048)) ? 'html' : null;
}

function fromHint(hint: DetectHint): DocumentType | null {
  const ct = (hint.contentType ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
  if (/(rss|atom|feed)\+(xml|json)$|^application\/rdf\+xml$/.test(ct)) return 'feed';
  if (/opml/.test(ct)) return 'opml';
  if (ct === 'text/html' || ct === 'application/xhtml+xml') return 'html';
  if (/ndjson|jsonl|json-seq/.test(ct)) return 'jsonl';
  const ext = /\.([a-z0-9]+)$/i.exec(hint.path ?? '')?.[1]?.toLowerCase() ?? '';
  if (['rss', 'atom', 'rdf'].includes(ext)) return 'feed';
  if (ext === 'opml') return 'opml';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  if (['txt', 'text', 'md'].includes(ext) || ct.startsWith('text/plain')) return 'text';
  return null;
}

/** Classifies a document from its bytes, with the Content-Type and path as tie-breakers. */
export function detectDocument(bytes: Buffer, hint: DetectHint = {}): DocumentType {
  if (isBinary(bytes)) return 'binary';
  return fromContent(headText(bytes)) ?? fromHint(hint) ?? 'text';
}
