import { describe, expect, it } from 'vitest';
import { extractComments } from './comments.js';
import { listElements, parseDocument } from './dom.js';

function run(html: string) {
  const doc = parseDocument(html);
  const comments = extractComments(doc, listElements(doc.documentElement));
  return { comments, rest: doc.body.textContent ?? '' };
}

const wordpress = `<article><p>Article text about the talks.</p></article>
<div id="comments" class="comments-area"><h2 class="comments-title">2 thoughts on “Talks”</h2>
<ol class="comment-list">
<li id="comment-7" class="comment even thread-even depth-1 parent"><article id="div-comment-7" class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Reader One</b> <span class="says">says:</span></div>
<div class="comment-metadata"><a href="#comment-7"><time datetime="2024-03-06T08:00:00+00:00">March 6, 2024</time></a></div></footer>
<div class="comment-content"><p>The third offer this year.</p></div>
<div class="reply"><a class="comment-reply-link" href="#">Reply</a></div></article>
<ol class="children"><li id="comment-8" class="comment odd depth-2"><article id="div-comment-8" class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Reader Two</b></div></footer>
<div class="comment-content"><p>And each one was refused.</p></div></article></li></ol></li></ol>
<div id="respond" class="comment-respond"><h3 id="reply-title">Leave a Reply</h3>
<form id="commentform" class="comment-form"><p class="comment-notes">Your email address will not be published.</p><textarea></textarea></form></div></div>`;

describe('extractComments', () => {
  it('reads a WordPress thread with authors, dates and replies, and removes it with its form', () => {
    const { comments, rest } = run(wordpress);
    expect(comments).toEqual([
      { author: 'Reader One', published: '2024-03-06T08:00:00+00:00', text: 'The third offer this year.' },
      { author: 'Reader Two', published: null, text: 'And each one was refused.' },
    ]);
    expect(rest).toContain('Article text about the talks.');
    expect(rest).not.toContain('third offer');
    expect(rest).not.toContain('Leave a Reply');
    expect(rest).not.toContain('email address');
  });

  it('reads definition-list threads whose author sits in the <dt>', () => {
    const html = `<dl id="comment_list"><dt class="comment" id="comment-1"><span class="comment_author">Ann</span>
      <span class="comment_time"><a href="#comment-1">June 28, 2015 at 10:25 pm</a></span></dt>
      <dd class="comment"><div class="format_text"><p>Great list.</p></div></dd></dl>`;
    expect(run(html).comments).toEqual([{ author: 'Ann', published: '2015-06-28', text: 'Great list.' }]);
  });

  it('reads schema.org Comment microdata', () => {
    const html = `<div class="user-comments"><div itemscope itemtype="https://schema.org/Comment"><span itemprop="author">Bo</span>
      <meta itemprop="dateCreated" content="2024-01-02"><div itemprop="text">Interesting analysis.</div></div></div>`;
    expect(run(html).comments).toEqual([{ author: 'Bo', published: '2024-01-02', text: 'Interesting analysis.' }]);
  });

  it('reads Disqus threads rendered inline', () => {
    const html = `<article><p>Body.</p></article><div id="disqus_thread"><ul id="post-list" class="post-list">
      <li class="post" id="post-101"><div class="post-content"><div class="post-byline"><span class="author"><a href="#">Dana</a></span></div>
      <div class="post-meta"><a class="time-ago" title="Tuesday, March 5, 2024 9:12 PM">5 years ago</a></div>
      <div class="post-body"><div class="post-message"><p>Sharp analysis, as usual.</p></div></div></div></li></ul></div>`;
    const { comments, rest } = run(html);
    expect(comments).toEqual([{ author: 'Dana', published: null, text: 'Sharp analysis, as usual.' }]);
    expect(rest).not.toContain('Sharp analysis');
  });

  it('leaves pages without comments alone', () => {
    const { comments, rest } = run('<article><h1>Title</h1><p>Only the article.</p></article>');
    expect(comments).toEqual([]);
    expect(rest).toContain('Only the article.');
  });
});
