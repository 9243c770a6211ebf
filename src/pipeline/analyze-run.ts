// Running the analyze stage to completion: draining analyze jobs (ingest, watch --once) and
// re-analysing stored articles (`readout reanalyze`) in keyset-paginated batches with a bounded
// number of articles in flight, so memory stays constant however many articles are stored.
import { ANALYZER_VERSION } from '../analyze/analyze.js';
import { describeError } from '../core/errors.js';
import { recordPositions } from '../opinion/record.js';
import type { AnalyzeFilter, ArticleToAnalyze } from '../store/types.js';
import { analyzerOf, articleLabel, evaluateAlerts } from './analyze-stage.js';
import { analyzeJob, ANALYZE_KIND, DELIVER_KINDS } from './jobs.js';
import type { Services } from './services.js';
import { WorkerPool } from './worker.js';

/** A job pool for analyze jobs: as many at once as the analyzer has threads, plus one being saved. */
export function analyzeJobPool(svc: Services, idleMs?: number): WorkerPool {
  return new WorkerPool(svc, { concurrency: (svc.analyzer?.threads ?? 0) + 1, kinds: [ANALYZE_KIND], idleMs });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Queues an analyze job for every stored article without an analysis by this analyzer version
 * (its job lost to crashes, failed, or run by an older analyzer); watch, serve and ingest call
 * it at start-up so analysis is never lost. Registry changes are left to `reanalyze`.
 */
export async function enqueueMissingAnalyses(svc: Services, pageSize = 500): Promise<number> {
  let queued = 0;
  for (let afterId = 0; ; ) {
    const page = await svc.store.articlesToAnalyze({ staleVersion: { analyzer: ANALYZER_VERSION }, afterId, limit: pageSize });
    if (page.length === 0) break;
    afterId = page[page.length - 1]!.id;
    for (const a of page) if ((await svc.store.enqueue(analyzeJob(a.id))) !== null) queued++;
  }
  if (queued > 0) svc.logger.info({ stage: 'analyze', articles: queued }, 'queued analysis of articles stored without a current one');
  return queued;
}

/**
 * Runs analyze jobs until none is queued or running (jobs waiting for a retry are waited for),
 * so a command returns with everything it stored analysed. `failed` counts the analyze and
 * delivery jobs that failed for good since `since` (default: this call), read from the store,
 * so failures recorded elsewhere (a lease taken back too often) are reported too.
 */
export async function drainAnalysis(svc: Services, since: string = new Date().toISOString()): Promise<{ processed: number; failed: number }> {
  const pool = analyzeJobPool(svc);
  for (;;) {
    await pool.drain();
    if ((await svc.store.pendingJobs([ANALYZE_KIND])) === 0) {
      // Alert deliveries queued by the analyses (those waiting for a retry stay queued).
      const deliveries = new WorkerPool(svc, { concurrency: 2, kinds: DELIVER_KINDS });
      await deliveries.drain();
      const failed = await svc.store.countJobs({ status: 'failed', kinds: [ANALYZE_KIND, ...DELIVER_KINDS], finishedSince: since });
      return { processed: pool.processed + deliveries.processed, failed };
    }
    await sleep(200);
  }
}

export interface ReanalyzeOptions {
  /** Only articles dated at or after this. */
  since?: string;
  /** Every article, not only those whose analysis is missing or was made by other versions. */
  all?: boolean;
  /** Articles read per page (default 200). */
  batchSize?: number;
  /** Called about once a second and at the end. */
  onProgress?(done: number, total: number, errors: number): void;
}

export interface ReanalyzeSummary {
  /** Articles (re-)analysed and saved. */
  analysed: number;
  /** Articles in range whose analysis is already current (not re-run). */
  skipped: number;
  errors: number;
  /** The first error messages, naming their articles. */
  messages: string[];
  analyzer: { version: string; registry: string };
}

const MAX_MESSAGES = 20;

export async function reanalyze(svc: Services, options: ReanalyzeOptions = {}): Promise<ReanalyzeSummary> {
  const analyzer = await analyzerOf(svc);
  const current = { analyzer: ANALYZER_VERSION, registry: analyzer.registryVersion };
  const filter: AnalyzeFilter = { since: options.since, staleVersion: options.all ? undefined : current };
  const total = await svc.store.countArticlesToAnalyze(filter);
  const skipped = options.all ? 0 : (await svc.store.countArticlesToAnalyze({ since: options.since })) - total;
  const summary: ReanalyzeSummary = { analysed: 0, skipped: Math.max(0, skipped), errors: 0, messages: [], analyzer: { version: current.analyzer, registry: current.registry } };
  let lastReport = Date.now();
  const progress = (force = false) => {
    if (!options.onProgress || (!force && Date.now() - lastReport < 1000)) return;
    lastReport = Date.now();
    options.onProgress(summary.analysed + summary.errors, total, summary.errors);
  };

  const one = async (a: ArticleToAnalyze) => {
    try {
      const { id, url, ...input } = a;
      const analysis = await analyzer.analyze({ ...input, url }, articleLabel({ id, url }));
      await svc.store.saveAnalysis(id, analysis);
      await recordPositions(svc.store, { id, kind: a.kind }, analysis);
      await svc.store.mergeEvents();
      await evaluateAlerts(svc, id);
      summary.analysed++;
    } catch (err) {
      summary.errors++;
      if (summary.messages.length < MAX_MESSAGES) summary.messages.push(describeError(err));
      svc.logger.warn({ stage: 'analyze', article_id: a.id, err: describeError(err) }, 'reanalysis failed');
    }
    progress();
  };

  // A bounded window of articles in flight keeps every thread busy across page boundaries.
  const window = Math.max(2, analyzer.threads * 2);
  const inFlight = new Set<Promise<void>>();
  const limit = options.batchSize ?? 200;
  for (let afterId = 0; ; ) {
    const page = await svc.store.articlesToAnalyze({ ...filter, afterId, limit });
    if (page.length === 0) break;
    afterId = page[page.length - 1]!.id;
    for (const article of page) {
      while (inFlight.size >= window) await Promise.race(inFlight);
      const p: Promise<void> = one(article).finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
  }
  await Promise.all(inFlight);
  // Catch-up: reports left pending by a failed merge are merged now.
  await svc.store.mergeEvents();
  progress(true);
  return summary;
}
