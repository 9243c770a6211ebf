// Plain text (a .txt file, a feed item's full text, a JSONL record) as an ExtractedPage, so it
// enters the store by the same path as an extracted web page.
import type { ExtractedPage } from '../core/types.js';
import { detectLanguage } from '../extract/language.js';

/** A first line this short, followed by a blank line, is taken as the headline. */
const MAX_HEADLINE = 200;

export function pageFromText(
  input: string,
  title: string | null,
  meta: { published?: string | null; byline?: string | null } = {},
): ExtractedPage {
  let text = input.replace(/\r\n?/g, '\n').trim();
  let headline = title;
  if (!headline) {
    const m = /^([^\n]{1,200})\n\s*\n/.exec(text);
    if (m && m[1]!.length <= MAX_HEADLINE && !/[.!?"”]$/.test(m[1]!.trim())) {
      headline = m[1]!.trim();
      text = text.slice(m[0].length).trim();
    }
  }
  return {
    url: null,
    canonicalUrl: null,
    title: headline,
    byline: meta.byline ?? null,
    published: meta.published ?? null,
    language: detectLanguage(text, null),
    kind: 'news',
    section: null,
    text: text.replace(/\n{3,}/g, '\n\n'),
    comments: [],
  };
}
