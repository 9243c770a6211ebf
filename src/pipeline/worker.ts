// Runs queued jobs: N concurrent loops lease a job, run its handler, and record the outcome.
// Per-host politeness lives in the Fetcher, so loops on different hosts proceed in parallel.
import { describeError } from '../core/errors.js';
import type { Job } from '../store/types.js';
import { HANDLERS, isPermanent } from './handlers.js';
import { isJobKind, JOB_KINDS, type JobKind } from './jobs.js';
import { jobRetryDelayMs } from './schedule.js';
import type { Services } from './services.js';

export interface WorkerOptions {
  concurrency: number;
  /** Pause between lease attempts when the queue is empty (watch mode). */
  idleMs?: number;
  /** Job kinds this pool runs (default: all). */
  kinds?: readonly JobKind[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class WorkerPool {
  private stopping = false;
  private loops: Promise<void>[] = [];
  private inFlight = 0;
  processed = 0;
  failed = 0;

  constructor(
    private readonly svc: Services,
    private readonly options: WorkerOptions,
  ) {}

  /** Leases and runs one due job; false when none was due. */
  async runOne(): Promise<boolean> {
    const job = await this.svc.store.lease([...(this.options.kinds ?? JOB_KINDS)], this.svc.config.scheduler.leaseMs, this.svc.now().toISOString());
    if (!job) return false;
    this.inFlight++;
    try {
      await this.run(job);
    } finally {
      this.inFlight--;
    }
    return true;
  }

  private async run(job: Job): Promise<void> {
    const log = this.svc.logger.child({ job_id: job.id, stage: job.kind });
    const started = Date.now();
    try {
      if (!isJobKind(job.kind)) throw new Error(`unknown job kind "${job.kind}"`);
      await HANDLERS[job.kind](this.svc, job);
      await this.svc.store.complete(job.id);
      this.processed++;
      log.debug({ ms: Date.now() - started }, 'job done');
    } catch (err) {
      const message = describeError(err);
      const retry = !isPermanent(err) && job.attempts < job.maxAttempts;
      const retryAt = retry ? new Date(this.svc.now().getTime() + jobRetryDelayMs(job.attempts)).toISOString() : null;
      if (!retry) this.failed++;
      log.warn({ err: message, attempt: job.attempts, retry_at: retryAt, url: job.payload.url, article_id: job.payload.articleId }, retry ? 'job failed, will retry' : 'job failed');
      try {
        await this.svc.store.fail(job.id, message, retryAt);
      } catch (storeErr) {
        // The lease will expire and the job run again: nothing is lost.
        log.error({ err: describeError(storeErr) }, 'could not record job failure');
      }
    }
  }

  /** Runs until no job is due and none is running here (jobs waiting for a retry stay queued). */
  async drain(): Promise<void> {
    const loop = async () => {
      for (;;) {
        if (await this.runOne()) continue;
        if (this.inFlight === 0) return;
        // Another loop's job may still enqueue follow-up work.
        await sleep(25);
      }
    };
    await Promise.all(Array.from({ length: this.options.concurrency }, loop));
  }

  /** Starts background loops (watch mode) until stop(). */
  start(): void {
    this.stopping = false;
    const loop = async () => {
      while (!this.stopping) {
        let worked = false;
        try {
          worked = await this.runOne();
        } catch (err) {
          this.svc.logger.error({ err: describeError(err) }, 'worker loop error');
        }
        if (!worked) await sleep(this.options.idleMs ?? 500);
      }
    };
    this.loops = Array.from({ length: this.options.concurrency }, loop);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.loops);
    this.loops = [];
  }
}
