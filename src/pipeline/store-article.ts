// The one path by which an extracted article enters the store, whatever brought it (a feed
// item, a sitemap entry, a watched page, a local file, a JSONL import): canonical URL, dedup,
// near-duplicate grouping, reader comments, and the analyze job for a new article.
import { ReadoutError } from '../core/errors.js';
import { capField, quoteInput, webUrlProblem } from '../core/limits.js';
import type { ExtractedPage } from '../core/types.js';
import { fingerprints, isNearDuplicate, similarity } from '../extract/fingerprint.js';
import { canonicalUrl } from '../fetch/url.js';
import type { Store } from '../store/types.js';
import { scoreComments } from '../opinion/record.js';
import { analyzeJob, type ItemHints } from './jobs.js';

export interface ArticleInput {
  /** Where the article was fetched or read from. */
  url: string;
  page: ExtractedPage;
  hints?: ItemHints;
  sourceId: number | null;
  sourceName: string | null;
  rawHash: string | null;
  fetchedAt: string;
}

export type StoreArticleResult =
  | { status: 'inserted' | 'duplicate'; id: number; groupId: number; newComments: number }
  | { status: 'empty'; id: null; groupId: null; newComments: 0 };

/** The page's canonical URL unless it points somewhere implausible (many sites set the home page). */
export function chooseCanonical(url: string, declared: string | null): string {
  const own = canonicalUrl(url);
  if (!declared || !/^https?:/i.test(declared)) return own;
  try {
    const d = new URL(declared);
    const u = new URL(url);
    if ((d.pathname === '/' || d.pathname === '') && u.pathname.length > 1) return own;
    return canonicalUrl(d.href);
  } catch {
    return own;
  }
}

/**
 * Only http(s) articles are stored, and local files by the file: URL ingest gives them;
 * a javascript:, data: or over-long URL from a feed or an import never becomes an article.
 */
function checkUrl(url: string): void {
  if (/^file:/i.test(url) && url.length <= 2048) return;
  const problem = webUrlProblem(url);
  if (problem) throw new ReadoutError('input', `article URL ${quoteInput(url)} ${problem}`, { hint: 'only http: and https: article URLs are stored' });
}

export async function storeArticle(store: Store, input: ArticleInput): Promise<StoreArticleResult> {
  const { page, hints } = input;
  checkUrl(input.url);
  const text = page.text.trim();
  if (!text) return { status: 'empty', id: null, groupId: null, newComments: 0 };
  const canonical = chooseCanonical(input.url, page.canonicalUrl);
  const fp = fingerprints(text);
  const aliases = [input.url, page.url].filter((u): u is string => !!u && /^https?:|^file:/i.test(u) && u !== canonical);
  return store.transaction(async (tx) => {
    const result = await tx.insertArticle({
      url: input.url,
      canonicalUrl: canonical,
      aliasUrls: [...new Set(aliases)],
      sourceId: input.sourceId,
      // Every metadata field cut to its cap (src/core/limits.ts): a 9 MB title stays out of the row.
      sourceName: capField(input.sourceName, 'name'),
      title: capField(page.title ?? hints?.title ?? null, 'title'),
      byline: capField(page.byline ?? hints?.author ?? null, 'byline'),
      published: capField(page.published ?? hints?.published ?? null, 'published'),
      language: page.language,
      kind: page.kind,
      section: capField(page.section, 'name'),
      text,
      contentHash: fp.contentHash,
      simhash: fp.simhash,
      minhash: fp.minhash,
      shingleCount: fp.shingleCount,
      bands: fp.bands,
      rawHash: input.rawHash,
      fetchedAt: input.fetchedAt,
    });
    let groupId = result.groupId;
    if (result.status === 'inserted') {
      // A syndicated rewrite or an updated version joins the group of the article it copies.
      const near = (await tx.findSimilarCandidates(fp.bands)).filter((c) => c.id !== result.id && isNearDuplicate(similarity(fp, c)));
      if (near.length > 0) {
        groupId = Math.min(...near.map((n) => n.groupId));
        await tx.setArticleGroup(result.id, groupId);
      }
      // Analysed by the analyze stage; committed with the article, so none is left unanalysed.
      await tx.enqueue(analyzeJob(result.id));
    }
    const newComments = page.comments.length > 0 ? await tx.addComments(result.id, page.comments) : 0;
    // New comments on an article analysed before are scored now (a new article's are scored after its analysis).
    if (result.status === 'duplicate' && newComments > 0) await scoreComments(tx, result.id);
    return { status: result.status, id: result.id, groupId, newComments };
  });
}
