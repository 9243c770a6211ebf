// Raw HTML, before any DOM: linkedom's parser (htmlparser2) is fast but is not an HTML5
// tree builder. It neither adds missing <html>/<head>/<body> nor keeps content written
// after </html>, and its cost grows with node count and nesting depth. These linear scans
// reshape the input into a clean skeleton, measure it, and strip tags when the DOM is not
// worth building. Every regex here is bounded by the next "<" so hostile input ("<<<<…",
// unclosed tags) cannot make it quadratic.

// Tags whose open count stays high in ordinary pages because the parser closes them
// implicitly; they do not deepen the tree.
const SELF_CLOSING = new Set(['p', 'li', 'td', 'th', 'tr', 'option', 'dt', 'dd', 'br', 'img', 'meta', 'link', 'input', 'hr', 'wbr', 'source', 'area', 'base', 'col', 'embed', 'param', 'track']);

/**
 * Tag counts from a linear scan: how many tags, and how many stay open (opening minus
 * closing tags, leaving out tags the parser closes implicitly). linkedom's tree building
 * is quadratic in depth (200k unclosed <div>s take ~17 s) and costs ~10 µs per node, so
 * callers skip the DOM beyond limits and fall back to plain tag stripping.
 */
export function markupStats(html: string): { tags: number; unclosed: number; specials: number } {
  let open = 0;
  let close = 0;
  let tags = 0;
  // Every "<" or "&" can start a separate text node in linkedom; floods of them ("<<<<…")
  // make millions of nodes that no tag count shows.
  let specials = 0;
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) specials++;
  for (let i = html.indexOf('&'); i >= 0; i = html.indexOf('&', i + 1)) specials++;
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*?(\/?)>/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    tags++;
    if (m[1]) close++;
    else if (!m[3] && !SELF_CLOSING.has(m[2]!.toLowerCase())) open++;
  }
  return { tags, unclosed: open - close, specials };
}

interface Skeleton {
  htmlAttrs: string;
  headOpen: number;
  headClose: number;
  bodyOpen: number;
  bodyAttrs: string;
  /**
   * Ranges left out of the rebuilt document: the <html>/<head>/<body> tags themselves, and
   * comments, scripts (except JSON-LD), styles, SVG, <noscript> and <template>, which never
   * hold article text. Dropping them before parsing saves the DOM work (linkedom's cost is
   * per node) and cannot change the text.
   */
  cuts: Array<[number, number]>;
}

const DROPPED = new Set(['script', 'style', 'svg', 'noscript', 'template']);

/**
 * Finds the document skeleton tags while skipping comments and raw-text elements, whose
 * content may quote markup (a script writing "<body onload=…>" must not count).
 */
function scanSkeleton(html: string): Skeleton {
  const sk: Skeleton = { htmlAttrs: '', headOpen: -1, headClose: -1, bodyOpen: -1, bodyAttrs: '', cuts: [] };
  const re = /<!--|<(script|style|textarea|title|xmp|svg|noscript|template)(?=[\s>/])([^<>]*)>?|<(\/?)(html|head|body)(?=[\s>/])([^<>]*)>?/gi;
  let seenHtml = false;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[0] === '<!--') {
      const end = html.indexOf('-->', m.index + 4);
      re.lastIndex = end < 0 ? html.length : end + 3;
      sk.cuts.push([m.index, re.lastIndex]);
      continue;
    }
    if (m[1]) {
      const tag = m[1].toLowerCase();
      const close = new RegExp(`</${tag}\\s*>`, 'gi');
      close.lastIndex = re.lastIndex;
      const c = close.exec(html);
      re.lastIndex = c ? c.index + c[0].length : html.length;
      const keep = tag === 'script' && /ld\+json/i.test(m[2] ?? '');
      if (DROPPED.has(tag) && !keep) sk.cuts.push([m.index, re.lastIndex]);
      continue;
    }
    const closing = m[3] === '/';
    const tag = m[4]!.toLowerCase();
    sk.cuts.push([m.index, m.index + m[0].length]);
    if (closing) {
      if (tag === 'head' && sk.headClose < 0) sk.headClose = m.index + m[0].length;
      continue;
    }
    const attrs = (m[5] ?? '').replace(/\/$/, '');
    if (tag === 'html' && !seenHtml) {
      seenHtml = true;
      sk.htmlAttrs = attrs;
    } else if (tag === 'head' && sk.headOpen < 0) sk.headOpen = m.index + m[0].length;
    else if (tag === 'body' && sk.bodyOpen < 0) {
      sk.bodyOpen = m.index;
      sk.bodyAttrs = attrs;
    }
  }
  return sk;
}

/** html[from, to) without the cut ranges (sorted by start, non-overlapping). */
function sliceWithout(html: string, from: number, to: number, cuts: Array<[number, number]>): string {
  const parts: string[] = [];
  let pos = from;
  for (const [a, b] of cuts) {
    if (b <= pos) continue;
    if (a >= to) break;
    parts.push(html.slice(pos, Math.max(pos, a)));
    pos = b;
  }
  if (pos < to) parts.push(html.slice(pos, to));
  return parts.join('');
}

const BLOCK_GAP = /(?<=>)\s+(?=<\/?(?:div|p|li|ul|ol|dl|dt|dd|section|article|header|footer|nav|aside|main|h[1-6]|table|tbody|thead|tfoot|tr|td|th|form|figure|figcaption|blockquote|hr|br|meta|link|title|head|body|html|script|option|select)[\s>/])/gi;

/**
 * Rewrites any input into `<html><head>…</head><body>…</body></html>` so linkedom builds
 * the tree a browser would: content outside the body tags (a common CMS bug) goes into the
 * body, fragments get a body, and a stray </html> no longer truncates the page.
 */
export function normaliseHtml(html: string): string {
  const sk = scanSkeleton(html);
  let headInner = '';
  let bodyFrom = 0;
  if (sk.headOpen >= 0 && (sk.bodyOpen < 0 || sk.headOpen < sk.bodyOpen)) {
    const closeOk = sk.headClose >= 0 && (sk.bodyOpen < 0 || sk.headClose <= sk.bodyOpen);
    const to = closeOk ? sk.headClose : sk.bodyOpen >= 0 ? sk.bodyOpen : sk.headOpen;
    headInner = sliceWithout(html, sk.headOpen, to, sk.cuts);
    bodyFrom = to;
  }
  if (sk.bodyOpen >= 0) bodyFrom = Math.max(bodyFrom, sk.bodyOpen);
  // Whatever a broken template printed after </body> or </html> still belongs to the page.
  const bodyInner = sliceWithout(html, bodyFrom, html.length, sk.cuts).replace(/<!doctype[^<>]*>/gi, '');
  const html2 = `<!DOCTYPE html><html${sk.htmlAttrs}><head>${headInner}</head><body${sk.bodyAttrs}>${bodyInner}</body></html>`;
  // Whitespace between a tag and a block-level tag renders as nothing, but each run would
  // be a text node (two in three text nodes of a typical page).
  return html2.replace(BLOCK_GAP, '');
}

/**
 * Strips tags without a DOM: the fallback for input too broken to parse cheaply. Scripts,
 * styles and comments go first (through normaliseHtml's linear scan), then every tag;
 * block tags leave paragraph breaks.
 */
export function stripTags(html: string): string {
  return normaliseHtml(html)
    .replace(/<head>[\s\S]*?<\/head>/, ' ')
    .replace(/<\/?(?:p|div|br|h[1-6]|li|tr|section|article|blockquote|ul|ol|table)\b[^<>]*>/gi, '\n\n')
    .replace(/<[^<>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
