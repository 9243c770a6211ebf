// Turns what a user typed into safe full-text terms: "quoted phrases" stay phrases, other
// words are ANDed. Nothing the user types reaches FTS syntax: stray quotes, brackets and
// operators are dropped, and each term is later passed as a quoted string (SQLite) or through
// plainto/phraseto_tsquery (PostgreSQL), which never raise syntax errors.

export interface SearchTerm {
  text: string;
  phrase: boolean;
}

/** More terms than this are ignored (each one costs an index lookup). */
export const MAX_TERMS = 32;

const HAS_WORD = /[\p{L}\p{N}]/u;

export function parseSearchText(input: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  // A quote without its partner matches neither branch and is skipped.
  for (const m of input.normalize('NFC').matchAll(/"([^"]*)"|[^\s"]+/g)) {
    const phrase = m[1] !== undefined;
    const text = (phrase ? (m[1] ?? '') : m[0]).replace(/\s+/g, ' ').trim();
    if (!HAS_WORD.test(text)) continue;
    // Words are ANDed anyway; a bare AND is the user spelling that out.
    if (!phrase && text === 'AND') continue;
    terms.push({ text, phrase });
    if (terms.length === MAX_TERMS) break;
  }
  return terms;
}

/** An FTS5 MATCH expression: every term as a quoted string, implicitly ANDed. */
export function fts5Expression(terms: SearchTerm[]): string {
  return terms.map((t) => `"${t.text.replaceAll('"', '""')}"`).join(' ');
}
