// `readout watch`: turns due sources into poll jobs and keeps workers running.
import { describeError } from '../core/errors.js';
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
      const id = await tx.enqueue({ kind: 'poll', payload: { sourceId: source.id }, dedupeKey: `poll:${source.id}:${at}`, sourceId: source.id, maxAttempts: 2 });
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

/** Polls sources on their schedule until the signal aborts. */
export async function watch(svc: Services, options: WatchOptions = {}): Promise<void> {
  const pool = new WorkerPool(svc, { concurrency: svc.config.scheduler.workers });
  pool.start();
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
  }
}

/** Polls every enabled source once and runs all resulting work to completion. */
export async function pollOnce(svc: Services): Promise<{ polls: number; processed: number; failed: number }> {
  const polls = await enqueuePolls(svc, { all: true });
  const pool = new WorkerPool(svc, { concurrency: svc.config.scheduler.workers });
  await pool.drain();
  return { polls, processed: pool.processed, failed: pool.failed };
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
