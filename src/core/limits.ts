// Length caps on the text fields that come from outside (feed items, pages, JSONL imports),
// in one place. A field over its cap is cut (text) or refused (URLs: a cut URL points
// elsewhere). The caps are far above any real value: they only stop a hostile or broken
// document from turning one field into megabytes of job payload and article row.

export const FIELD_LIMITS = {
  /** Headlines: the longest real ones are a few hundred characters. */
  title: 1_000,
  /** Author names, possibly several joined with commas. */
  byline: 300,
  /** A URL longer than this is refused, not cut (browsers and servers balk well before it). */
  url: 2_048,
  /** Feed summaries carried as hints in an article job. */
  summary: 10_000,
  /** Date strings as given (ISO or RFC 822 with a zone name). */
  published: 100,
  /** Outlet names and page sections. */
  name: 300,
} as const;

export type CappedField = keyof typeof FIELD_LIMITS;

/**
 * `text` cut to at most `max` UTF-16 units, ending in "…" when cut, never splitting a
 * surrogate pair (half an emoji would be an invalid string for PostgreSQL and JSON).
 */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // a high surrogate whose partner would be cut off
  return `${text.slice(0, end)}…`;
}

/** capText for a nullable field, by its name in FIELD_LIMITS. */
export function capField<T extends string | null | undefined>(value: T, field: CappedField): T {
  return (typeof value === 'string' ? capText(value, FIELD_LIMITS[field]) : value) as T;
}

/** Null when `url` is an absolute http(s) URL within the length cap, else why it is refused. */
export function webUrlProblem(url: string): string | null {
  if (url.length > FIELD_LIMITS.url) return `is ${url.length} characters long (the limit is ${FIELD_LIMITS.url})`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not an absolute URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `is a ${parsed.protocol} URL (only http: and https: articles are stored)`;
  if (!parsed.hostname) return 'has no host';
  return null;
}

/** A short, single-line quote of untrusted input for an error message. */
export function quoteInput(value: string, max = 60): string {
  return JSON.stringify(capText(value.replace(/\s+/g, ' '), max));
}
