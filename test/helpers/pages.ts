// Small, hand-written article pages and feeds for pipeline tests.
import { createHash } from 'node:crypto';
import type { FixtureRoute } from '../../src/demo/fixture-server.js';

export function articleHtml(o: { title: string; paragraphs: string[]; published?: string; charset?: string; canonical?: string }): string {
  return `<!doctype html><html lang="en"><head><meta charset="${o.charset ?? 'utf-8'}"><title>${o.title} | Test Wire</title>
${o.published ? `<meta property="article:published_time" content="${o.published}">` : ''}
${o.canonical ? `<link rel="canonical" href="${o.canonical}">` : ''}</head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${o.title}</h1><p class="byline">By Test Reporter</p>
${o.paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article><footer>Copyright Test Wire. All rights reserved.</footer></body></html>`;
}

/** Paragraphs long enough for an extractor to take them as an article. */
export function storyParagraphs(topic: string, n = 5): string[] {
  return Array.from({ length: n }, (_, i) =>
    `${topic}: paragraph ${i + 1} reports that the foreign ministry issued a statement on the matter, and officials said the talks would continue after a pause of several days while envoys consulted their capitals.`,
  );
}

export function rssFeed(base: string, items: { slug: string; title: string; published: string; commentsFeed?: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wfw="http://wellformedweb.org/CommentAPI/"><channel><title>Test Wire</title><link>${base}/</link><description>tests</description>
${items
  .map(
    (i) => `<item><title>${i.title}</title><link>${base}/news/${i.slug}.html</link><guid>${base}/news/${i.slug}.html</guid>
<pubDate>${new Date(i.published).toUTCString()}</pubDate><description>Teaser for ${i.title}</description>
${i.commentsFeed ? `<wfw:commentRss>${i.commentsFeed}</wfw:commentRss>` : ''}</item>`,
  )
  .join('\n')}
</channel></rss>`;
}

/** A route that serves a body with an ETag and answers conditional requests with 304. */
export function conditionalRoute(body: string | Buffer, contentType: string): FixtureRoute {
  const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
  return {
    handler: (req, res) => {
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': contentType, etag });
      res.end(body);
    },
  };
}
