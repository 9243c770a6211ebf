import { describe, expect, it } from 'vitest';
import { extractPage } from './page.js';

const para = (n: number, topic: string): string =>
  `<p>Paragraph ${n} of the report on ${topic}: officials in the capital said the proposal would be studied carefully, while diplomats abroad described the offer as a serious attempt to reopen a channel that has been closed for months.</p>`;

const article = `<!DOCTYPE html><html lang="en"><head>
<title>Envoy renews offer of talks | Example Times</title>
<meta property="og:site_name" content="Example Times">
<meta property="og:title" content="Envoy renews offer of talks">
<link rel="canonical" href="https://times.example/world/2024/03/05/envoy-renews-offer">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Envoy renews offer of talks",
"datePublished":"2024-03-05T21:30:00-05:00","author":[{"@type":"Person","name":"Jane Roe"}],"articleSection":"World","inLanguage":"en"}</script>
</head><body>
<header class="site-header"><nav><a href="/">Home</a><a href="/world">World</a></nav></header>
<main><article>
<h1>Envoy renews offer of talks</h1>
<div class="byline">By Jane Roe</div><time datetime="2024-03-05T21:30:00-05:00">March 5, 2024</time>
<div class="social-share"><a href="#">Facebook</a><a href="#">Twitter</a><a href="#">Email</a></div>
${para(1, 'talks')}
<figure><img src="a.jpg" alt=""><figcaption>The envoy in Geneva / Image: Example Agency</figcaption></figure>
${para(2, 'talks')}
<p>Advertisement</p>
${para(3, 'talks')}
<div class="newsletter-signup"><h3>Get our morning briefing</h3><p>Sign up for the newsletter and never miss a story.</p><form><input type="email"></form></div>
${para(4, 'talks')}
<p>Read in Korean</p>
<p>Jane Roe is a diplomatic correspondent for Example Times.</p>
</article>
<aside class="related-stories"><h3>Related</h3><ul><li><a href="/a">Another story about something else</a></li><li><a href="/b">A second unrelated story</a></li></ul></aside>
</main>
<section id="comments"><h3>3 Comments</h3><ol class="commentlist">
<li class="comment" id="comment-1"><div class="comment-author"><cite class="fn">Reader One</cite></div><div class="comment-content"><p>A long overdue step in the right direction.</p></div></li>
</ol><div id="respond"><h3>Leave a Comment</h3><form><textarea></textarea></form></div></section>
<footer><p>© 2024 Example Times. All rights reserved.</p><p>Powered by WordPress</p></footer>
</body></html>`;

describe('extractPage', () => {
  const page = extractPage(article, 'https://times.example/world/2024/03/05/envoy-renews-offer?utm=x');

  it('extracts the metadata', () => {
    expect(page).toMatchObject({
      title: 'Envoy renews offer of talks',
      byline: 'Jane Roe',
      published: '2024-03-05T21:30:00-05:00',
      canonicalUrl: 'https://times.example/world/2024/03/05/envoy-renews-offer',
      language: 'en',
      kind: 'news',
      section: 'World',
    });
  });

  it('keeps every paragraph of the article, separated by blank lines', () => {
    const paras = page.text.split('\n\n');
    expect(paras).toHaveLength(4);
    expect(paras[0]).toMatch(/^Paragraph 1 /);
    expect(paras[3]).toMatch(/^Paragraph 4 /);
  });

  it('leaves out captions, share bars, ads, sign-ups, bios, related links, comments and forms', () => {
    for (const junk of ['Image: Example Agency', 'Facebook', 'Advertisement', 'newsletter', 'Read in Korean', 'diplomatic correspondent', 'Another story', 'Reader One', 'long overdue', 'Leave a Comment', 'Powered by', 'All rights reserved']) {
      expect(page.text, junk).not.toContain(junk);
    }
  });

  it('returns reader comments separately', () => {
    expect(page.comments).toEqual([{ author: 'Reader One', published: null, text: 'A long overdue step in the right direction.' }]);
  });

  it('recovers an article that ad slots split into sibling containers', () => {
    const split = `<html><body><div class="page"><h1>Split story headline</h1>
      <div class="story-part">${para(1, 'a split story')}${para(2, 'a split story')}</div>
      <div class="slot"><span>Ad</span></div>
      <div class="story-part">${para(3, 'a split story')}${para(4, 'a split story')}${para(5, 'a split story')}${para(6, 'a split story')}</div>
      </div></body></html>`;
    const text = extractPage(split, null).text;
    for (let n = 1; n <= 6; n++) expect(text).toContain(`Paragraph ${n} `);
  });

  it('classifies opinion pieces and finds dates in the URL', () => {
    const p = extractPage(`<html><body><article><h1>Why dialogue still matters</h1>${para(1, 'dialogue')}${para(2, 'dialogue')}</article></body></html>`, 'https://paper.example/opinion/2023/11/02/why-dialogue-matters');
    expect(p.kind).toBe('opinion');
    expect(p.published).toBe('2023-11-02');
    expect(p.title).toBe('Why dialogue still matters');
  });

  it('never throws on garbage and returns empty text for empty input', () => {
    expect(extractPage('', null).text).toBe('');
    for (const input of ['\u0000\u0001binary', '<<<<>>>>', '<div>'.repeat(50_000), '<p>'.repeat(200_000), `<p>${'word '.repeat(200_000)}</p>`, '<script>'.repeat(1000)]) {
      expect(() => extractPage(input, 'not a url')).not.toThrow();
    }
  });

  it('keeps text from pathologically deep markup', () => {
    expect(extractPage(`<html><body>${'<div>'.repeat(3000)}<p>Deep text survives.</p>`, null).text).toBe('Deep text survives.');
  });

  it('is deterministic', () => {
    expect(extractPage(article, null)).toEqual(extractPage(article, null));
  });
});
