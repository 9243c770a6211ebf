// Reader comments from common markup: WordPress comment lists (li.comment with
// .comment-author/.fn, .comment-content/.comment-body, <time>), schema.org Comment
// microdata, Disqus threads rendered inline, and generic #comments/.comments containers
// with comment-N items. The comment area and comment forms are then removed from the
// document so neither reaches the article body.
import type { ReaderComment } from '../core/types.js';
import { classOf, clean, selectAll, type DomDocument, type DomElement } from './dom.js';
import { dateInText, parseDate } from './published-date.js';
import { toText } from './text.js';

// One comment each: class tokens such as "comment", "js-comment", "xenforo-comment",
// "comment-item"; ids such as "comment-123", "div-comment-123"; schema.org Comment
// microdata; Disqus posts. Some pages match both an <li> and its inner body <div>; the
// per-item text excludes nested items, so the outer one ends up empty and is dropped.
const ITEM_CLASS = /^(?:[a-z0-9]+[-_])?comment(?:[-_]?(?:item|entry|wrap|container|single))?$/i;
const ITEM_ID = /(?:^|[-_])comment[-_]?\d+$|^comment-[a-f0-9]{8,}$/i;

// Comment areas (lists, threads, forms): removed from the body whether or not items were
// found in them. Matched on whole class/id tokens.
const AREA_TOKEN = /^(?:comments?(?:[-_](?:section|area|container|list|wrapper|wrap|block|box|thread|holder|widget))?|comment[-_](?:list|section|respond|form|thread|threads)|commentlist|commentform|respond|reply-title|disqus_thread|fb-comments|discussion|comments-[\w-]+)$/i;

function isArea(el: DomElement): boolean {
  const sig = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return /comment|respond|reply|disqus|discussion/i.test(sig) && sig.split(/\s+/).some((t) => t && AREA_TOKEN.test(t));
}

const AUTHOR_SELECTOR = [
  '.comment-author .fn', '.fn', '[itemprop="author"] [itemprop="name"]', '[itemprop="author"]', '[itemprop="creator"]',
  '.comment-author', '.comment-username', '.comment-user', '.username', '.user-name', '.author-name', '.post-byline .author',
  '.comment_author', '.author', 'cite', '.name', '.user', '[class*="author" i]',
].join(', ');

// Most specific first: the first selector that matches inside an item wins.
const TEXT_SELECTORS = [
  '[itemprop="text"]', '[itemprop="commentText"]', '.comment-copy', '.comment-content', '.comment_content', '.post-message',
  '.comment-message', '.comment-body-text', '.comment__body', '.comment-entry', '.comment-text', '.comment_text', '.comment-body',
];

// Parts of a comment item that are not what the reader wrote.
const META_RE = /(?:^|[\s_-])(comment[-_]author|comment[-_]time|comment-meta|commentmetadata|comment-metadata|comment-header|comment-footer|comment-actions|comment-reply|reply|says|avatar|vcard|comment-date|comment-score|comment-vote|votes?|like|share|report|meta|byline|author|username|user-name|timestamp|date|permalink)(?:$|[\s_-])/i;

function looksLikeItem(el: DomElement): boolean {
  if (el.tagName === 'FORM' || el.tagName === 'DT' || el.closest('form, #respond, .comment-respond')) return false;
  if (/Comment/i.test(el.getAttribute('itemtype') ?? '')) return true;
  const cls = classOf(el);
  if (cls.split(/\s+/).some((t) => ITEM_CLASS.test(t) || t === 'review-item')) return true;
  if (ITEM_ID.test(el.id ?? '')) return true;
  return /(?:^|\s)post(?:\s|$)/.test(cls) && !!el.parentElement?.closest('#disqus_thread');
}

/** Nearest enclosing element (not el itself) that is also a comment item. */
function parentItem(el: DomElement, items: Set<DomElement>): DomElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) if (items.has(p)) return p;
  return null;
}

/** Definition-list threads put author and time in the <dt> before the comment's <dd>. */
function metaScopes(item: DomElement): DomElement[] {
  const prev = item.tagName === 'DD' ? previousElement(item) : null;
  return prev && prev.tagName === 'DT' ? [item, prev] : [item];
}

function previousElement(el: DomElement): DomElement | null {
  const parent = el.parentElement;
  if (!parent) return null;
  let prev: DomElement | null = null;
  for (const c of parent.children) {
    if (c === el) return prev;
    prev = c;
  }
  return null;
}

function authorOf(item: DomElement, items: Set<DomElement>): string | null {
  for (const scope of metaScopes(item)) {
    const name = authorIn(scope, item, items);
    if (name) return name;
  }
  return null;
}

function authorIn(scope: DomElement, item: DomElement, items: Set<DomElement>): string | null {
  for (const el of selectAll(scope, AUTHOR_SELECTOR)) {
    if (scope === item && parentItem(el, items) !== item) continue;
    const name = clean(el.textContent).replace(/\s*(?:says|said|wrote|commented)\s*:?\s*$/i, '').replace(/^by\s+/i, '');
    if (name && name.length <= 80) return name;
  }
  return null;
}

function publishedOf(item: DomElement, items: Set<DomElement>): string | null {
  for (const scope of metaScopes(item)) {
    const own = (el: DomElement): boolean => scope !== item || parentItem(el, items) === item;
    for (const t of selectAll(scope, 'time[datetime], [itemprop="dateCreated"], [itemprop="datePublished"]')) {
      if (!own(t)) continue;
      const v = parseDate(t.getAttribute('datetime') ?? t.getAttribute('content') ?? t.textContent);
      if (v) return v;
    }
    for (const el of selectAll(scope, '[class*="date" i], [class*="time" i], .comment-metadata, .commentmetadata, .comment-meta, time')) {
      if (!own(el)) continue;
      const v = dateInText(clean(el.textContent));
      if (v) return v;
    }
  }
  return null;
}

function textOf(item: DomElement, items: Set<DomElement>): string {
  const notNested = (el: DomElement): boolean => items.has(el);
  let direct: DomElement | undefined;
  for (const sel of TEXT_SELECTORS) {
    direct = selectAll(item, sel).find((el) => parentItem(el, items) === item && !items.has(el));
    if (direct) break;
  }
  if (direct) return toText(direct, (el) => notNested(el) || el.tagName === 'FORM' || /(?:^|\s)(reply|comment-reply|comment-actions)(?:\s|$)/i.test(el.className));
  return toText(item, (el) => notNested(el) || /^(?:FORM|TIME|FOOTER|HEADER|CITE)$/.test(el.tagName) || META_RE.test(typeof el.className === 'string' ? el.className : ''));
}

/**
 * True when removing `el` could take the article with it: it holds the headline, the
 * marked-up article body, or a long content block (comment widgets reuse class names such
 * as "post-content" for a single comment, so length decides).
 */
function holdsArticle(el: DomElement): boolean {
  if (el.querySelector('h1, [itemprop="articleBody"]')) return true;
  const body = el.querySelector('.entry-content, .post-content, .article-body, .article-content');
  return !!body && (body.textContent ?? '').length > 2000;
}

/**
 * Extracts the reader comments and removes the comment areas (lists, forms, counters)
 * from `doc`. Comments come back in document order, replies after their parent.
 */
export function extractComments(doc: DomDocument, elements: DomElement[]): ReaderComment[] {
  const items = new Set(
    elements.filter((el) => {
      const sig = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('itemtype') ?? ''}`;
      return /comment|post|review/i.test(sig) && looksLikeItem(el);
    }),
  );
  const out: ReaderComment[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    // An item inside an article body (a "comment" box in an editorial) is not a reader comment
    // unless it sits in a comment area.
    if (holdsArticle(item)) continue;
    const text = textOf(item, items).trim();
    if (text.length < 2 || seen.has(text)) continue;
    seen.add(text);
    out.push({ author: authorOf(item, items), published: publishedOf(item, items), text });
  }
  for (const item of items) if (!holdsArticle(item)) item.remove();
  for (const el of elements) {
    // Comment areas, and comment forms anywhere ("Leave a Reply", name/e-mail/website fields).
    const area = isArea(el) || (el.tagName === 'FORM' && !!el.querySelector('textarea'));
    if (area && doc.body.contains(el) && !holdsArticle(el)) el.remove();
  }
  return out;
}
