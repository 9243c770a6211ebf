// `readout serve --processes N` (api.processes): N API processes share the port through
// node:cluster, each with its own event loop and store connection, so a slow request holds one
// of them, not every request in flight (better-sqlite3 runs each query on the event loop). The
// primary forks them with its own arguments, runs the scheduler unless --no-watch (one process
// writes; the others read the WAL store), and on SIGINT/SIGTERM stops them and then itself. A
// worker that dies is replaced; one that dies before it ever listened stops the whole server.
import cluster, { type Worker } from 'node:cluster';
import { describeError, ReadoutError } from '../core/errors.js';
import { whenAborted } from '../core/aborted.js';
import { watch } from '../pipeline/scheduler.js';
import type { CliContext } from './context.js';
import { buildServices } from './services.js';

/** Whether this process is an API worker forked by servePrimary. */
export const isApiWorker = (): boolean => cluster.isWorker;

/** Whether this worker prints the URL (the first one: the others listen on the same port). */
export const isFirstWorker = (): boolean => cluster.worker?.id === 1;

/** Lets a worker's process end once its server is closed (the cluster channel keeps it alive otherwise). */
export function releaseWorker(): void {
  if (cluster.worker?.isConnected()) cluster.worker.disconnect();
}

export async function servePrimary(ctx: CliContext, processes: number, withWatch: boolean): Promise<void> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const logger = ctx.logger();
  const workers = new Set<Worker>();
  let failure: ReadoutError | null = null;
  const fork = () => {
    const worker = cluster.fork();
    let listened = false;
    worker.once('listening', () => (listened = true));
    worker.once('exit', (code, signal) => {
      workers.delete(worker);
      if (controller.signal.aborted) return;
      if (!listened) {
        failure = new ReadoutError('input', `serve: an API process exited before it listened (code ${code ?? signal}); see its error above`);
        controller.abort();
        return;
      }
      logger.error({ stage: 'api', code, signal }, 'serve: an API process died; starting another');
      fork();
    });
    workers.add(worker);
  };
  try {
    for (let i = 0; i < processes; i++) fork();
    ctx.err(`${processes} API processes${withWatch ? ', watching sources in this one' : ' (--no-watch)'}; Ctrl-C to stop`);
    // A SIGTERM during startup has already aborted: whenAborted still settles.
    const stopped = whenAborted(controller.signal);
    if (withWatch) {
      const svc = await buildServices(ctx);
      try {
        await watch(svc, { signal: controller.signal });
      } finally {
        await svc.fetcher.close();
      }
    } else {
      await stopped;
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await Promise.all(
      [...workers].map((w) => new Promise<void>((resolve) => {
        if (w.isDead()) return resolve();
        w.once('exit', () => resolve());
        try {
          w.kill('SIGTERM');
        } catch (err) {
          logger.warn({ stage: 'api', err: describeError(err) }, 'serve: could not stop an API process');
          resolve();
        }
      })),
    );
  }
  if (failure) throw failure;
  ctx.err('stopped');
}
