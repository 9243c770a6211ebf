// Text for brief output. Article text reaches a brief as stored, and a stored quote, sentence
// or title may still hold character references ("&amp;", "&#8217;", or "&amp;amp;" from a feed
// that escaped twice). plainText decodes them (at most twice) when the brief is assembled, and
// the renderers decode again before escaping, so a brief saved before this rule also prints
// clean text; each renderer then escapes exactly once for its output: escapeHtml for HTML,
// escapeMarkdown for Markdown.
import { decodeEntities } from '../sources/entities.js';

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text with its character references decoded (twice at most: "&amp;amp;" → "&"). */
export function plainText(text: string): string {
  const once = decodeEntities(text);
  return once === text ? once : decodeEntities(once);
}

/** Text or attribute value for HTML: & < > " ' escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML[c]!);
}

/** Article text for HTML: decoded (plainText), then escaped once. */
export function textHtml(text: string): string {
  return escapeHtml(plainText(text));
}

/** A URL for an href: only http(s), escaped; anything else becomes "#". */
export function safeHref(url: string): string {
  return /^https?:\/\//i.test(url.trim()) ? escapeHtml(url.trim()) : '#';
}

/**
 * Inline Markdown text: decoded (plainText), one line, "<" and ">" written as references (a
 * Markdown viewer would otherwise render "<script>" as HTML), "&" escaped only where it would
 * start a reference ("&copy;"), so "Trade & Industry" reads as written, and the characters that
 * start Markdown syntax inline backslash-escaped.
 */
export function escapeMarkdown(text: string): string {
  return plainText(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#])/g, '\\$1');
}

/** A URL inside Markdown link parentheses: only http(s); spaces and parentheses percent-encoded. */
export function markdownUrl(url: string): string {
  const u = url.trim();
  if (!/^https?:\/\//i.test(u)) return '#';
  return u.replace(/ /g, '%20').replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/</g, '%3C').replace(/>/g, '%3E');
}
