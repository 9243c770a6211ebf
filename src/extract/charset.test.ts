// decodeText when the declared charset and the bytes disagree: the bytes win (and the result
// says so), UTF-7 is never honoured, stray control bytes are dropped.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, normaliseCharset } from './charset.js';

const normalised = (label: string) => normaliseCharset(label) ?? label;

const PROSE = 'Café talks in Zürich: the naïve résumé of a façade, über alles. ';
const page = (charsetMeta: string, body: string) => `<html><head><meta charset="${charsetMeta}"><title>Café</title></head><body><p>${body}</p></body></html>`;

describe('decodeText', () => {
  it('reads Latin-1 bytes declared UTF-8 (header or meta) as Latin-1, and says which charset was used and why', () => {
    const bytes = iconv.encode(page('utf-8', PROSE.repeat(3)), 'latin1');
    for (const contentType of ['text/html; charset=UTF-8', null]) {
      const d = decodeText(bytes, contentType);
      expect(d.text).toContain('Café talks in Zürich: the naïve résumé');
      expect(d.text).not.toContain('\ufffd');
      expect(d).toMatchObject({ charset: 'windows-1252', via: 'detected', declared: 'utf-8' });
      expect(d.warnings.join(' ')).toMatch(/declared charset utf-8 \((header|meta)\) does not decode the bytes cleanly .*decoded as windows-1252/);
    }
  });

  it('keeps a declared charset that decodes cleanly, a literal U+FFFD in valid UTF-8 included', () => {
    const d = decodeText(Buffer.from(page('utf-8', `${PROSE} Replacement sign: \ufffd.`)));
    expect(d).toMatchObject({ charset: 'utf-8', via: 'meta', declared: null, warnings: [] });
    expect(d.text).toContain('Replacement sign: \ufffd.');
    const latin = decodeText(iconv.encode(page('iso-8859-1', PROSE), 'latin1'));
    expect(latin).toMatchObject({ charset: 'windows-1252', via: 'meta', declared: null });
  });

  it('reads UTF-8 bytes declared windows-1252 or ISO-8859-x as UTF-8 instead of mojibake, and says so', () => {
    for (const declared of ['windows-1252', 'iso-8859-2']) {
      const d = decodeText(Buffer.from(page(declared, PROSE)), `text/html; charset=${declared}`);
      expect(d.text).toContain('Café talks in Zürich');
      expect(d.text).not.toContain('CafÃ©');
      expect(d).toMatchObject({ charset: 'utf-8', via: 'detected' });
      expect(d.declared).toBe(normalised(declared));
      expect(d.warnings.join(' ')).toMatch(/valid UTF-8 with multi-byte characters/);
    }
    // Plain ASCII under a single-byte label stays as declared (nothing to disagree about).
    expect(decodeText(Buffer.from('<html><head><meta charset="windows-1252"></head><p>Talks resume.</p></html>'))).toMatchObject({ charset: 'windows-1252', via: 'meta', declared: null });
  });

  it('never honours UTF-7, from a header, a meta tag or an XML declaration', () => {
    const smuggled = '+ADw-script+AD4-alert(1)+ADw-/script+AD4-';
    const cases: Array<[Buffer, string | null]> = [
      [Buffer.from(page('utf-7', smuggled)), null],
      [Buffer.from(`<html><title>${smuggled}</title></html>`), 'text/html; charset=UTF-7'],
      [Buffer.from(`<?xml version="1.0" encoding="utf-7"?><rss><channel><title>${smuggled}</title></channel></rss>`), null],
    ];
    for (const [bytes, contentType] of cases) {
      const d = decodeText(bytes, contentType);
      expect(d.text).toContain(smuggled);
      expect(d.text).not.toContain('<script>');
      expect(d.charset).toBe('utf-8');
      expect(d.declared).toBe('utf-7');
      expect(d.warnings.join(' ')).toMatch(/UTF-7 is never honoured/);
    }
  });

  it('drops NUL and other stray C0 control bytes, keeping tabs and line breaks', () => {
    const d = decodeText(Buffer.from('<p>one\u0000 two\u0001\tthree\r\nfour\u001f</p>'));
    expect(d.text).toBe('<p>one two\tthree\r\nfour</p>');
    expect(d.warnings).toEqual(['3 control characters (NUL etc.) dropped']);
  });
});
