import { describe, expect, it } from 'vitest';
import { ReadoutError } from '../core/errors.js';
import { parseSitemap } from './sitemap.js';

const news = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc>https://n.example/2024/05/talks</loc>
    <lastmod>2024-05-14T10:00:00+02:00</lastmod>
    <news:news>
      <news:publication><news:name>N</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2024-05-14T09:00:00+02:00</news:publication_date>
      <news:title>Talks &amp;amp; more</news:title>
    </news:news>
  </url>
  <url><loc>https://n.example/about?a=1&b=2</loc></url>
  <url><loc>https://n.example/2024/05/talks</loc></url>
  <url><loc>/relative</loc><lastmod>garbage</lastmod></url>
</urlset>`;

describe('parseSitemap', () => {
  it('reads a urlset with Google News fields, deduplicated, relative locs resolved', () => {
    expect(parseSitemap(news, 'https://n.example/sitemap.xml')).toEqual({
      kind: 'urlset',
      entries: [
        { loc: 'https://n.example/2024/05/talks', lastmod: '2024-05-14T08:00:00.000Z', title: 'Talks & more', published: '2024-05-14T07:00:00.000Z' },
        { loc: 'https://n.example/about?a=1&b=2', lastmod: null, title: null, published: null },
        { loc: 'https://n.example/relative', lastmod: null, title: null, published: null },
      ],
    });
  });

  it('reads a sitemap index from bytes', () => {
    const xml = '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://n.example/s1.xml</loc><lastmod>2024-01-01</lastmod></sitemap><sitemap><loc>https://n.example/s2.xml</loc></sitemap></sitemapindex>';
    const map = parseSitemap(Buffer.from(xml), null);
    expect(map.kind).toBe('index');
    expect(map.entries.map((e) => [e.loc, e.lastmod])).toEqual([
      ['https://n.example/s1.xml', '2024-01-01T00:00:00.000Z'],
      ['https://n.example/s2.xml', null],
    ]);
  });

  it('reads the plain-text format', () => {
    expect(parseSitemap('https://n.example/a\nhttps://n.example/b\n', null).entries.map((e) => e.loc)).toEqual(['https://n.example/a', 'https://n.example/b']);
  });

  it('keeps the complete entries of a truncated file', () => {
    const cut = '<urlset><url><loc>https://n.example/a</loc></url><url><loc>https://n.exa';
    expect(parseSitemap(cut, null).entries.map((e) => e.loc)).toEqual(['https://n.example/a']);
  });

  it('refuses other documents with a parse error naming them', () => {
    expect(() => parseSitemap('<html><body>hi</body></html>', 'https://n.example/x')).toThrow(ReadoutError);
    expect(() => parseSitemap('<html><body>hi</body></html>', 'https://n.example/x')).toThrow(/https:\/\/n\.example\/x is not a sitemap: its root element is <html>/);
    expect(() => parseSitemap(Buffer.from([0x1f, 0x8b, 8, 0, 0, 0]), null)).toThrow(/compressed/);
  });

  it('does not expand entities declared in a DOCTYPE', () => {
    const bomb = `<!DOCTYPE urlset [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY x SYSTEM "file:///etc/passwd">]>
<urlset><url><loc>https://n.example/&b;</loc></url><url><loc>https://n.example/&x;</loc></url></urlset>`;
    expect(parseSitemap(bomb, null).entries.map((e) => e.loc)).toEqual(['https://n.example/&b;', 'https://n.example/&x;']);
  });
});
