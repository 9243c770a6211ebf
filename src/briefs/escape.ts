// Escaping for brief output: every piece of text from articles goes through one of these.

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or attribute value for HTML: & < > " ' escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML[c]!);
}

/** A URL for an href: only http(s), escaped; anything else becomes "#". */
export function safeHref(url: string): string {
  return /^https?:\/\//i.test(url.trim()) ? escapeHtml(url.trim()) : '#';
}

/**
 * Inline Markdown text: one line, HTML-significant characters escaped (a Markdown viewer would
 * otherwise render "<script>" as HTML), and the characters that start Markdown syntax inline
 * backslash-escaped.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/&/g, '&amp;')
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
