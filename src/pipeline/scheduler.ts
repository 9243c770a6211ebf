// `readout watch`: turns due sources into poll jobs and keeps workers running.
import { describeError } from '../core/errors.js';
import { hostKey } from '../fetch/url.js';
import { analyzeJobPool, drainAnalysis, enqueueMissingAnalyses } from './analyze-run.js';
import { withAnalyzer } from './analyze-stage.js';
import { syncRulesFile } from '../alerts/rules-file.js';
import { FETCH_KINDS } from './jobs.js';
import { jittered } from './schedule.js';
import type { Services } from './services.js';
import { WorkerPool } from './worker.js';

/** Enqueues a poll job for every due source (or every enabled source with `all`). */
export async function enqueuePolls(svc: Services, options: { all?: boolean } = {}): Promise<number> {
  const now = svc.now();
  const at = now.toISOString();
  const sources = options.all ? (await svc.store.listSources()).filter((s) => s.enabled) : await svc.store.dueSources(at);
  let queued = 0;
  for (const source of sources) {
    await svc.store.transaction(async (tx) => {
      const id = await tx.enqueue({ kind: 'poll', payload: { sourceId: source.id }, dedupeKey: `poll:${source.id}:${at}`, sourceId: source.id, maxAttempts: 2, host: hostKey(source.url) });
      if (id !== null) queued++;
      // Provisional next poll, so the source is not queued again while this poll waits;
      // the poll itself sets the real time (interval after success, backoff after failure).
      const provisional = new Date(now.getTime() + jittered(source.intervalSeconds * 1000, svc.config.scheduler.jitter));
      await tx.updateSource(source.id, { nextPollAt: provisional.toISOString() });
    });
  }
  return queued;
}

export interface WatchOptions {
  /** How often due sources are checked. */
  tickMs?: number;
  signal?: AbortSignal;
}

/**
 * Polls sources on their schedule until the signal aborts. Stored articles are analysed as
 * they come, on an analysis pool closed when watching stops.
 */
export async function watch(svc: Services, options: WatchOptions = {}): Promise<void> {
  // Watch rules from config alerts.rulesFile (a bad file stops watch before it starts).
  await syncRulesFile(svc);
  await enqueueMissingAnalyses(svc);
  await withAnalyzer(svc, async (svc) => {
    const pool = new WorkerPool(svc, { concurrency: svc.config.scheduler.workers, kinds: FETCH_KINDS });
    const analysis = analyzeJobPool(svc);
    pool.start();
    analysis.start();
    const tickMs = options.tickMs ?? 1000;
    try {
      while (!options.signal?.aborted) {
        try {
          const queued = await enqueuePolls(svc);
          if (queued > 0) svc.logger.info({ stage: 'schedule', polls: queued }, 'polls queued');
        } catch (err) {
          svc.logger.error({ stage: 'schedule', err: describeError(err) }, 'scheduling failed; retrying');
        }
        await sleepUnlessAborted(tickMs, options.signal);
      }
    } finally {
      await pool.stop();
      await analysis.stop();
    }
  });
}

/**
 * Polls every enabled source once and runs all resulting work, analysis included, to completion.
 * `failed` counts the jobs that failed for good during the run, from the store.
 */
export async function pollOnce(svc: Services): Promise<{ polls: number; processed: number; failed: number }> {
  const since = new Date().toISOString();
  await enqueueMissingAnalyses(svc);
  return withAnalyzer(svc, async (svc) => {
    const polls = await enqueuePolls(svc, { all: true });
    const pool = new WorkerPool(svc, { concurrency: svc.config.scheduler.workers, kinds: FETCH_KINDS });
    const analysis = analyzeJobPool(svc);
    await Promise.all([pool.drain(), analysis.drain()]);
    const rest = await drainAnalysis(svc, since);
    const failed = await svc.store.countJobs({ status: 'failed', finishedSince: since });
    return { polls, processed: pool.processed + analysis.processed + rest.processed, failed };
  });
}

function sleepUnlessAborted(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
