// Bytes → text for XML and JSON documents: BOM, then the Content-Type charset (RFC 7303:
// the transport wins), then the XML declaration, then statistical detection.
import { decodeText } from '../extract/charset.js';

const XML_DECLARATION = /^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/i;

export function decodeDocument(bytes: Buffer, contentType: string | null = null): string {
  if (/charset\s*=/i.test(contentType ?? '')) return decodeText(bytes, contentType).text;
  const decl = XML_DECLARATION.exec(bytes.subarray(0, 1024).toString('latin1'));
  return decodeText(bytes, decl ? `text/xml; charset=${decl[1]}` : null).text;
}
