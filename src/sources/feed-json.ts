// JSON Feed 1.0 / 1.1 (https://jsonfeed.org/version/1.1) → ParsedFeed.
import type { FeedItem, ParsedFeed } from '../core/types.js';
import { parseFeedDate } from './dates.js';
import { cleanAuthor, joinAuthors, makeItem } from './feed-common.js';
import { collapseWhitespace, htmlToText, toPlain } from './text.js';
import { resolveUrl } from './xml.js';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : null);

/** True when a parsed JSON value is a JSON Feed (declared version, or an items array of feed-like objects). */
export function isJsonFeed(v: unknown): v is Json {
  if (!isObject(v)) return false;
  if (typeof v.version === 'string' && /jsonfeed\.org\/version\//i.test(v.version)) return true;
  return Array.isArray(v.items) && (typeof v.title === 'string' || typeof v.home_page_url === 'string') && v.items.every((i) => isObject(i) && ('id' in i || 'url' in i));
}

function authorNames(obj: Json): string | null {
  const list: unknown[] = Array.isArray(obj.authors) ? obj.authors : obj.author !== undefined ? [obj.author] : [];
  return joinAuthors(list.map((a) => (isObject(a) ? cleanAuthor(str(a.name)) : cleanAuthor(str(a)))));
}

export function readJsonFeed(feed: Json, baseUrl: string | null): ParsedFeed {
  const feedUrl = str(feed.feed_url);
  const docBase = baseUrl ?? (feedUrl ? resolveUrl(feedUrl, null) : null);
  const home = resolveUrl(str(feed.home_page_url), docBase);
  const base = home && /^[a-z][a-z0-9+.-]*:\/\//i.test(home) ? home : docBase;
  const feedAuthor = authorNames(feed);
  const items: FeedItem[] = [];
  for (const raw of Array.isArray(feed.items) ? feed.items : []) {
    if (!isObject(raw)) continue;
    const html = str(raw.content_html);
    const text = str(raw.content_text);
    const content = html ? htmlToText(html, { paragraphs: true }) || null : text ? text.split(/\n\s*\n/).map(collapseWhitespace).filter(Boolean).join('\n\n') || null : null;
    items.push(
      makeItem({
        id: str(raw.id)?.trim() ?? null,
        title: toPlain(str(raw.title)),
        link: resolveUrl(str(raw.url) ?? str(raw.external_url), base),
        published: parseFeedDate(str(raw.date_published)) ?? parseFeedDate(str(raw.date_modified)),
        author: authorNames(raw) ?? feedAuthor,
        summary: toPlain(str(raw.summary)),
        content,
        commentsFeed: null,
      }),
    );
  }
  return { title: toPlain(str(feed.title)), link: home, items };
}
