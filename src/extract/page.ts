// HTML page → ExtractedPage. One parse; metadata and dates are read first (Readability
// rewrites the document), then reader comments are lifted out (so they cannot leak into
// the body), then the body is extracted. Pure and deterministic; garbage in gives an
// empty page out, never an exception.
import type { ExtractedPage } from '../core/types.js';
import { extractBody } from './body.js';
import { extractComments } from './comments.js';
import { listElements, maxDepth, parseDocument, type DomDocument } from './dom.js';
import { markupStats, stripTags } from './html-source.js';
import { toParagraphs } from './text.js';
import { readJsonLd } from './jsonld.js';
import { classifyKind } from './kind.js';
import { detectLanguage } from './language.js';
import { metaMap, readMetadata } from './metadata.js';
import { dateInText, publishedFromPage } from './published-date.js';

/** Beyond these the DOM build gets slow: quadratic in depth, ~10 µs per node. */
const MAX_UNCLOSED = 5000;
const MAX_TAGS = 80_000;
const MAX_SPECIALS = 200_000;
/**
 * Real pages nest 15–50 elements deep; Readability's cleaning is superlinear in depth
 * (250 levels: 0.2 s, 1000 levels: 4.5 s), so deeper documents take the plain path.
 */
const MAX_DEPTH = 200;

function emptyPage(url: string | null, text = ''): ExtractedPage {
  return {
    url,
    canonicalUrl: null,
    title: null,
    byline: null,
    published: null,
    language: detectLanguage(text, null),
    kind: 'news',
    section: null,
    text,
    comments: [],
  };
}

/** Degraded mode for pathological markup: tag-stripped text, no metadata. */
function plainTextPage(html: string, url: string | null): ExtractedPage {
  const text = stripTags(html)
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
  return emptyPage(url, text);
}

/** Deeply nested markup: the document's text with paragraph breaks, no further analysis. */
function plainDomPage(doc: DomDocument, url: string | null): ExtractedPage {
  return emptyPage(url, toParagraphs(doc.body).join('\n\n'));
}

export function extractPage(html: string, url: string | null): ExtractedPage {
  if (!html || !/\S/.test(html)) return emptyPage(url);
  try {
    const stats = markupStats(html);
    if (stats.unclosed > MAX_UNCLOSED || stats.tags > MAX_TAGS || stats.specials > MAX_SPECIALS) return plainTextPage(html, url);
    return extract(html, url);
  } catch {
    // A DOM library failure on hostile input must not take the caller down.
    try {
      return plainTextPage(html, url);
    } catch {
      return emptyPage(url);
    }
  }
}

function extract(html: string, url: string | null): ExtractedPage {
  const doc = parseDocument(html);
  if (maxDepth(doc.documentElement) > MAX_DEPTH) return plainDomPage(doc, url);
  // One list of elements serves every metadata reader (see listElements).
  const elements = listElements(doc.documentElement);
  const jsonld = readJsonLd(elements);
  const meta = metaMap(elements);
  const md = readMetadata(doc, elements, meta, jsonld, url);
  const pagePublished = publishedFromPage({ elements, jsonld, meta, url });
  const comments = extractComments(doc, elements);
  const reparse = (): DomDocument => {
    const fresh = parseDocument(html);
    extractComments(fresh, listElements(fresh.documentElement));
    return fresh;
  };
  const body = extractBody(doc, { title: md.title, byline: md.byline, articleBody: md.articleBody, description: md.description }, reparse);
  const text = body.paragraphs.join('\n\n');
  const lead = body.paragraphs.slice(0, 3).join('\n');
  return {
    url,
    canonicalUrl: md.canonicalUrl,
    title: md.title,
    byline: md.byline,
    published: pagePublished ?? dateInText(lead.slice(0, 300)),
    language: detectLanguage(text || md.description || md.title || '', md.declaredLanguage),
    kind: classifyKind({ types: md.types, section: md.section, genre: md.genre, url: md.canonicalUrl ?? url, title: md.title, byline: md.byline, lead }),
    section: md.section,
    text,
    comments,
  };
}
