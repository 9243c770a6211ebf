// Polls one source once: conditional GET, archive the raw response, parse it by the source's
// kind, and enqueue what it lists. Fetch and parse failures are recorded on the source's
// health (with backoff) instead of failing the job: the scheduler owns the retry policy.
import { describeError } from '../core/errors.js';
import type { ExtractedPage, FeedItem, ParsedFeed, ParsedSitemap } from '../core/types.js';
import { decodeText } from '../extract/charset.js';
import { extractPage } from '../extract/page.js';
import { webUrlProblem } from '../core/limits.js';
import type { FetchResult } from '../fetch/types.js';
import { canonicalUrl, hostKey } from '../fetch/url.js';
import { detectDocument } from '../sources/detect.js';
import { parseFeed } from '../sources/feed.js';
import { parseSitemap } from '../sources/sitemap.js';
import type { Source, Store } from '../store/types.js';
import { attachComments } from './comments.js';
import { capHints } from './jobs.js';
import { afterFailure, afterSuccess } from './schedule.js';
import type { Services } from './services.js';
import { storeArticle } from './store-article.js';

/** Newest entries taken from one sitemap poll; older ones are left for a backfill. */
const MAX_SITEMAP_ENTRIES = 200;
/** Child sitemaps followed from one sitemap index per poll (newest first). */
const MAX_CHILD_SITEMAPS = 5;

export interface PollOutcome {
  ok: boolean;
  notModified: boolean;
  /** Items newly queued or stored by this poll. */
  newItems: number;
  error: string | null;
}

export async function pollSource(svc: Services, sourceId: number, jobId: number): Promise<PollOutcome> {
  const source = await svc.store.getSource(sourceId);
  if (!source || !source.enabled) return { ok: true, notModified: false, newItems: 0, error: null };
  const log = svc.logger.child({ stage: 'poll', source_id: source.id, url: source.url, job_id: jobId });
  const policy = { jitter: svc.config.scheduler.jitter, maxBackoffMs: svc.config.scheduler.maxBackoffMs };
  let res: FetchResult;
  try {
    res = await svc.fetcher.fetch({ url: source.url, etag: source.etag, lastModified: source.lastModified });
  } catch (err) {
    const error = describeError(err);
    log.warn({ err: error }, 'source fetch failed');
    await svc.store.updateSource(source.id, afterFailure(source, svc.now(), error, policy));
    return { ok: false, notModified: false, newItems: 0, error };
  }
  if (res.notModified) {
    await svc.store.updateSource(source.id, afterSuccess(source, svc.now(), 0, policy));
    log.debug('not modified');
    return { ok: true, notModified: true, newItems: 0, error: null };
  }
  try {
    const rawHash = await svc.store.putRaw(res);
    const kind = actualKind(source, res);
    if (kind !== source.kind) log.info({ kind }, `source is a ${kind}, not a ${source.kind}: kind corrected`);
    const got = await collect(svc, { ...source, kind }, res);
    const newItems = await svc.store.transaction(async (tx) => {
      const count = await write(tx, source, res, rawHash, jobId, got);
      await tx.updateSource(source.id, {
        ...afterSuccess(source, svc.now(), count, policy),
        kind,
        etag: res.etag,
        lastModified: res.lastModified,
      });
      return count;
    });
    log.info({ new_items: newItems }, 'source polled');
    return { ok: true, notModified: false, newItems, error: null };
  } catch (err) {
    const error = describeError(err);
    log.warn({ err: error }, 'source could not be processed');
    // Forget the validators so the next poll re-reads the document instead of getting a 304.
    await svc.store.updateSource(source.id, { ...afterFailure(source, svc.now(), error, policy), etag: null, lastModified: null });
    return { ok: false, notModified: false, newItems: 0, error };
  }
}

/** What a fetched source document yields, gathered before any write (network stays outside transactions). */
type Collected =
  | { kind: 'items'; items: FeedItem[]; extraRaw: FetchResult[] }
  | { kind: 'comments'; feed: ParsedFeed }
  | { kind: 'page'; page: ExtractedPage };

/**
 * A feed source that serves a sitemap (or the reverse) is read as what it is, and its kind is
 * corrected, rather than failing every poll: OPML lists and users often mislabel them.
 */
function actualKind(source: Source, res: FetchResult): Source['kind'] {
  if (source.kind !== 'feed' && source.kind !== 'sitemap') return source.kind;
  const type = detectDocument(res.body, { contentType: res.contentType, path: null });
  if (type === 'sitemap') return 'sitemap';
  if (type === 'feed') return 'feed';
  return source.kind;
}

async function collect(svc: Services, source: Source, res: FetchResult): Promise<Collected> {
  // A charset overridden or control bytes dropped while decoding: worth a line in the log.
  const warn = (message: string) => svc.logger.warn({ stage: 'poll', source_id: source.id, url: res.finalUrl }, `decoding: ${message}`);
  switch (source.kind) {
    case 'feed':
      return { kind: 'items', items: parseFeed(res.body, res.finalUrl, { contentType: res.contentType, warn }).items, extraRaw: [] };
    case 'sitemap':
      return collectSitemap(svc, source, parseSitemap(res.body, res.finalUrl));
    case 'comments':
      return { kind: 'comments', feed: parseFeed(res.body, res.finalUrl, { contentType: res.contentType, warn }) };
    case 'page': {
      const decoded = decodeText(res.body, res.contentType);
      decoded.warnings.forEach(warn);
      return { kind: 'page', page: extractPage(decoded.text, res.finalUrl) };
    }
  }
}

async function write(tx: Store, source: Source, res: FetchResult, rawHash: string, jobId: number, got: Collected): Promise<number> {
  switch (got.kind) {
    case 'items':
      for (const raw of got.extraRaw) await tx.putRaw(raw);
      return enqueueFeedItems(tx, source.id, got.items, jobId);
    case 'comments':
      return attachComments(tx, got.feed, null, source.id);
    case 'page': {
      const stored = await storeArticle(tx, {
        url: res.finalUrl, page: got.page, sourceId: source.id, sourceName: source.title, rawHash, fetchedAt: res.fetchedAt,
      });
      return stored.status === 'inserted' ? 1 : 0;
    }
  }
}

/**
 * One article job per item with an http(s) link (others are skipped: javascript:, data:,
 * file: links are never fetched or stored), its feed metadata cut to the field caps so a
 * hostile feed cannot put megabytes into a job row.
 */
export async function enqueueFeedItems(store: Store, sourceId: number | null, items: FeedItem[], jobId: number): Promise<number> {
  let queued = 0;
  for (const item of items) {
    if (!item.link || webUrlProblem(item.link)) continue;
    const hints = capHints(item);
    const id = await store.enqueue({
      kind: 'article',
      payload: { url: item.link, sourceId, hints },
      dedupeKey: `article:${canonicalUrl(item.link)}`,
      sourceId,
      host: hostKey(item.link),
    });
    if (id !== null) queued++;
    if (item.commentsFeed && !webUrlProblem(item.commentsFeed)) {
      // Comment feeds grow: re-read them on every poll that still lists the item.
      await store.enqueue({
        kind: 'comments',
        payload: { url: item.commentsFeed, articleUrl: item.link, sourceId },
        dedupeKey: `comments:${item.commentsFeed}:${jobId}`,
        sourceId,
        host: hostKey(item.commentsFeed),
      });
    }
  }
  return queued;
}

async function collectSitemap(svc: Services, source: Source, sitemap: ParsedSitemap): Promise<Collected> {
  const newest = (entries: ParsedSitemap['entries'], n: number) =>
    [...entries].sort((a, b) => (b.published ?? b.lastmod ?? '').localeCompare(a.published ?? a.lastmod ?? '')).slice(0, n);
  const toItems = (s: ParsedSitemap) => newest(s.entries, MAX_SITEMAP_ENTRIES).map((e) => sitemapItem(e.loc, e.title, e.published ?? e.lastmod));
  if (sitemap.kind === 'urlset') return { kind: 'items', items: toItems(sitemap), extraRaw: [] };
  const items: FeedItem[] = [];
  const extraRaw: FetchResult[] = [];
  for (const child of newest(sitemap.entries, MAX_CHILD_SITEMAPS)) {
    try {
      const res = await svc.fetcher.fetch({ url: child.loc });
      extraRaw.push(res);
      const parsed = parseSitemap(res.body, res.finalUrl);
      if (parsed.kind === 'urlset') items.push(...toItems(parsed));
    } catch (err) {
      svc.logger.warn({ stage: 'poll', source_id: source.id, url: child.loc, err: describeError(err) }, 'child sitemap skipped');
    }
  }
  return { kind: 'items', items, extraRaw };
}

function sitemapItem(loc: string, title: string | null, published: string | null): FeedItem {
  return { id: loc, link: loc, title, published, author: null, summary: null, content: null, commentsFeed: null };
}
