// Links to other stories inside an article container: teaser cards next to the story,
// promo lists under a label ("More great stories", "DON'T MISS"), all-capitals promo
// links between paragraphs, and the related-links tail after the last real paragraph.
// Judged on link density and position, so a link-only line that belongs to the story
// (a product link in a buying guide, mid-article) stays.
import { clean, selectAll, type DomElement } from './dom.js';
import { linkStats } from './boilerplate.js';

const BLOCK_SELECTOR = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, pre, dt, dd, div, td';

interface Block {
  el: DomElement;
  text: number;
  linked: number;
  heading: boolean;
}

/** Leaf-level blocks of the article in document order (divs only when they hold no blocks). */
function blocksOf(root: DomElement): Block[] {
  const out: Block[] = [];
  for (const el of selectAll(root, BLOCK_SELECTOR)) {
    if ((el.tagName === 'DIV' || el.tagName === 'TD' || el.tagName === 'LI' || el.tagName === 'BLOCKQUOTE') && el.querySelector('p, div, li, h2, h3, h4, ul, ol, table')) continue;
    const { text, linked } = linkStats(el);
    if (!text) continue;
    out.push({ el, text, linked, heading: /^H[1-6]$/.test(el.tagName) });
  }
  return out;
}

const UPPER = (s: string): boolean => {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length >= 8 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
};

// Labels over lists of other stories ("More great stories", "Don't miss", "Related").
const LIST_LABEL =
  /^(?:more|related|recommended|read (?:more|next|also)|also read|see also|don'?t miss|do not miss|you (?:may|might) (?:also )?like|latest|popular|most (?:read|popular|viewed|shared)|trending|top stories|further reading|editor'?s picks?|in case you missed it|what to read next)\b.{0,60}$/i;

const LIST_LABEL_START = /^(?:more|related|recommended|read (?:more|next|also)|also read|see also|don'?t miss|do not miss|you (?:may|might) (?:also )?like|most (?:read|popular)|trending|top stories|further reading)\b/i;

/**
 * A short label block matching LIST_LABEL, then blocks that are short and mostly links:
 * a promo list inside the article. The label and the run of teasers go.
 */
function dropPromptedLists(blocks: Block[]): void {
  for (let i = 0; i < blocks.length; i++) {
    const label = blocks[i]!;
    if (label.text > 70 || !LIST_LABEL.test(clean(label.el.textContent))) continue;
    let j = i + 1;
    while (j < blocks.length && blocks[j]!.text < 200 && blocks[j]!.linked / blocks[j]!.text > 0.3) j++;
    if (j - i - 1 < 2) continue;
    for (let k = i; k < j; k++) blocks[k]!.el.remove();
    i = j - 1;
  }
}

/**
 * Teasers to other stories. Inside the article, a short block that is all link and all
 * capitals is a promo ("SEE ALSO"-style); after the last real paragraph, any run of
 * link-dense blocks and headings is a related-stories tail.
 */
export function dropLinkBlocks(root: DomElement): void {
  const blocks = blocksOf(root);
  for (const b of blocks) {
    const text = clean(b.el.textContent);
    const density = b.linked / b.text;
    // "SEE ALSO"-style promos, and a label run into its links ("DON'T MISS <a>…</a> <a>…</a>").
    if ((b.text < 160 && density > 0.8 && UPPER(text)) || (density > 0.5 && LIST_LABEL_START.test(text))) b.el.remove();
  }
  dropPromptedLists(blocks);
  // The tail: links, and short labels without a sentence ("Latest", "Popular"). The first
  // block always stays: a container of nothing but short lines is still some text.
  for (let i = blocks.length - 1; i > 0; i--) {
    const b = blocks[i]!;
    if (b.text - b.linked >= 100) break;
    const text = clean(b.el.textContent);
    const label = !/[.!?:;"”]/.test(text) && (b.text < 30 || (b.text < 100 && UPPER(text)));
    if (b.linked / b.text > 0.5 || label) b.el.remove();
    else break;
  }
}

/**
 * When the chosen container holds several <article> elements (a story plus teaser cards for
 * other stories), keep the one with most text.
 */
export function keepMainArticle(root: DomElement): void {
  const articles = selectAll(root, 'article').filter((a) => !a.parentElement?.closest('article'));
  if (articles.length < 2) return;
  const sized = articles.map((a) => ({ a, len: clean(a.textContent).length }));
  const total = clean(root.textContent).length;
  const best = sized.reduce((x, y) => (y.len > x.len ? y : x));
  if (best.len < total * 0.5) return;
  for (const { a } of sized) if (a !== best.a) a.remove();
}
