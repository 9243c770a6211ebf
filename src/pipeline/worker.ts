// Runs queued jobs: N concurrent loops lease a job, run its handler, and record the outcome.
// - Leases carry this process's owner id and are renewed while the handler runs, so a slow job
//   is never leased a second time; the running jobs of dead processes on this machine are taken
//   back when a pool starts and every few seconds after (lease-owner.ts), without using an attempt.
// - Leasing passes over jobs for hosts that are busy here (a job of this pool on them, or the
//   fetcher's per-host slot taken or still in its delay), so no worker waits on one host while
//   other hosts' work is ready. Leases within a pool are taken one at a time, so two loops never
//   pick two jobs of one host at once.
import { describeError } from '../core/errors.js';
import type { Job } from '../store/types.js';
import { HANDLERS, isPermanent } from './handlers.js';
import { isJobKind, JOB_KINDS, type JobKind } from './jobs.js';
import { PROCESS_OWNER, reclaimDeadOwners } from './lease-owner.js';
import { jobRetryDelayMs } from './schedule.js';
import type { Services } from './services.js';

export interface WorkerOptions {
  concurrency: number;
  /** Pause between lease attempts when the queue is empty (watch mode). */
  idleMs?: number;
  /** Job kinds this pool runs (default: all). */
  kinds?: readonly JobKind[];
  /** Lease owner id (default: this process's). */
  owner?: string;
}

/** How often a pool looks for jobs held by dead processes on this machine. */
const RECLAIM_EVERY_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class WorkerPool {
  private stopping = false;
  private loops: Promise<void>[] = [];
  private inFlight = 0;
  /** Hosts with a job running in this pool, and how many. */
  private readonly hosts = new Map<string, number>();
  private leasing: Promise<unknown> = Promise.resolve();
  /** Whether the last lease passed over busy hosts (their jobs may become due any moment). */
  private skipped = false;
  private lastReclaim = -Infinity;
  private reclaiming: Promise<void> = Promise.resolve();
  private readonly owner: string;
  processed = 0;
  failed = 0;

  constructor(
    private readonly svc: Services,
    private readonly options: WorkerOptions,
  ) {
    this.owner = options.owner ?? PROCESS_OWNER;
  }

  /** Leases and runs one due job; false when none was due. */
  async runOne(): Promise<boolean> {
    await this.reclaimDead();
    const job = await this.leaseNext();
    if (!job) return false;
    try {
      await this.run(job);
    } finally {
      this.inFlight--;
      if (job.host) {
        const n = (this.hosts.get(job.host) ?? 1) - 1;
        if (n > 0) this.hosts.set(job.host, n);
        else this.hosts.delete(job.host);
      }
    }
    return true;
  }

  /** One lease at a time per pool; the job is counted in flight (and its host busy) before the next. */
  private leaseNext(): Promise<Job | null> {
    const next = this.leasing.then(async () => {
      const busy = new Set([...this.hosts.keys(), ...(this.svc.fetcher.busyHosts?.() ?? [])]);
      this.skipped = busy.size > 0;
      const { leaseMs, maxReclaims } = this.svc.config.scheduler;
      const job = await this.svc.store.lease([...(this.options.kinds ?? JOB_KINDS)], leaseMs, this.svc.now().toISOString(), {
        owner: this.owner, maxReclaims, skipHosts: [...busy],
      });
      if (job) {
        this.inFlight++;
        if (job.host) this.hosts.set(job.host, (this.hosts.get(job.host) ?? 0) + 1);
      }
      return job;
    });
    this.leasing = next.catch(() => undefined);
    return next;
  }

  /** Takes back the jobs of dead processes on this machine: at the first lease, then every RECLAIM_EVERY_MS. */
  private reclaimDead(): Promise<void> {
    if (Date.now() - this.lastReclaim < RECLAIM_EVERY_MS) return this.reclaiming;
    this.lastReclaim = Date.now();
    this.reclaiming = reclaimDeadOwners(this.svc.store, { self: this.owner, maxReclaims: this.svc.config.scheduler.maxReclaims }).then(
      (n) => {
        if (n > 0) this.svc.logger.info({ stage: 'jobs', jobs: n }, 'took back the jobs of a worker process that died');
      },
      (err: unknown) => this.svc.logger.warn({ stage: 'jobs', err: describeError(err) }, 'could not look for jobs of dead workers'),
    );
    return this.reclaiming;
  }

  /** Renews the job's lease every third of the lease time while its handler runs. */
  private heartbeat(job: Job, log: Services['logger']): () => void {
    const { leaseMs } = this.svc.config.scheduler;
    const timer = setInterval(() => {
      this.svc.store.renewLease(job.id, this.owner, leaseMs, this.svc.now().toISOString()).then(
        (held) => {
          if (!held) log.warn('lease lost while the job ran (taken over after a stall?)');
        },
        (err: unknown) => log.warn({ err: describeError(err) }, 'could not renew the job lease'),
      );
    }, Math.max(50, Math.floor(leaseMs / 3)));
    return () => clearInterval(timer);
  }

  private async run(job: Job): Promise<void> {
    const log = this.svc.logger.child({ job_id: job.id, stage: job.kind });
    const started = Date.now();
    const stopHeartbeat = this.heartbeat(job, log);
    try {
      if (!isJobKind(job.kind)) throw new Error(`unknown job kind "${job.kind}"`);
      await HANDLERS[job.kind](this.svc, job);
      stopHeartbeat();
      await this.svc.store.complete(job.id);
      this.processed++;
      log.debug({ ms: Date.now() - started }, 'job done');
    } catch (err) {
      stopHeartbeat();
      const message = describeError(err);
      const retry = !isPermanent(err) && job.attempts < job.maxAttempts;
      const retryAt = retry ? new Date(this.svc.now().getTime() + jobRetryDelayMs(job.attempts)).toISOString() : null;
      if (!retry) this.failed++;
      log.warn({ err: message, attempt: job.attempts, retry_at: retryAt, url: job.payload.url, article_id: job.payload.articleId }, retry ? 'job failed, will retry' : 'job failed');
      try {
        await this.svc.store.fail(job.id, message, retryAt, this.owner);
      } catch (storeErr) {
        // The lease will expire and the job run again: nothing is lost.
        log.error({ err: describeError(storeErr) }, 'could not record job failure');
      }
    } finally {
      stopHeartbeat();
    }
  }

  /**
   * Runs until no job is due and none is running here (jobs waiting for a retry stay queued);
   * while hosts are busy or in their politeness delay their jobs are waited for.
   */
  async drain(): Promise<void> {
    const loop = async () => {
      for (;;) {
        if (await this.runOne()) continue;
        if (this.inFlight === 0 && !this.skipped) return;
        // Another loop's job may still enqueue follow-up work, or free its host.
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
