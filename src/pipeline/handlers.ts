// Job handlers for the fetch → extract → store → analyze stages. A handler throws to have its job
// retried (RetryableError, or any unexpected error) or failed for good (PermanentError).
import { ReadoutError } from '../core/errors.js';
import { decodeText } from '../extract/charset.js';
import { extractPage } from '../extract/page.js';
import { isHttpStatusError } from '../fetch/errors.js';
import { canonicalUrl } from '../fetch/url.js';
import { parseFeed } from '../sources/feed.js';
import type { Job } from '../store/types.js';
import { runDelivery } from '../alerts/evaluate.js';
import { DeliveryError } from '../alerts/deliver.js';
import { AnalysisError } from './analyze-pool.js';
import { analyzeStored } from './analyze-stage.js';
import { attachComments } from './comments.js';
import { parsePayload, type ItemHints, type JobKind } from './jobs.js';
import { pollSource } from './poll.js';
import type { Services } from './services.js';
import { storeArticle } from './store-article.js';

/** A failure that will not change on retry (404, not HTML, no article text). */
export class PermanentError extends ReadoutError {}

export type Handler = (svc: Services, job: Job) => Promise<void>;

/** 4xx other than 408/429, robots refusals, SSRF refusals and oversize bodies do not heal by waiting. */
export function isPermanent(err: unknown): boolean {
  if (err instanceof PermanentError) return true;
  if (!(err instanceof ReadoutError)) return false;
  if (['robots', 'ssrf', 'too-large', 'redirects', 'input', 'parse', 'extract'].includes(err.code)) return true;
  return isHttpStatusError(err) && err.status >= 400 && err.status < 500 && err.status !== 408 && err.status !== 429;
}

const poll: Handler = async (svc, job) => {
  const { sourceId } = parsePayload('poll', job.payload);
  await pollSource(svc, sourceId, job.id);
};

const article: Handler = async (svc, job) => {
  const { url, sourceId, hints } = parsePayload('article', job.payload);
  await fetchArticle(svc, url, sourceId, hints, job.id);
};

async function fetchArticle(svc: Services, url: string, sourceId: number | null, hints: ItemHints, jobId: number): Promise<void> {
  if (await svc.store.findArticleByUrl(canonicalUrl(url))) return;
  const res = await svc.fetcher.fetch({ url, accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' });
  const rawHash = await svc.store.putRaw(res);
  if (res.contentType && !/html|xml|text\/plain/i.test(res.contentType)) {
    throw new PermanentError('extract', `${url} is ${res.contentType}, not a web page`, { hint: 'only HTML articles are extracted' });
  }
  const decoded = decodeText(res.body, res.contentType);
  for (const w of decoded.warnings) svc.logger.warn({ stage: 'article', job_id: jobId, url }, `decoding: ${w}`);
  const page = extractPage(decoded.text, res.finalUrl);
  const source = sourceId === null ? null : await svc.store.getSource(sourceId);
  const stored = await storeArticle(svc.store, {
    url: res.finalUrl, page, hints, sourceId: source?.id ?? null, sourceName: source?.title ?? null, rawHash, fetchedAt: res.fetchedAt,
  });
  if (stored.status === 'empty') {
    throw new PermanentError('extract', `no article text found at ${url}`, { hint: 'the page may need JavaScript or be an index page; the raw response is archived' });
  }
  svc.logger.debug({ stage: 'article', job_id: jobId, url, article_id: stored.id, status: stored.status }, 'article stored');
}

const comments: Handler = async (svc, job) => {
  const { url, articleUrl, sourceId } = parsePayload('comments', job.payload);
  // The article job for the same item may still be queued: store the article first.
  if (articleUrl) await fetchArticle(svc, articleUrl, sourceId, {}, job.id);
  const res = await svc.fetcher.fetch({ url });
  await svc.store.putRaw(res);
  const warn = (w: string) => svc.logger.warn({ stage: 'comments', job_id: job.id, url }, `decoding: ${w}`);
  const added = await svc.store.transaction((tx) => attachComments(tx, parseFeed(res.body, res.finalUrl, { contentType: res.contentType, warn }), articleUrl, sourceId));
  svc.logger.debug({ stage: 'comments', job_id: job.id, url, new_comments: added }, 'comments attached');
};

/** A thrown analysis error fails for good (the same text fails the same way); a crashed worker is retried. */
const analyze: Handler = async (svc, job) => {
  const { articleId } = parsePayload('analyze', job.payload);
  try {
    const outcome = await analyzeStored(svc, articleId);
    svc.logger.debug({ stage: 'analyze', job_id: job.id, article_id: articleId, outcome }, 'article analysed');
  } catch (err) {
    if (err instanceof AnalysisError && !err.crashed) throw new PermanentError('input', err.message);
    throw err;
  }
};

/** One alert delivery; a permanent failure (4xx, refused address, delivery gone) is not retried. */
const deliver: Handler = async (svc, job) => {
  parsePayload('deliver', job.payload);
  try {
    await runDelivery(svc, job);
  } catch (err) {
    if (err instanceof DeliveryError && err.permanent) throw new PermanentError('input', err.message);
    throw err;
  }
};

export const HANDLERS: Record<JobKind, Handler> = { poll, article, comments, analyze, deliver };
