// Bytes → text for XML and JSON documents: BOM, then the Content-Type charset (RFC 7303:
// the transport wins), then the XML declaration, then statistical detection.
import { decodeText } from '../extract/charset.js';

const XML_DECLARATION = /^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/i;

export function decodeDocument(bytes: Buffer, contentType: string | null = null, warn?: (message: string) => void): string {
  const decl = /charset\s*=/i.test(contentType ?? '') ? null : XML_DECLARATION.exec(bytes.subarray(0, 1024).toString('latin1'));
  const decoded = decodeText(bytes, decl ? `text/xml; charset=${decl[1]}` : contentType);
  for (const w of decoded.warnings) warn?.(w);
  return decoded.text;
}
