import { describe, expect, it } from 'vitest';
import { discoverFeeds } from './discover.js';

describe('discoverFeeds', () => {
  it('finds advertised feeds in page order, absolute and deduplicated', () => {
    const html = `<!doctype html><html><head>
      <link rel="stylesheet" href="/s.css">
      <link rel="alternate" type="application/rss+xml" title="All" href="/feed/">
      <LINK REL="Alternate" TYPE="application/atom+xml" HREF='atom.xml'>
      <link rel="alternate" type="application/rss+xml" href="https://news.example/feed/">
      <link rel="alternate" type="application/feed+json" href="/feed.json?x=1&amp;y=2">
      <link rel="alternate" type="application/json" href="/api/feed">
      <link rel="alternate" hreflang="fr" href="/fr/">
      <link rel="alternate home" type="application/rss+xml; charset=utf-8" href="//cdn.example/f.rss">
      <!-- <link rel="alternate" type="application/rss+xml" href="/commented"> -->
      <script>document.write('<link rel="alternate" type="application/rss+xml" href="/scripted">')</script>
    </head><body></body></html>`;
    expect(discoverFeeds(html, 'https://news.example/section/page.html')).toEqual([
      'https://news.example/feed/',
      'https://news.example/section/atom.xml',
      'https://news.example/feed.json?x=1&y=2',
      'https://news.example/api/feed',
      'https://cdn.example/f.rss',
    ]);
  });

  it('honours <base href>', () => {
    const html = '<head><base href="https://other.example/dir/"><link rel="alternate" type="application/atom+xml" href="a.xml"></head>';
    expect(discoverFeeds(html, 'https://news.example/')).toEqual(['https://other.example/dir/a.xml']);
  });

  it('returns nothing for a page without feeds', () => {
    expect(discoverFeeds('<html><head><title>x</title></head></html>', 'https://news.example/')).toEqual([]);
  });
});
