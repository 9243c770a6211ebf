// DOM subtree → plain text with one blank line between paragraphs. Block elements
// (paragraphs, headings, list items, table rows, …) each start a new paragraph; inline
// text is joined with collapsed whitespace; <br> starts a new line inside a paragraph.
// Iterative, so deeply nested markup cannot overflow the stack.
import { ELEMENT_NODE, TEXT_NODE, type DomElement, type DomNode } from './dom.js';

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HGROUP', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD',
  'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'CENTER',
]);

const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'SELECT', 'OPTION', 'BUTTON', 'INPUT', 'TEXTAREA', 'HEAD', 'TITLE', 'META', 'LINK']);

// Table cells on one row stay on one line, separated by a tab-like space.
const CELL_TAGS = new Set(['TD', 'TH']);

/**
 * Text paragraphs of a subtree, in document order; empty paragraphs are dropped. `skip`
 * leaves out whole elements (nested comments, metadata) without copying the tree.
 */
export function toParagraphs(root: DomNode, skip?: (el: DomElement) => boolean): string[] {
  const paras: string[] = [];
  let lines: string[] = [];
  let line = '';
  const flushLine = (): void => {
    const t = line.replace(/[ \t\r\n\f\u00a0\u200b]+/g, ' ').trim();
    if (t) lines.push(t);
    line = '';
  };
  const flushPara = (): void => {
    flushLine();
    if (lines.length) paras.push(lines.join('\n'));
    lines = [];
  };
  // Explicit stack of [node, leaving?] pairs instead of recursion.
  const stack: Array<[DomNode, boolean]> = [[root, false]];
  while (stack.length) {
    const [node, leaving] = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      line += node.textContent ?? '';
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const tag = (node as DomElement).tagName.toUpperCase();
    if (leaving) {
      if (BLOCK_TAGS.has(tag) && !CELL_TAGS.has(tag)) flushPara();
      else if (CELL_TAGS.has(tag)) line += ' ';
      continue;
    }
    if (node !== root && (SKIP_TAGS.has(tag) || skip?.(node as DomElement))) continue;
    if (tag === 'BR') {
      // <br><br> is how many templates separate paragraphs.
      if (!line.trim() && lines.length) flushPara();
      else flushLine();
      continue;
    }
    if (BLOCK_TAGS.has(tag) && !CELL_TAGS.has(tag)) flushPara();
    stack.push([node, true]);
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i];
      if (k) stack.push([k, false]);
    }
  }
  flushPara();
  return paras;
}

export function toText(root: DomNode, skip?: (el: DomElement) => boolean): string {
  return toParagraphs(root, skip).join('\n\n');
}
