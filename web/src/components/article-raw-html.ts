// The archived document, made safe to show inside the dashboard: DOMPurify (its own instance,
// so these hooks touch no other screen) keeps plain HTML only — no script, style, frames,
// objects, forms, event handlers, inline styles, classes or ids (they would clash with the
// dashboard's own) — and nothing that would load from elsewhere: images stay only as data: URLs
// (others become their alt text), links resolve against the page's URL and open in a new tab.
import createDOMPurify from 'dompurify';

const purify = createDOMPurify(window);
let base = 'about:blank';

purify.addHook('afterSanitizeAttributes', (node) => {
  if (!(node instanceof Element)) return;
  for (const attr of ['src', 'srcset', 'poster', 'background', 'lowsrc', 'dynsrc', 'longdesc', 'usemap', 'cite', 'ping', 'action']) {
    const v = node.getAttribute(attr);
    if (v !== null && !(attr === 'src' && node.tagName === 'IMG' && /^data:image\//i.test(v.trim()))) node.removeAttribute(attr);
  }
  const href = node.getAttribute('href');
  if (href !== null) {
    let url: URL | null = null;
    try {
      url = new URL(href, base);
    } catch {
      url = null;
    }
    if (url && /^https?:$/.test(url.protocol)) {
      node.setAttribute('href', url.href);
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer nofollow');
    } else node.removeAttribute('href');
  }
});

const FORBID_TAGS = ['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'select', 'textarea', 'option', 'link', 'meta', 'base', 'noscript', 'template', 'video', 'audio', 'source', 'track', 'picture', 'portal', 'dialog'];
const FORBID_ATTR = ['style', 'class', 'id', 'name', 'srcset', 'sizes', 'formaction', 'autofocus', 'tabindex', 'accesskey', 'contenteditable'];

/** `html` sanitised into a fragment of this document; `pageUrl` resolves its relative links. */
export function sanitiseRaw(html: string, pageUrl: string): DocumentFragment {
  base = pageUrl;
  const fragment = purify.sanitize(html, { USE_PROFILES: { html: true }, FORBID_TAGS, FORBID_ATTR, ALLOW_DATA_ATTR: false, ALLOW_ARIA_ATTR: false, RETURN_DOM_FRAGMENT: true });
  // Images left without a (data:) source would show a broken icon: keep their words instead.
  for (const img of fragment.querySelectorAll('img:not([src])')) {
    const alt = img.getAttribute('alt');
    img.replaceWith(document.createTextNode(alt ? `[image: ${alt}]` : '[image]'));
  }
  return fragment;
}
