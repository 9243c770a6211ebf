// The analyze stage: every stored article gets an `analyze` job (enqueued with the article, in
// the same transaction); its handler runs analyzeArticle on the analysis pool and saves the
// result with the candidate actors it found. Confirmed candidates join the registry as extra
// actors with the id candidateActorId(key) ("candidate:anna-kowal"), so later articles resolve
// to them (they take effect when a pool is opened: the next watch, ingest or reanalyze).
import type { ArticleInput } from '../analyze/types.js';
import type { Config } from '../config/config.js';
import { recordPositions } from '../opinion/record.js';
import type { RegistryOptions } from '../registry/load.js';
import type { Actor } from '../registry/types.js';
import { candidateActorId } from '../store/analyses.js';
import type { ActorCandidate, StoredArticle, Store } from '../store/types.js';
import { evaluateAll } from '../alerts/evaluate.js';
import { createAnalyzer, inThreadAnalyzer, type Analyzer } from './analyze-pool.js';
import type { Services } from './services.js';

/** A confirmed candidate as a registry actor. */
export function candidateActor(c: ActorCandidate): Actor {
  return { id: candidateActorId(c.key), type: c.type, name: c.name, aliases: c.aliases, country: c.country, origin: 'store' };
}

/** The registry the analyzer loads: config files, the user's file, and the confirmed candidates. */
export async function registryOptions(config: Config, store: Store): Promise<RegistryOptions> {
  const confirmed = await store.listCandidates({ status: 'confirmed', limit: 100_000 });
  return { files: config.registry.files, userFile: config.registry.userFile, extra: confirmed.map(candidateActor) };
}

export async function openAnalyzer(svc: Pick<Services, 'config' | 'store' | 'logger'>): Promise<Analyzer> {
  return createAnalyzer({ registry: await registryOptions(svc.config, svc.store), threads: svc.config.analyze.workers, logger: svc.logger });
}

/** Runs fn with an analysis pool: svc's own, or one opened for the call and closed after (also on error). */
export async function withAnalyzer<T>(svc: Services, fn: (svc: Services) => Promise<T>): Promise<T> {
  if (svc.analyzer) return fn(svc);
  const analyzer = await openAnalyzer(svc);
  try {
    return await fn({ ...svc, analyzer });
  } finally {
    await analyzer.close();
  }
}

export function articleInput(a: Pick<StoredArticle, 'text' | 'published' | 'title' | 'canonicalUrl' | 'byline' | 'language' | 'kind'>): ArticleInput {
  return { text: a.text, published: a.published, title: a.title, url: a.canonicalUrl, byline: a.byline, language: a.language, kind: a.kind };
}

const fallback = new WeakMap<Services, Promise<Analyzer>>();

/** svc.analyzer, else (callers that built Services by hand) an in-thread analyzer kept per Services. */
export function analyzerOf(svc: Services): Promise<Analyzer> {
  if (svc.analyzer) return Promise.resolve(svc.analyzer);
  let a = fallback.get(svc);
  if (!a) {
    a = registryOptions(svc.config, svc.store).then(inThreadAnalyzer);
    a.catch(() => fallback.delete(svc));
    fallback.set(svc, a);
  }
  return a;
}

export function articleLabel(a: { id: number; url?: string | null; canonicalUrl?: string }): string {
  const url = a.canonicalUrl ?? a.url;
  return url ? `article ${a.id} (${url})` : `article ${a.id}`;
}

/** Analyses one stored article, saves the result and merges its events; throws AnalysisError (analyze-pool.ts) naming the article. */
export async function analyzeStored(svc: Services, articleId: number): Promise<'analysed' | 'missing'> {
  const article = await svc.store.getArticle(articleId);
  if (!article) return 'missing';
  const analyzer = await analyzerOf(svc);
  const analysis = await analyzer.analyze(articleInput(article), articleLabel(article));
  await svc.store.saveAnalysis(article.id, analysis);
  await recordPositions(svc.store, article, analysis);
  // Merge its events into the timeline now (incremental; a failure leaves them pending for the next merge).
  await svc.store.mergeEvents();
  // Watch rules: alerts for the merged events it reports, its personnel moves and spikes, deliveries queued (src/alerts/).
  await evaluateAlerts(svc, article.id);
  return 'analysed';
}

/**
 * Evaluates the watch rules for an analysed article (event rules on its merged events,
 * personnel rules on its observed moves, spike rules on their subjects' latest buckets); a
 * failure is logged, never fails the analysis.
 */
export async function evaluateAlerts(svc: Pick<Services, 'store' | 'config' | 'logger'>, articleId: number): Promise<void> {
  try {
    await evaluateAll(svc, articleId);
  } catch (err) {
    svc.logger.error({ stage: 'alerts', article_id: articleId, err: err instanceof Error ? err.message : String(err) }, 'evaluating watch rules failed');
  }
}
