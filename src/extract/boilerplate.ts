// What is not the article: page furniture recognised by markup (roles, tags, class and id
// names) and by the wording of whole paragraphs. Markup rules run twice: on the page
// before Readability scores it (so share bars and promo boxes cannot tip the scoring) and
// on Readability's result (which keeps some of them). Each rule is generic: no site names.
import { classOf, clean, selectAll, type DomDocument, type DomElement, type DomNode } from './dom.js';

// Elements that never hold article text, by tag, role and attribute.
const NEVER_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'SELECT', 'BUTTON', 'INPUT',
  'TEXTAREA', 'DIALOG', 'NAV', 'MENU', 'LINK', 'META', 'FIGCAPTION',
]);
const NEVER_ROLES = new Set(['navigation', 'search', 'dialog', 'alertdialog', 'banner', 'contentinfo', 'complementary', 'menu', 'menubar']);

// Microdata that marks metadata shown above or below the article (dates, kicker, byline).
const METADATA_PROPS = new Set(['datePublished', 'dateModified', 'alternativeHeadline', 'author', 'publisher']);

// Class/id words of furniture. Matched against whole class tokens or their -/_ parts, so
// "share-bar" and "social_links" hit while "shared-content" or "adventure" do not.
const FURNITURE = new RegExp(
  '^(?:.*[-_])?(?:' +
    [
      'share', 'shares', 'sharing', 'sharebar', 'sharedaddy', 'addtoany', 'social', 'socials', 'newsletter', 'newsletters', 'subscribe',
      'subscription', 'signup', 'related', 'recommended', 'recommendations', 'recirc', 'promo', 'promos', 'promoted', 'sponsored',
      'advert', 'adverts', 'advertisement', 'advertising', 'ad', 'ads', 'adsbygoogle', 'adslot', 'dfp', 'gpt', 'cookie', 'cookies',
      'consent', 'gdpr', 'popup', 'modal', 'paywall', 'breadcrumb', 'breadcrumbs', 'tags', 'taglist', 'tagcloud', 'categories',
      'bio', 'biography', 'byline', 'bylines', 'dateline', 'timestamp', 'toolbar', 'widget', 'widgets', 'sidebar', 'outbrain',
      'taboola', 'trending', 'popular', 'mostread', 'follow', 'copyright', 'pagination', 'pager', 'skiplink', 'caption',
      'captions', 'credit', 'credits', 'disclaimer', 'rating', 'ratings', 'print', 'author', 'authors', 'meta', 'footer',
      'masthead', 'subnav', 'topics', 'readmore', 'read-more', 'more-stories', 'also-read', 'next-article', 'prev-next',
    ].join('|') +
    ')(?:[-_].*)?$',
  'i',
);

// Words whose presence in a class token alone is enough (they rarely occur in wrappers).
const FURNITURE_ANYWHERE = /(?:caption|credit|sharedaddy|addtoany|outbrain|taboola|newsletter|adsbygoogle|jp-relatedposts|yarpp|wp-caption-text|screen-reader)/i;

function classTokens(el: DomElement): string[] {
  return `${classOf(el)} ${el.getAttribute('id') ?? ''}`.split(/\s+/).filter(Boolean);
}

// Embedded posts (tweets, Instagram, quotes) are content even inside "social-…" wrappers.
const EMBED = /embed|tweet|instagram-media|blockquote|pullquote/i;

const CAPTION = /caption|credit/i;

function isFurniture(el: DomElement): boolean {
  const tokens = classTokens(el);
  return tokens.some((t) => CAPTION.test(t) || ((FURNITURE.test(t) || FURNITURE_ANYWHERE.test(t)) && !EMBED.test(t)));
}

/** Text length of `el` and of the text inside its links (whitespace collapsed). */
export function linkStats(el: DomElement): { text: number; linked: number } {
  const text = clean(el.textContent).length;
  let linked = 0;
  for (const a of selectAll(el, 'a')) linked += clean(a.textContent).length;
  return { text, linked: Math.min(linked, text) };
}

/**
 * Whether removing a furniture-named element is safe: it must not hold the headline or
 * much unlinked text (a wrapper like <div class="post-content has-share-bar"> would).
 */
function safeToDrop(el: DomElement): boolean {
  if (el.querySelector('h1, [itemprop="articleBody"]')) return false;
  const { text, linked } = linkStats(el);
  return text - linked < 600 || linked / Math.max(1, text) > 0.5;
}

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/** Never-content elements: removed whatever their size. */
function isNeverContent(el: DomElement): boolean {
  if (NEVER_TAGS.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const role = el.getAttribute('role');
  if (role && NEVER_ROLES.has(role)) return true;
  if (el.getAttribute('itemprop') === 'caption') return true;
  const style = el.getAttribute('style');
  return !!style && HIDDEN_STYLE.test(style);
}

const KEEP_TAGS = new Set(['BODY', 'HTML', 'ARTICLE', 'MAIN']);

/**
 * One pass over a subtree, removing never-content elements, metadata microdata and
 * furniture. `page` enables the page-only rules (never-content, microdata); inside an
 * extracted article only furniture is looked for.
 */
function sweep(root: DomElement, page: boolean): void {
  const stack: DomElement[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    if (el !== root && !KEEP_TAGS.has(el.tagName)) {
      if (page && isNeverContent(el)) {
        el.remove();
        continue;
      }
      const prop = page ? el.getAttribute('itemprop') : null;
      if (prop && METADATA_PROPS.has(prop) && el.parentElement && !/^(P|LI)$/.test(el.parentElement.tagName) && safeToDrop(el)) {
        el.remove();
        continue;
      }
      // Page headers (logo, navigation, edition links). Headers inside an article may be
      // section subheads, and the article's own header holds the <h1> (safeToDrop).
      if (page && el.tagName === 'HEADER' && !el.parentElement?.closest('article') && safeToDrop(el)) {
        el.remove();
        continue;
      }
      if ((el.hasAttribute('class') || el.hasAttribute('id')) && isFurniture(el) && safeToDrop(el)) {
        el.remove();
        continue;
      }
    }
    const kids = el.children;
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i];
      if (k) stack.push(k);
    }
  }
}

/** Removes furniture from the whole page before the body is scored. */
export function preClean(doc: DomDocument): void {
  protectEmbeds(doc.body);
  sweep(doc.body, true);
  dropTagLists(doc.body);
}

/**
 * Embedded posts (tweets, Instagram) sit in wrappers named "social-…" or "embed-…" that
 * Readability and the furniture rules discard; lift the quote out of wrappers that hold
 * nothing else but scripts.
 */
function protectEmbeds(root: DomElement): void {
  for (const quote of selectAll(root, 'blockquote')) {
    let wrapper = quote.parentElement;
    while (wrapper && wrapper !== root && holdsOnly(wrapper, quote)) {
      const up: DomElement | null = wrapper.parentElement;
      wrapper.replaceWith(quote);
      wrapper = up;
    }
  }
}

function holdsOnly(wrapper: DomElement, quote: DomElement): boolean {
  for (const n of wrapper.childNodes) {
    if (n === quote) continue;
    if (n.nodeType === 3 && !(n.textContent ?? '').trim()) continue;
    if (n.nodeType === 8) continue;
    if (n.nodeType === 1 && /^(SCRIPT|STYLE|NOSCRIPT)$/.test((n as DomElement).tagName)) continue;
    return false;
  }
  return true;
}

/** Keyword lists: a block made of rel="tag" links ("Tags: a, b, c"). */
function dropTagLists(root: DomElement): void {
  for (const a of selectAll(root, 'a[rel~="tag"]')) {
    const parent = a.parentElement;
    if (!parent || !root.contains(parent)) continue;
    const { text, linked } = linkStats(parent);
    if (text > 0 && linked / text > 0.6 && safeToDrop(parent)) parent.remove();
  }
}

const DEK_CLASS = /dek|sub-?(?:line|title|head)|summary|standfirst|strapline|heading|header|(?:^|[-_\s])lead(?:$|[-_\s])|[-_]hd\b/i;

/**
 * The standfirst (dek) under the headline repeats the page description and is not body
 * text. It is recognised as an element whose whole text is the description and that is a
 * heading, sits in a <header>, or carries a dek-like class; the same text in a plain
 * paragraph of the body is the article's first paragraph and stays.
 */
export function dropDek(root: DomElement, description: string | null): void {
  const want = clean(description);
  if (want.length < 40) return;
  const probe = want.slice(0, 30);
  const stack: DomNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      if (!clean(node.textContent).startsWith(probe)) continue;
      for (let el = node.parentElement, up = 0; el && el !== root && up < 4; el = el.parentElement, up++) {
        if (clean(el.textContent) !== want) continue;
        const cls = `${classOf(el)} ${classOf(el.parentElement ?? el)}`;
        if (/^H[2-6]$/.test(el.tagName) || el.closest('header') || DEK_CLASS.test(cls)) el.remove();
        break;
      }
      continue;
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i];
      if (k) stack.push(k);
    }
  }
}

/** Furniture inside an extracted article. */
export function dropFurniture(root: DomElement): void {
  sweep(root, false);
}
