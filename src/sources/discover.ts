// Feed autodiscovery: the feeds a web page advertises with
// <link rel="alternate" type="application/rss+xml|atom+xml|feed+json|json" href="…">.
// A tag scanner, not a DOM: only <link> and <base> tags matter, outside comments,
// scripts and styles.
import { decodeEntities } from './entities.js';
import { resolveUrl } from './xml.js';

const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/feed+json', 'application/json', 'application/rdf+xml', 'application/x.atom+xml', 'application/x-atom+xml', 'application/x-rss+xml']);
const TAG_START = /<(link|base)\b/gi;
/** Longest <link> tag considered; bounds the work on pathological input. */
const MAX_TAG = 4096;
const ATTR = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

/** Index of the '>' ending a tag whose attributes start at `start` (quotes honoured), or -1. */
function tagEnd(html: string, start: number): number {
  let quote = '';
  const stop = Math.min(html.length, start + MAX_TAG);
  for (let i = start; i < stop; i++) {
    const c = html[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
    else if (c === '<') return -1;
  }
  return -1;
}

function attributes(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of raw.matchAll(ATTR)) {
    const key = (m[1] ?? '').toLowerCase();
    if (key && !(key in out)) out[key] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

/** Absolute feed URLs advertised by the page, deduplicated, in page order. */
export function discoverFeeds(html: string, baseUrl: string): string[] {
  const visible = html.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ').replace(/<(script|style|template)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ');
  let base = baseUrl;
  const found: string[] = [];
  const seen = new Set<string>();
  for (const m of visible.matchAll(TAG_START)) {
    const start = m.index + m[0].length;
    const end = tagEnd(visible, start);
    if (end === -1) continue;
    const attrs = attributes(visible.slice(start, end));
    if (m[1]?.toLowerCase() === 'base') {
      if (attrs.href && base === baseUrl) base = resolveUrl(attrs.href, baseUrl) ?? baseUrl;
      continue;
    }
    const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
    const type = (attrs.type ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
    if (!rel.includes('alternate') || !FEED_TYPES.has(type) || !attrs.href?.trim()) continue;
    const url = resolveUrl(attrs.href, base);
    if (!url || seen.has(url) || /^(javascript|data|mailto):/i.test(url)) continue;
    seen.add(url);
    found.push(url);
  }
  return found;
}
