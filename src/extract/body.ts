// Main text. Readability (Mozilla's reader view) picks the article container on a page
// already stripped of furniture (boilerplate.ts); a second opinion (candidate.ts) widens
// that choice when Readability kept only part of an article split into sibling
// containers, or replaces it when it kept a sliver. The chosen container is cleaned again
// (teasers.ts: links to other stories; phrases.ts: captions, prompts, bios) and turned
// into paragraphs. When nothing usable is found, the JSON-LD articleBody stands in.
import { Readability } from '@mozilla/readability';
import { clean, type DomDocument, type DomElement } from './dom.js';
import { dropDek, dropFurniture, preClean } from './boilerplate.js';
import { dropLinkBlocks, keepMainArticle } from './teasers.js';
import { isBoilerplateParagraph } from './phrases.js';
import { elementAt, goodBlocksIn, measureBlocks, widenSelection } from './candidate.js';
import { toParagraphs } from './text.js';

export interface BodyHints {
  title: string | null;
  byline: string | null;
  /** JSON-LD articleBody. */
  articleBody: string | null;
  /** The page description (og:description), to recognise the standfirst. */
  description: string | null;
}

export interface BodyResult {
  paragraphs: string[];
  via: 'readability' | 'candidate' | 'json-ld' | 'page' | 'none';
}

const MIN_CHARS = 200;

function runReadability(doc: DomDocument): DomElement | null {
  try {
    const reader = new Readability(doc as never, { keepClasses: true, serializer: (el: unknown) => el });
    const res = reader.parse();
    return (res?.content as unknown as DomElement | null | undefined) ?? null;
  } catch {
    // Pathological markup (very deep nesting) can exhaust Readability's recursion.
    return null;
  }
}

const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Paragraph-level cleaning of the chosen container. */
function cleanParagraphs(paras: string[], hints: BodyHints): string[] {
  const title = hints.title ? norm(hints.title) : null;
  const byline = hints.byline ? norm(hints.byline) : null;
  const kept: string[] = [];
  paras.forEach((p, index) => {
    const n = norm(p);
    if (!n) return;
    // The headline and the bare byline repeat metadata; they are not body text.
    if (title && n === title) return;
    if (byline && (n === byline || n === `by ${byline}`)) return;
    if (isBoilerplateParagraph(p, { index, count: paras.length })) return;
    kept.push(p);
  });
  return kept;
}

function lengthOf(paras: string[]): number {
  let n = 0;
  for (const p of paras) n += p.length;
  return n;
}

function splitText(text: string): string[] {
  return text
    .split(/\n\s*\n|\r?\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** DOM-level cleaning of the chosen container, then its paragraphs. */
function finish(container: DomElement, hints: BodyHints): string[] {
  keepMainArticle(container);
  dropFurniture(container);
  dropLinkBlocks(container);
  return cleanParagraphs(toParagraphs(container), hints);
}

/**
 * `reparse` gives a fresh copy of the page as it was handed in (comments already lifted
 * out); it is called only in the rare case where the text must be taken from the original
 * layout, which Readability has rewritten by then.
 */
export function extractBody(doc: DomDocument, hints: BodyHints, reparse: () => DomDocument): BodyResult {
  preClean(doc);
  dropDek(doc.body, hints.description);
  const blocks = measureBlocks(doc.body);
  const article = runReadability(doc);
  const wider = widenSelection(blocks, article ? goodBlocksIn(article) : [], article ? clean(article.textContent).length : 0);
  const paragraphs = article ? finish(article, hints) : [];
  const position = wider ? blocks.order.get(wider) : undefined;
  if (position !== undefined) {
    const fresh = reparse();
    preClean(fresh);
    dropDek(fresh.body, hints.description);
    const twin = elementAt(fresh.body, position);
    const alt = twin ? finish(twin, hints) : [];
    if (lengthOf(alt) > lengthOf(paragraphs)) return { paragraphs: alt, via: 'candidate' };
  }
  if (lengthOf(paragraphs) >= MIN_CHARS) return { paragraphs, via: 'readability' };
  const ld = hints.articleBody ? cleanParagraphs(splitText(hints.articleBody), hints) : [];
  if (lengthOf(ld) > lengthOf(paragraphs)) return { paragraphs: ld, via: 'json-ld' };
  if (paragraphs.length) return { paragraphs, via: 'readability' };
  // Nothing recognisable as an article (a bare page of text): the cleaned page text.
  const fresh = reparse();
  preClean(fresh);
  const all = finish(fresh.body, hints);
  return { paragraphs: all, via: all.length ? 'page' : 'none' };
}
