// `sources add URL` without --kind: fetch the URL once and decide what it is. A page that
// advertises a feed (<link rel="alternate" type="application/rss+xml">) becomes that feed.
import { ReadoutError, describeError } from '../core/errors.js';
import type { SourceKind } from '../core/types.js';
import { decodeText } from '../extract/charset.js';
import type { Fetcher } from '../fetch/types.js';
import { detectDocument } from '../sources/detect.js';
import { discoverFeeds } from '../sources/discover.js';
import { parseFeed } from '../sources/feed.js';

export interface DiscoveredSource {
  url: string;
  kind: SourceKind;
  title: string | null;
  /** How the kind was decided, for the user. */
  reason: string;
}

export async function discoverSource(fetcher: Fetcher, url: string): Promise<DiscoveredSource> {
  let res;
  try {
    res = await fetcher.fetch({ url });
  } catch (err) {
    throw new ReadoutError('fetch', `could not fetch ${url} to discover what it is: ${describeError(err)}`, {
      hint: 'check the URL, or give --kind feed|sitemap|page|comments to add it without fetching',
    });
  }
  const type = detectDocument(res.body, { contentType: res.contentType, path: new URL(res.finalUrl).pathname });
  if (type === 'feed') {
    const title = safeFeedTitle(res.body, res.finalUrl);
    return { url, kind: 'feed', title, reason: 'the URL is a feed' };
  }
  if (type === 'sitemap') return { url, kind: 'sitemap', title: null, reason: 'the URL is a sitemap' };
  if (type === 'html') {
    const feeds = discoverFeeds(decodeText(res.body, res.contentType).text, res.finalUrl);
    if (feeds.length > 0) {
      const feedUrl = feeds[0]!;
      let title: string | null = null;
      try {
        title = safeFeedTitle((await fetcher.fetch({ url: feedUrl })).body, feedUrl);
      } catch {
        title = null; // the feed's own title is only a nicety; polling will report real errors
      }
      return { url: feedUrl, kind: 'feed', title, reason: `the page advertises the feed ${feedUrl}` };
    }
    return { url, kind: 'page', title: null, reason: 'a web page without an advertised feed; it will be watched as a page' };
  }
  throw new ReadoutError('input', `${url} is ${type}, not a feed, sitemap or web page`, { hint: 'give --kind explicitly if this is wrong' });
}

function safeFeedTitle(body: Buffer, url: string): string | null {
  try {
    return parseFeed(body, url).title;
  } catch {
    return null; // unparseable now; the poll will record the parse error on the source
  }
}
