// Bytes → text. Order of evidence: BOM, HTTP Content-Type header, <meta charset> /
// http-equiv, XML declaration, statistical detection, then UTF-8. Every label goes through
// the WHATWG aliases (latin1/iso-8859-1 mean windows-1252, as browsers do).
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  /** The charset used, lower-case (e.g. "utf-8", "euc-kr", "shift_jis"). */
  charset: string;
  via: 'bom' | 'header' | 'meta' | 'xml-declaration' | 'detected' | 'default';
}

const ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'ks_c_5601-1987': 'euc-kr',
  'x-euc-kr': 'euc-kr',
  'x-sjis': 'shift_jis',
  sjis: 'shift_jis',
  'x-cp1251': 'windows-1251',
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  gb2312: 'gbk',
};

/** A usable charset name for a label, or null when iconv cannot decode it. */
export function normaliseCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  const name = ALIASES[l] ?? l;
  return iconv.encodingExists(name) ? name : null;
}

function fromBom(body: Buffer): string | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  return null;
}

export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const m = /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? '');
  return m ? normaliseCharset(m[1]) : null;
}

function fromMeta(head: string): string | null {
  const direct = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head);
  if (!direct) return null;
  const name = normaliseCharset(direct[1]);
  // WHATWG prescan: a <meta> readable as ASCII cannot really mean UTF-16 (a common
  // template mistake); browsers read such pages as UTF-8.
  return name && /^utf-?16/.test(name) ? 'utf-8' : name;
}

function fromXmlDeclaration(head: string): string | null {
  const m = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return m ? normaliseCharset(m[1]) : null;
}

function detect(body: Buffer): string | null {
  // Pure ASCII or valid UTF-8 is UTF-8; only otherwise ask the statistical detector.
  if (isValidUtf8(body)) return 'utf-8';
  const guess = chardet.detect(body.subarray(0, 64 * 1024));
  const name = normaliseCharset(guess === 'ISO-8859-1' ? 'windows-1252' : guess);
  return name;
}

function isValidUtf8(body: Buffer): boolean {
  try {
    // stream: true so a multi-byte sequence cut by the 256 KB window does not count as invalid.
    new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(0, 256 * 1024), { stream: true });
    return true;
  } catch (err) {
    if (err instanceof TypeError) return false;
    throw err;
  }
}

function decodeWith(body: Buffer, charset: string, via: DecodedText['via']): DecodedText {
  let text = iconv.decode(body, charset);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, charset, via };
}

export function decodeText(body: Buffer, contentType: string | null = null): DecodedText {
  const bom = fromBom(body);
  if (bom) return decodeWith(body, bom, 'bom');
  const header = charsetFromContentType(contentType);
  if (header) return decodeWith(body, header, 'header');
  const head = body.subarray(0, 4096).toString('latin1');
  const meta = fromMeta(head);
  if (meta) return decodeWith(body, meta, 'meta');
  const xml = fromXmlDeclaration(head);
  if (xml) return decodeWith(body, xml, 'xml-declaration');
  const detected = detect(body);
  if (detected) return decodeWith(body, detected, detected === 'utf-8' ? 'default' : 'detected');
  return decodeWith(body, 'utf-8', 'default');
}
