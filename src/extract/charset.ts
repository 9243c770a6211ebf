// Bytes → text. Order of evidence: BOM, HTTP Content-Type header, <meta charset> /
// http-equiv, XML declaration, statistical detection, then UTF-8. Every label goes through
// the WHATWG aliases (latin1/iso-8859-1 mean windows-1252, as browsers do). A declared
// charset that leaves invalid sequences gives way to the detected one, UTF-7 is never
// honoured, and stray C0 control bytes are dropped; `warnings` says what was done.
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  /** The charset used, lower-case (e.g. "utf-8", "euc-kr", "shift_jis"). */
  charset: string;
  via: 'bom' | 'header' | 'meta' | 'xml-declaration' | 'detected' | 'default';
  /** The charset the document declared when it was not used (it did not decode the bytes cleanly, or it is UTF-7). */
  declared: string | null;
  /** What was overridden or repaired, for the logs: a declared charset not used, control bytes dropped. */
  warnings: string[];
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
  if (isUtf7(name)) return null;
  return iconv.encodingExists(name) ? name : null;
}

/**
 * UTF-7 is never honoured (browsers dropped it): "+ADw-script+AD4-" decodes to "<script>",
 * so a page or feed declaring it could smuggle markup past every check made on the bytes.
 */
function isUtf7(label: string): boolean {
  return /^(?:utf-?7|unicode-1-1-utf-7|csunicode11utf7|x-unicode(?:20)?utf7)$/i.test(label.trim());
}

function fromBom(body: Buffer): string | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  return null;
}

const headerLabel = (contentType: string | null | undefined): string | null => /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? '')?.[1] ?? null;
const metaLabel = (head: string): string | null => /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head)?.[1] ?? null;
const xmlLabel = (head: string): string | null => /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ?? null;

export function charsetFromContentType(contentType: string | null | undefined): string | null {
  return normaliseCharset(headerLabel(contentType));
}

/** A declared label as a usable charset name, or null. */
function declaredCharset(label: string, via: DecodedText['via']): string | null {
  const name = normaliseCharset(label);
  // WHATWG prescan: a <meta> readable as ASCII cannot really mean UTF-16 (a common
  // template mistake); browsers read such pages as UTF-8.
  return via === 'meta' && name && /^utf-?16/.test(name) ? 'utf-8' : name;
}

function detect(body: Buffer): string | null {
  // Pure ASCII or valid UTF-8 is UTF-8; only otherwise ask the statistical detector.
  if (isValidUtf8(body)) return 'utf-8';
  const guess = chardet.detect(body.subarray(0, 64 * 1024));
  const name = normaliseCharset(guess === 'ISO-8859-1' ? 'windows-1252' : guess);
  return name;
}

/** Valid UTF-8 in the first 256 KB (`window`), or in the whole body. */
function isValidUtf8(body: Buffer, window = true): boolean {
  try {
    // stream: true so a multi-byte sequence cut by the 256 KB window does not count as invalid.
    new TextDecoder('utf-8', { fatal: true }).decode(window ? body.subarray(0, 256 * 1024) : body, { stream: window });
    return true;
  } catch (err) {
    if (err instanceof TypeError) return false;
    throw err;
  }
}

// C0 controls other than tab, line feed, form feed and carriage return: never text, often
// padding or corruption (a NUL in a feed). Dropped rather than refusing the document.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b\u000e-\u001f]/g;

function decodeWith(body: Buffer, charset: string): string {
  const text = iconv.decode(body, charset);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function finish(text: string, charset: string, via: DecodedText['via'], warnings: string[], declared: string | null = null): DecodedText {
  let dropped = 0;
  const clean = text.replace(CONTROLS, () => {
    dropped++;
    return '';
  });
  if (dropped > 0) warnings.push(`${dropped} control character${dropped === 1 ? '' : 's'} (NUL etc.) dropped`);
  return { text: clean, charset, via, declared, warnings };
}

const SINGLE_BYTE = /^(?:windows-125\d|iso-8859-\d+|koi8-[ru]|macintosh|cp\d{3,4})$/;

function hasNonAscii(body: Buffer): boolean {
  return body.some((b) => b >= 0x80);
}

function replacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/**
 * The declared charset, unless it leaves replacement characters that another charset (the
 * detected one) does not: a Latin-1 page served as UTF-8 is read as what its bytes are, and
 * the warning says so.
 */
function decodeDeclared(body: Buffer, charset: string, via: DecodedText['via'], warnings: string[]): DecodedText {
  // A single-byte charset decodes any bytes without a replacement, so a UTF-8 page declared
  // windows-1252 would silently become mojibake. Non-ASCII bytes that are all valid UTF-8
  // sequences almost never occur in real single-byte text: such a body is UTF-8.
  if (SINGLE_BYTE.test(charset) && hasNonAscii(body) && isValidUtf8(body, false)) {
    warnings.push(`declared charset ${charset} (${via}) does not fit the bytes (they are valid UTF-8 with multi-byte characters); decoded as utf-8 (detected)`);
    return finish(decodeWith(body, 'utf-8'), 'utf-8', 'detected', warnings, charset);
  }
  const text = decodeWith(body, charset);
  const bad = replacements(text);
  // Valid UTF-8 may spell U+FFFD itself; only invalid bytes make a declared charset wrong.
  if (bad === 0 || (charset === 'utf-8' && isValidUtf8(body, false))) return finish(text, charset, via, warnings);
  const detected = detect(body);
  if (detected && detected !== charset) {
    const other = decodeWith(body, detected);
    if (replacements(other) < bad) {
      warnings.push(`declared charset ${charset} (${via}) does not decode the bytes cleanly (${bad} invalid sequence${bad === 1 ? '' : 's'}); decoded as ${detected} (detected)`);
      return finish(other, detected, 'detected', warnings, charset);
    }
  }
  return finish(text, charset, via, warnings);
}

export function decodeText(body: Buffer, contentType: string | null = null): DecodedText {
  const bom = fromBom(body);
  if (bom) return finish(decodeWith(body, bom), bom, 'bom', []);
  const warnings: string[] = [];
  let refused: string | null = null;
  const head = body.subarray(0, 4096).toString('latin1');
  const declared: Array<[string | null, DecodedText['via']]> = [[headerLabel(contentType), 'header'], [metaLabel(head), 'meta'], [xmlLabel(head), 'xml-declaration']];
  for (const [label, via] of declared) {
    if (!label) continue;
    if (isUtf7(label)) {
      refused ??= label.toLowerCase();
      warnings.push(`declared charset ${label} (${via}) ignored: UTF-7 is never honoured`);
      continue;
    }
    const charset = declaredCharset(label, via);
    if (charset) {
      const decoded = decodeDeclared(body, charset, via, warnings);
      return refused && !decoded.declared ? { ...decoded, declared: refused } : decoded;
    }
  }
  const detected = detect(body) ?? 'utf-8';
  return finish(decodeWith(body, detected), detected, detected === 'utf-8' ? 'default' : 'detected', warnings, refused);
}
