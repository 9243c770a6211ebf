// The slice of the DOM the extractor uses, typed structurally: the project compiles without
// lib "dom", and linkedom's own typings lean on those globals. Parsing goes through
// linkedom after html-source.ts has reshaped the input into a well-formed skeleton.
import { parseHTML } from 'linkedom';
import { normaliseHtml } from './html-source.js';

export interface DomList<T> extends Iterable<T> {
  readonly length: number;
  readonly [index: number]: T;
}

export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly parentNode: DomNode | null;
  readonly parentElement: DomElement | null;
  readonly childNodes: DomList<DomNode>;
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
  textContent: string | null;
  remove(): void;
  cloneNode(deep?: boolean): DomNode;
}

export interface DomElement extends DomNode {
  readonly tagName: string;
  readonly localName: string;
  readonly id: string;
  readonly className: string;
  readonly children: DomList<DomElement>;
  readonly firstElementChild: DomElement | null;
  readonly nextElementSibling: DomElement | null;
  innerHTML: string;
  readonly outerHTML: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): DomList<DomElement>;
  closest(selector: string): DomElement | null;
  matches(selector: string): boolean;
  appendChild(node: DomNode): DomNode;
  replaceWith(...nodes: DomNode[]): void;
  contains(node: DomNode | null): boolean;
}

export interface DomDocument {
  readonly documentElement: DomElement;
  readonly head: DomElement;
  readonly body: DomElement;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): DomList<DomElement>;
  createElement(tag: string): DomElement;
  createTextNode(text: string): DomNode;
  cloneNode(deep?: boolean): unknown;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export const isElement = (n: DomNode | null | undefined): n is DomElement => n?.nodeType === ELEMENT_NODE;

/**
 * Every element under `root` in document order. Built once per page: filtering this array
 * is much cheaper than linkedom's querySelectorAll with attribute-substring selectors.
 */
export function listElements(root: DomElement): DomElement[] {
  const out: DomElement[] = [];
  const stack: DomElement[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    out.push(el);
    const kids = el.children;
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i];
      if (k) stack.push(k);
    }
  }
  return out;
}

/** Depth of the deepest element under `root` (root = 1). */
export function maxDepth(root: DomElement): number {
  let max = 0;
  const stack: Array<[DomElement, number]> = [[root, 1]];
  while (stack.length) {
    const [el, d] = stack.pop()!;
    if (d > max) max = d;
    for (const k of el.children) stack.push([k, d + 1]);
  }
  return max;
}

/** The class attribute as a string ("" when absent). */
export function classOf(el: DomElement): string {
  // getAttribute is cheaper than linkedom's className getter.
  return el.getAttribute('class') ?? '';
}

/** querySelectorAll that answers [] instead of throwing on a selector linkedom rejects. */
export function selectAll(root: DomDocument | DomElement, selector: string): DomElement[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

const OTHER_AREA = /^(?:comments?|comment-list|commentlist|comment-body|comments-area|disqus_thread|respond|sidebar|related|related-posts|site-footer|widget-area|widgets?)$/i;

/**
 * True inside a comment thread or sidebar (class/id tokens, exact), where names and dates
 * belong to other people or other stories; with `chrome`, inside <aside>/<footer> too.
 */
export function inArea(el: DomElement, chrome = false): boolean {
  for (let e: DomElement | null = el; e; e = e.parentElement) {
    const cls = typeof e.className === 'string' ? e.className : '';
    if (`${cls} ${e.id ?? ''}`.split(/\s+/).some((t) => OTHER_AREA.test(t))) return true;
    if (chrome && (e.tagName === 'ASIDE' || e.tagName === 'FOOTER')) return true;
  }
  return false;
}

/**
 * Text of a small element with a space between text nodes, so "<span>By</span><a>Jane
 * Roe</a>" reads "By Jane Roe" rather than textContent's "ByJane Roe".
 */
export function spacedText(el: DomElement, limit = 400): string {
  const parts: string[] = [];
  let size = 0;
  const stack: DomNode[] = [el];
  while (stack.length && size < limit) {
    const n = stack.pop()!;
    if (n.nodeType === TEXT_NODE) {
      const t = n.textContent ?? '';
      parts.push(t);
      size += t.length;
      continue;
    }
    if (n.nodeType !== ELEMENT_NODE || /^(SCRIPT|STYLE)$/.test((n as DomElement).tagName)) continue;
    const kids = n.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i];
      if (k) stack.push(k);
    }
  }
  return clean(parts.join(' '));
}

/** Collapses runs of whitespace (including NBSP) to one space and trims. */
export function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
}

/** Parses HTML into a document that always has documentElement, head and body. */
export function parseDocument(html: string): DomDocument {
  const { document } = parseHTML(normaliseHtml(html)) as unknown as { document: DomDocument };
  return document;
}
