// A search snippet: the API marks matched words with « and »; they become <mark> elements by
// splitting the string (the snippet is article text, so it is only ever rendered as React text).
import type { ReactNode } from 'react';

/** "a «talks» offer" → ['a ', {mark: 'talks'}, ' offer']; an unmatched « or » stays as text. */
export function splitMarks(snippet: string): (string | { mark: string })[] {
  const out: (string | { mark: string })[] = [];
  const re = /«([^«»]*)»/g;
  let at = 0;
  for (let m = re.exec(snippet); m; m = re.exec(snippet)) {
    if (m.index > at) out.push(snippet.slice(at, m.index));
    if (m[1]) out.push({ mark: m[1] });
    at = m.index + m[0].length;
  }
  if (at < snippet.length) out.push(snippet.slice(at));
  return out;
}

export function Snippet({ text }: { text: string }) {
  const parts: ReactNode[] = splitMarks(text).map((p, i) => (typeof p === 'string' ? p : <mark key={i}>{p.mark}</mark>));
  return <p className="search-snippet">{parts}</p>;
}
