// Data shapes that cross stage boundaries. Each stage takes content, not URLs, so every
// step can be tested from saved fixtures; only src/fetch touches the network.

export type SourceKind = 'feed' | 'sitemap' | 'page' | 'comments';
export type ArticleKind = 'news' | 'opinion' | 'analysis' | 'press-release' | 'transcript' | 'other';
export const ARTICLE_KINDS: readonly ArticleKind[] = ['news', 'opinion', 'analysis', 'press-release', 'transcript', 'other'];
export const SOURCE_KINDS: readonly SourceKind[] = ['feed', 'sitemap', 'page', 'comments'];

export interface ReaderComment {
  author: string | null;
  published: string | null;
  text: string;
}

/** What the page extractor returns for one HTML document (`readout extract` prints a subset). */
export interface ExtractedPage {
  url: string | null;
  canonicalUrl: string | null;
  title: string | null;
  byline: string | null;
  /** ISO date or date-time. */
  published: string | null;
  language: string;
  kind: ArticleKind;
  section: string | null;
  text: string;
  comments: ReaderComment[];
}

export interface FeedItem {
  id: string;
  title: string | null;
  link: string | null;
  published: string | null;
  author: string | null;
  summary: string | null;
  /** Full content (content:encoded, atom:content) as plain text, when the feed carries it. */
  content: string | null;
  /** Per-item comment feed (wfw:commentRss), absolute. */
  commentsFeed: string | null;
}

export interface ParsedFeed {
  title: string | null;
  link: string | null;
  items: FeedItem[];
}

export interface SitemapEntry {
  loc: string;
  lastmod: string | null;
  /** From <news:news>, when present. */
  title: string | null;
  published: string | null;
}

export interface ParsedSitemap {
  kind: 'urlset' | 'index';
  entries: SitemapEntry[];
}

/** A raw HTTP response (or local file) as archived before extraction. */
export interface RawResponse {
  url: string;
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  fetchedAt: string;
}
