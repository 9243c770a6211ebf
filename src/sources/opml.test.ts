import { describe, expect, it } from 'vitest';
import { parseOpml, writeOpml } from './opml.js';

const opml = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0">
  <head><title>Subscriptions</title></head>
  <body>
    <outline text="Diplomacy" title="Diplomacy">
      <outline text="Asia">
        <outline type="rss" text="Ministry" title="Ministry News" xmlUrl="https://m.example/rss?a=1&b=2" htmlUrl="https://m.example/"/>
      </outline>
      <outline type="rss" text="Agency" xmlUrl="https://a.example/feed" category="/wire,briefs"/>
    </outline>
    <outline text="Blog without feed" htmlUrl="https://b.example/"/>
    <outline text="Elsewhere">
      <outline type="rss" text="Agency again" xmlUrl="https://a.example/feed"/>
    </outline>
    <outline text="Empty folder"/>
  </body>
</opml>`;

describe('parseOpml', () => {
  it('reads nested outlines: folder titles and categories as tags, xmlUrl as feeds, htmlUrl as fallback', () => {
    expect(parseOpml(opml)).toEqual([
      { url: 'https://m.example/rss?a=1&b=2', title: 'Ministry News', kind: 'feed', tags: ['Diplomacy', 'Asia'] },
      { url: 'https://a.example/feed', title: 'Agency', kind: 'feed', tags: ['Diplomacy', 'wire', 'briefs', 'Elsewhere'] },
      { url: 'https://b.example/', title: 'Blog without feed', tags: [] },
    ]);
  });

  it('throws a parse error for a document that is not OPML', () => {
    expect(() => parseOpml('<rss><channel/></rss>')).toThrow(/not an OPML document/);
  });
});

describe('writeOpml', () => {
  const sources = [
    { url: 'https://m.example/rss?a=1&b=2', title: 'Ministry "News" <EN>', kind: 'feed' as const, tags: ['Diplomacy', 'Asia'] },
    { url: 'https://s.example/sitemap.xml', title: null, kind: 'sitemap' as const, tags: ['Diplomacy'] },
    { url: 'https://p.example/', title: 'Page\u0007', kind: 'page' as const, tags: [] },
  ];

  it('writes valid, escaped OPML 2.0', () => {
    const out = writeOpml(sources);
    expect(out).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<opml version="2.0">/);
    expect(out).toContain('xmlUrl="https://m.example/rss?a=1&amp;b=2"');
    expect(out).toContain('title="Ministry &quot;News&quot; &lt;EN&gt;"');
    expect(out).not.toContain('\u0007');
  });

  it('reads back what it writes: URLs, titles, kinds and tags', () => {
    const back = parseOpml(writeOpml(sources));
    expect(back).toEqual([
      { url: 'https://p.example/', title: 'Page', kind: 'page', tags: [] },
      { url: 'https://m.example/rss?a=1&b=2', title: 'Ministry "News" <EN>', kind: 'feed', tags: ['Diplomacy', 'Asia'] },
      { url: 'https://s.example/sitemap.xml', title: 'https://s.example/sitemap.xml', kind: 'sitemap', tags: ['Diplomacy'] },
    ]);
  });
});
