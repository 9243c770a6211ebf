// A second opinion on the extent of the article, independent of Readability's scoring.
// Every block's own text (excluding nested blocks) is measured once: blocks with enough
// unlinked text are "good", the rest (menus, teasers' headlines, labels) are "noise".
// Readability runs on a copy of the document; the good blocks it kept are located in the
// intact original, and their common ancestor is widened while each step up adds mostly
// good text. That recovers articles split by ad slots into sibling containers, or where
// Readability settled on one box (a disclosure, a list) next to the real text.
import { ELEMENT_NODE, TEXT_NODE, selectAll, type DomElement, type DomNode } from './dom.js';

const BLOCKS = new Set([
  'P', 'DIV', 'TD', 'TH', 'LI', 'BLOCKQUOTE', 'PRE', 'SECTION', 'ARTICLE', 'MAIN', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'DD', 'DT',
  'FIGURE', 'UL', 'OL', 'TABLE', 'TR', 'HEADER', 'FOOTER', 'ASIDE', 'FORM', 'BODY', 'CENTER', 'ADDRESS',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'SELECT', 'BUTTON', 'TEXTAREA']);

/** Marks good blocks with their index, so they can be recognised in Readability's copy. */
const GOOD_ATTR = 'data-readout-good';

const MIN_GOOD = 60;
const MAX_LINK_SHARE = 0.3;
/** A step up must add at least this much good text, and this many times more than noise. */
const MIN_GAIN = 250;
const GAIN_RATIO = 2.5;

export interface PageBlocks {
  root: DomElement;
  /** Good and noise text per element subtree, in characters. */
  good: Map<DomElement, number>;
  /** Good text of blocks that have a good sibling block: runs of paragraphs, not teasers. */
  runs: Map<DomElement, number>;
  noise: Map<DomElement, number>;
  /** Per good block (by index): its length and its ancestors, itself first, up to root. */
  blocks: Array<{ len: number; chain: DomElement[] }>;
  /** Preorder position of each element, to find it again in a fresh parse of the page. */
  order: Map<DomElement, number>;
}

function textLength(s: string): number {
  let n = 0;
  let space = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ws = c === 32 || c === 10 || c === 9 || c === 13 || c === 160;
    if (!ws || !space) n++;
    space = ws;
  }
  return n;
}

/** Measures the blocks under `root` and marks the good ones with GOOD_ATTR. */
export function measureBlocks(root: DomElement): PageBlocks {
  const own = new Map<DomElement, { text: number; linked: number }>();
  const order = new Map<DomElement, number>();
  const stack: Array<[DomNode, DomElement, boolean]> = [[root, root, false]];
  while (stack.length) {
    const [node, block, inLink] = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      const len = textLength(node.textContent ?? '');
      if (!len) continue;
      let m = own.get(block);
      if (!m) own.set(block, (m = { text: 0, linked: 0 }));
      m.text += len;
      if (inLink) m.linked += len;
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const el = node as DomElement;
    if (SKIP.has(el.tagName)) continue;
    order.set(el, order.size);
    const nextBlock = BLOCKS.has(el.tagName) ? el : block;
    const nextLink = inLink || el.tagName === 'A';
    const kids = el.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i];
      if (k) stack.push([k, nextBlock, nextLink]);
    }
  }
  const pb: PageBlocks = { root, good: new Map(), runs: new Map(), noise: new Map(), blocks: [], order };
  for (const [el, m] of own) {
    const isGood = m.text >= MIN_GOOD && m.linked / m.text <= MAX_LINK_SHARE && !/^H[1-6]$/.test(el.tagName);
    const target = isGood ? pb.good : pb.noise;
    const w = isGood ? m.text - m.linked : m.text;
    const chain: DomElement[] = [];
    for (let e: DomElement | null = el; e; e = e === root ? null : e.parentElement) {
      target.set(e, (target.get(e) ?? 0) + w);
      if (isGood) chain.push(e);
    }
    if (isGood) {
      el.setAttribute(GOOD_ATTR, String(pb.blocks.length));
      pb.blocks.push({ len: w, chain });
    }
  }
  const siblings = new Map<DomElement, number>();
  for (const b of pb.blocks) if (b.chain[1]) siblings.set(b.chain[1], (siblings.get(b.chain[1]) ?? 0) + 1);
  for (const b of pb.blocks) {
    if (!b.chain[1] || (siblings.get(b.chain[1]) ?? 0) < 2) continue;
    for (const e of b.chain) pb.runs.set(e, (pb.runs.get(e) ?? 0) + b.len);
  }
  return pb;
}

/** The element at a preorder position, walking as measureBlocks does. */
export function elementAt(root: DomElement, position: number): DomElement | null {
  let n = 0;
  const stack: DomElement[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    if (SKIP.has(el.tagName)) continue;
    if (n++ === position) return el;
    const kids = el.children;
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i];
      if (k) stack.push(k);
    }
  }
  return null;
}

/** Indices of the good blocks inside an element of (a copy of) the measured document. */
export function goodBlocksIn(el: DomElement): number[] {
  const out: number[] = [];
  const own = el.getAttribute(GOOD_ATTR);
  if (own !== null) out.push(Number(own));
  for (const g of selectAll(el, `[${GOOD_ATTR}]`)) out.push(Number(g.getAttribute(GOOD_ATTR)));
  return out.filter((i) => Number.isInteger(i) && i >= 0);
}

/**
 * The lowest element holding most (85%) of the kept text. A plain common ancestor would be
 * <body> as soon as Readability kept one stray block from elsewhere on the page.
 */
function mainAncestor(pb: PageBlocks, kept: number[]): DomElement | null {
  const weight = new Map<DomElement, number>();
  let total = 0;
  let biggest = kept[0]!;
  for (const i of kept) {
    const b = pb.blocks[i]!;
    total += b.len;
    if (b.len > pb.blocks[biggest]!.len) biggest = i;
    for (const e of b.chain) weight.set(e, (weight.get(e) ?? 0) + b.len);
  }
  return pb.blocks[biggest]!.chain.find((e) => (weight.get(e) ?? 0) >= 0.85 * total) ?? null;
}

/**
 * The container the article really spans, given the good blocks Readability kept, when
 * that differs materially from what it kept; null when Readability's choice stands.
 * With no kept blocks at all, the element with the best good − ½·noise balance.
 */
export function widenSelection(pb: PageBlocks, kept: number[], keptText: number): DomElement | null {
  const valid = kept.filter((i) => i < pb.blocks.length);
  if (!valid.length) return bestBalance(pb);
  // Readability kept a sliver of the page's paragraphs: take the independent pick instead,
  // when it holds far more.
  const keptAll = valid.reduce((sum, i) => sum + pb.blocks[i]!.len, 0);
  const pageGood = pb.good.get(pb.root) ?? 0;
  if (keptAll < 0.3 * pageGood) {
    const alt = bestBalance(pb);
    if (alt && (pb.good.get(alt) ?? 0) >= 3 * keptText) return alt;
  }
  let x = mainAncestor(pb, valid);
  if (!x) return null;
  const start = x;
  const keptLen = valid.reduce((sum, i) => sum + (pb.blocks[i]!.chain.includes(start) ? pb.blocks[i]!.len : 0), 0);
  const path = pb.blocks[valid.find((i) => pb.blocks[i]!.chain.includes(start))!]!.chain;
  for (let i = path.indexOf(x) + 1; i < path.length; i++) {
    const parent = path[i]!;
    const gain = (pb.runs.get(parent) ?? 0) - (pb.runs.get(x) ?? 0);
    const cost = (pb.noise.get(parent) ?? 0) - (pb.noise.get(x) ?? 0) + (pb.good.get(parent) ?? 0) - (pb.good.get(x) ?? 0) - gain;
    // Wrappers that add no paragraphs are passed through without widening.
    if (gain === 0 && cost < MIN_GAIN) continue;
    if (gain < MIN_GAIN || gain < GAIN_RATIO * cost) break;
    x = parent;
  }
  // Blocks Readability dropped inside its own container were mostly dropped on purpose
  // (donation boxes, pull quotes); only text gained by widening counts.
  if (x === start) return null;
  const total = pb.good.get(x) ?? 0;
  const missed = total - keptLen;
  return missed >= MIN_GAIN ? x : null;
}

function bestBalance(pb: PageBlocks): DomElement | null {
  let best: DomElement | null = null;
  let bestScore = 0;
  // The whole page (or a wrapper of nearly all of it) is no choice: it is what the
  // comparison started from.
  const ceiling = 0.9 * (pb.good.get(pb.root) ?? 0);
  for (const [el, g] of pb.good) {
    if (el === pb.root || (g >= ceiling && pb.blocks.length > 3)) continue;
    // Lone good blocks (teaser blurbs) count half against, like noise.
    const runs = pb.runs.get(el) ?? 0;
    const score = runs - 0.5 * ((pb.noise.get(el) ?? 0) + (g - runs));
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best;
}
