// A stray NUL or control byte in a long feed is repaired, not taken as proof of binary data;
// real binaries (magic numbers, many NULs) are still refused.
import { describe, expect, it } from 'vitest';
import { ReadoutError } from '../core/errors.js';
import { binaryKind, detectDocument } from './detect.js';
import { parseFeed } from './feed.js';

/** An RSS feed of `n` items, about 35 KB with 24 items. */
function bigFeed(n: number): string {
  const items = Array.from({ length: n }, (_, i) => {
    const body = `Item ${i} reports on the talks, with quotes from officials and background paragraphs. `.repeat(16);
    return `<item><title>Story ${i}</title><link>https://news.example/story-${i}</link><guid>https://news.example/story-${i}</guid><description>${body}</description></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Wire</title><link>https://news.example/</link>${items.join('\n')}</channel></rss>`;
}

const withByteAt = (text: string, at: number, byte: number): Buffer => {
  const b = Buffer.from(text);
  return Buffer.concat([b.subarray(0, at), Buffer.from([byte]), b.subarray(at)]);
};

describe('stray bytes in feeds', () => {
  it('parses all 24 items of a 35 KB feed with one NUL byte in it (in the head or later)', () => {
    const xml = bigFeed(24);
    expect(xml.length).toBeGreaterThan(34_000);
    for (const at of [200, 5_000, 20_000]) {
      const bytes = withByteAt(xml, xml.indexOf('Story 1', at), 0);
      expect(binaryKind(bytes)).toBeNull();
      expect(detectDocument(bytes)).toBe('feed');
      const warnings: string[] = [];
      const feed = parseFeed(bytes, null, { warn: (w) => warnings.push(w) });
      expect(feed.items).toHaveLength(24);
      expect(feed.items.every((i) => !i.title?.includes('\u0000'))).toBe(true);
      expect(warnings).toEqual(['1 control character (NUL etc.) dropped']);
    }
  });

  it('drops a few stray control bytes in a title', () => {
    const xml = bigFeed(3).replace('<title>Story 1</title>', '<title>Story\u0001 one\u0008</title>');
    const feed = parseFeed(Buffer.from(xml), null);
    expect(feed.items.map((i) => i.title)).toEqual(['Story 0', 'Story one', 'Story 2']);
    expect(parseFeed(xml.replace('Story 0', 'Story\u0000 0'), null).items[0]!.title).toBe('Story 0');
  });

  it('still refuses real binaries: magic numbers and many NUL bytes', () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR text-like tail '.repeat(50))]);
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('<rss></rss>')]);
    const pdf = Buffer.from('%PDF-1.7\n<rss version="2.0"></rss>');
    const nuls = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i % 8 === 0 ? 0 : 0x41 + (i % 26))));
    expect([png, zip, pdf, nuls].map(binaryKind)).toEqual(['PNG image', 'ZIP archive', 'PDF', 'binary data']);
    for (const bytes of [png, zip, pdf, nuls]) {
      expect(detectDocument(bytes)).toBe('binary');
      expect(() => parseFeed(bytes, null, { label: 'x.xml' })).toThrow(ReadoutError);
      expect(() => parseFeed(bytes, null, { label: 'x.xml' })).toThrow(/x\.xml is not a feed: it is binary data/);
    }
  });
});
