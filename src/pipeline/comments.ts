// Reader comments that arrive as a feed (wfw:commentRss or a `comments` source): each item
// becomes a comment on the article it belongs to, stored apart from the article body.
import type { ParsedFeed, ReaderComment } from '../core/types.js';
import { canonicalUrl, hostKey } from '../fetch/url.js';
import type { Store } from '../store/types.js';
import { scoreComments } from '../opinion/record.js';

/** The article a comment item belongs to: its link without the #comment-N fragment. */
function articleUrlOf(itemLink: string | null, fallback: string | null): string | null {
  if (itemLink && /^https?:/i.test(itemLink)) return itemLink.replace(/#.*$/, '');
  return fallback;
}

/**
 * Attaches comment-feed items to their articles. Items whose article is not stored yet queue
 * that article for fetching; their comments are picked up on the next poll of the comment feed.
 * Returns how many comments were new.
 */
export async function attachComments(
  store: Store,
  feed: ParsedFeed,
  articleUrl: string | null,
  sourceId: number | null,
): Promise<number> {
  const byArticle = new Map<string, ReaderComment[]>();
  for (const item of feed.items) {
    const url = articleUrl ?? articleUrlOf(item.link, feed.link);
    const text = (item.content ?? item.summary ?? '').trim();
    if (!url || !text) continue;
    const list = byArticle.get(url) ?? [];
    list.push({ author: item.author, published: item.published, text });
    byArticle.set(url, list);
  }
  let added = 0;
  for (const [url, comments] of byArticle) {
    const article = await store.findArticleByUrl(canonicalUrl(url));
    if (article) {
      added += await store.addComments(article.id, comments);
      await scoreComments(store, article.id);
    } else {
      await store.enqueue({ kind: 'article', payload: { url, sourceId, hints: {} }, dedupeKey: `article:${canonicalUrl(url)}`, sourceId, host: hostKey(url) });
    }
  }
  return added;
}
