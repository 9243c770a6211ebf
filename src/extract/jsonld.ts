// JSON-LD blocks (<script type="application/ld+json">) flattened into a list of typed
// objects. Publishers nest the article inside @graph, arrays, or mainEntity, and often ship
// invalid JSON (raw newlines, trailing commas, HTML comments around it), so parsing is
// lenient and a broken block is skipped rather than fatal.
import type { DomElement } from './dom.js';

export type JsonObject = Record<string, unknown>;

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseLenient(raw: string): unknown {
  const text = raw
    .trim()
    .replace(/^<!--|-->$/g, '')
    .replace(/^\s*\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>\s*$/g, '')
    .trim();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    // Raw control characters inside strings and trailing commas are the usual faults.
    try {
      // Control characters are exactly what breaks these blocks, so the regex names them.
      // eslint-disable-next-line no-control-regex
      return JSON.parse(text.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1'));
    } catch {
      return null;
    }
  }
}

/** The @type of a node as a list of plain names ("NewsArticle", not a schema.org URL). */
export function typesOf(node: JsonObject): string[] {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^https?:\/\/schema\.org\//, ''));
}

/** Every object in the page's JSON-LD, depth-first, with @graph and mainEntity unfolded. */
export function readJsonLd(elements: DomElement[]): JsonObject[] {
  const out: JsonObject[] = [];
  const stack: unknown[] = [];
  for (const script of elements) {
    if (script.tagName !== 'SCRIPT' || !/ld\+json/i.test(script.getAttribute('type') ?? '')) continue;
    const parsed = parseLenient(script.textContent ?? '');
    if (parsed !== null) stack.push(parsed);
    // Reversed pushes below keep document order when popping.
    while (stack.length) {
      const v = stack.pop();
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
      } else if (isObject(v)) {
        out.push(v);
        if (out.length > 500) return out;
        const nested = [v['@graph'], v.mainEntity, v.mainEntityOfPage].filter((x) => isObject(x) || Array.isArray(x));
        for (let i = nested.length - 1; i >= 0; i--) {
          const n = nested[i];
          // mainEntityOfPage is usually a WebPage stub; only unfold it when it carries a type.
          if (isObject(n) && n === v.mainEntityOfPage && !n['@type']) continue;
          stack.push(n);
        }
      }
    }
  }
  return out;
}

const ARTICLE_TYPE = /Article$|^(BlogPosting|LiveBlogPosting|SocialMediaPosting|DiscussionForumPosting|Report|Review|NewsArticle|PressRelease|SpeechTranscript|Transcript)$/;

/** The article node: the first JSON-LD object whose @type names an article kind. */
export function articleNode(nodes: JsonObject[]): JsonObject | null {
  return nodes.find((n) => typesOf(n).some((t) => ARTICLE_TYPE.test(t))) ?? null;
}

/** A string value, or the name/text inside an object, or the first usable array entry. */
export function stringOf(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    for (const x of v) {
      const s = stringOf(x);
      if (s) return s;
    }
    return null;
  }
  if (isObject(v)) return stringOf(v.name ?? v['@value'] ?? v.text);
  return null;
}
