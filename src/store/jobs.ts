// The durable job queue. A job is leased (status running, lease_until and lease_owner set) by
// one statement that picks and claims it atomically. `attempts` counts handler runs: a lease adds
// one, and a job taken back from a holder that died (its lease expired, or reclaim() found its
// process gone) gets it back and counts a reclaim instead, so kills never use up attempts; a job
// reclaimed more than maxReclaims times fails, so one that kills its worker every time cannot
// loop forever. Every state change is one committed statement or transaction, so kill -9 at any
// moment loses no job and duplicates none.
import { sql, type Selectable, type UpdateQueryBuilder, type UpdateResult } from 'kysely';
import { ReadoutError } from '../core/errors.js';
import type { Database, JobsTable } from './schema.js';
import type { Job, JobCountFilter, JobStatus, LeaseOptions, NewJob } from './types.js';
import { clean, notFound, nowIso, parseJson, toIso, type StoreContext } from './util.js';

export const DEFAULT_MAX_ATTEMPTS = 3;
/** Take-overs from dead holders before a job fails (config scheduler.maxReclaims). */
export const DEFAULT_MAX_RECLAIMS = 5;
export const DEFAULT_LIST_LIMIT = 100;
export const JOB_STATUSES: readonly JobStatus[] = ['queued', 'running', 'done', 'failed'];
const EXPIRED_ERROR = 'lease expired: the worker stopped before finishing (crash or kill?)';
const DEAD_OWNER_ERROR = 'taken back: the process holding the job died (crash or kill?)';

export function toJob(r: Selectable<JobsTable>): Job {
  return {
    id: r.id,
    kind: r.kind,
    payload: parseJson<Record<string, unknown>>(r.payload, {}),
    dedupeKey: r.dedupe_key,
    status: r.status as JobStatus,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    runAfter: r.run_after,
    leaseUntil: r.lease_until,
    lastError: r.last_error,
    sourceId: r.source_id,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    durationMs: r.duration_ms,
    leaseOwner: r.lease_owner,
    reclaims: r.reclaims,
    host: r.host,
  };
}

/**
 * Returns the new job's id, or null when a job with the same dedupe key exists. With
 * requeueFinished, a finished (done or failed) job with that key is queued again instead (its
 * attempts and reclaims reset) and its id returned; a queued or running one is left alone.
 */
export async function enqueue(ctx: StoreContext, job: NewJob): Promise<number | null> {
  const maxAttempts = job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new ReadoutError('input', `store: maxAttempts must be a whole number ≥ 1, not ${maxAttempts}`);
  const created = nowIso();
  const row = await ctx.db
    .insertInto('jobs')
    .values({
      kind: job.kind,
      payload: JSON.stringify(job.payload),
      dedupe_key: job.dedupeKey ?? null,
      status: 'queued',
      attempts: 0,
      max_attempts: maxAttempts,
      run_after: job.runAfter ? toIso(job.runAfter, 'runAfter') : created,
      source_id: job.sourceId ?? null,
      host: job.host ?? null,
      created_at: created,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (row || !job.requeueFinished || !job.dedupeKey) return row?.id ?? null;
  const again = await ctx.db
    .updateTable('jobs')
    .set({
      status: 'queued', attempts: 0, reclaims: 0, max_attempts: maxAttempts, payload: JSON.stringify(job.payload),
      run_after: job.runAfter ? toIso(job.runAfter, 'runAfter') : created, lease_until: null, lease_owner: null, finished_at: null,
    })
    .where('dedupe_key', '=', job.dedupeKey)
    .where('status', 'in', ['done', 'failed'])
    .returning('id')
    .executeTakeFirst();
  return again?.id ?? null;
}

/**
 * Claims the next runnable job of these kinds (all kinds when empty) for options.owner, passing
 * over jobs for options.skipHosts (busy in the caller's process: a worker must not wait on a
 * host's politeness slot while other hosts' work is ready). Running
 * jobs whose lease expired are first taken back (see reclaimWhere), so they are leased again
 * without using an attempt.
 */
export async function lease(ctx: StoreContext, kinds: string[], leaseMs: number, now?: string, options: LeaseOptions = {}): Promise<Job | null> {
  const at = now ? toIso(now, 'now') : nowIso();
  const leaseUntil = new Date(Date.parse(at) + Math.max(0, leaseMs)).toISOString();
  const skipHosts = options.skipHosts ?? [];
  await reclaimWhere(ctx, at, options.maxReclaims, EXPIRED_ERROR, (q) =>
    q.where('lease_until', '<', at).$if(kinds.length > 0, (w) => w.where('kind', 'in', kinds)),
  );
  // DIALECT: one UPDATE … WHERE id = (SELECT … LIMIT 1) RETURNING in both. SQLite runs the
  // statement under the database write lock, so the pick and the claim are atomic; PostgreSQL
  // adds FOR UPDATE SKIP LOCKED so concurrent leasers take different rows without waiting.
  const row = await ctx.db
    .updateTable('jobs')
    .set((eb) => ({ status: 'running', attempts: eb('attempts', '+', 1), lease_until: leaseUntil, lease_owner: options.owner ?? null, started_at: at, finished_at: null }))
    .where('id', '=', (eb) =>
      eb
        .selectFrom('jobs')
        .select('id')
        .where('status', '=', 'queued')
        .where('run_after', '<=', at)
        .$if(kinds.length > 0, (q) => q.where('kind', 'in', kinds))
        .$if(skipHosts.length > 0, (q) => q.where((w) => w.or([w('host', 'is', null), w('host', 'not in', skipHosts)])))
        .orderBy('run_after')
        .orderBy('id')
        .limit(1)
        .$if(ctx.dialect === 'postgres', (q) => q.forUpdate().skipLocked()),
    )
    .where('status', '=', 'queued')
    .returningAll()
    .executeTakeFirst();
  return row ? toJob(row) : null;
}

type JobsUpdate = UpdateQueryBuilder<Database, 'jobs', 'jobs', UpdateResult>;

/**
 * Takes back running jobs matched by `where`: queued again at once with the attempt of the
 * interrupted run given back and one more reclaim counted, or failed once reclaims would
 * exceed maxReclaims. Returns how many were taken back or failed.
 */
async function reclaimWhere(
  ctx: StoreContext,
  at: string,
  maxReclaims: number | undefined,
  error: string,
  where: (q: JobsUpdate) => JobsUpdate,
): Promise<number> {
  const max = maxReclaims ?? DEFAULT_MAX_RECLAIMS;
  const running = (q: JobsUpdate) => where(q.where('status', '=', 'running'));
  const failed = await running(ctx.db.updateTable('jobs'))
    .set({ status: 'failed', finished_at: at, lease_until: null, lease_owner: null, last_error: `${error}; taken back ${max} times already, given up` })
    .where('reclaims', '>=', max)
    .executeTakeFirst();
  const requeued = await running(ctx.db.updateTable('jobs'))
    .set((eb) => ({
      status: 'queued', run_after: at, lease_until: null, lease_owner: null, last_error: error,
      attempts: sql<number>`CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END`, reclaims: eb('reclaims', '+', 1),
    }))
    .executeTakeFirst();
  return Number(failed.numUpdatedRows) + Number(requeued.numUpdatedRows);
}

/** Takes back at once the running jobs of these lease owners (processes known to be dead). */
export async function reclaim(ctx: StoreContext, owners: string[], options: { now?: string; maxReclaims?: number } = {}): Promise<number> {
  if (owners.length === 0) return 0;
  const at = options.now ? toIso(options.now, 'now') : nowIso();
  return reclaimWhere(ctx, at, options.maxReclaims, DEAD_OWNER_ERROR, (q) => q.where('lease_owner', 'in', owners));
}

/** The distinct owners of running jobs. */
export async function leaseOwners(ctx: StoreContext): Promise<string[]> {
  const rows = await ctx.db.selectFrom('jobs').select('lease_owner').distinct().where('status', '=', 'running').where('lease_owner', 'is not', null).execute();
  return rows.map((r) => r.lease_owner).filter((o): o is string => o !== null);
}

/** Extends a running job's lease while its owner still holds it; false when the lease was lost. */
export async function renewLease(ctx: StoreContext, id: number, owner: string, leaseMs: number, now?: string): Promise<boolean> {
  const at = now ? toIso(now, 'now') : nowIso();
  const r = await ctx.db
    .updateTable('jobs')
    .set({ lease_until: new Date(Date.parse(at) + Math.max(0, leaseMs)).toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('lease_owner', '=', owner)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Marks the job done with its finish time and the duration of the last attempt. */
export async function complete(ctx: StoreContext, id: number): Promise<void> {
  await ctx.atomic(async (db) => {
    const job = await db
      .selectFrom('jobs')
      .select(['status', 'started_at'])
      .where('id', '=', id)
      .$if(ctx.dialect === 'postgres', (q) => q.forUpdate())
      .executeTakeFirst();
    if (!job) throw notFound(`job ${id}`);
    if (job.status === 'done') return;
    const finished = nowIso();
    await db
      .updateTable('jobs')
      .set({ status: 'done', finished_at: finished, lease_until: null, lease_owner: null, duration_ms: durationMs(job.started_at, finished) })
      .where('id', '=', id)
      .execute();
  });
}

/**
 * Requeues at retryAt while attempts remain; retryAt null (or no attempts left) fails the job for
 * good. Given the failing worker's owner id, a job another worker has leased since is left alone.
 */
export async function fail(ctx: StoreContext, id: number, error: string, retryAt: string | null, owner?: string): Promise<void> {
  const retry = retryAt === null ? null : toIso(retryAt, 'retryAt');
  await ctx.atomic(async (db) => {
    const job = await db
      .selectFrom('jobs')
      .select(['status', 'attempts', 'max_attempts', 'started_at', 'lease_owner'])
      .where('id', '=', id)
      .$if(ctx.dialect === 'postgres', (q) => q.forUpdate())
      .executeTakeFirst();
    if (!job) throw notFound(`job ${id}`);
    if (job.status === 'done') return;
    if (owner !== undefined && job.status === 'running' && job.lease_owner !== null && job.lease_owner !== owner) return;
    const finished = nowIso();
    const common = { last_error: clean(error), lease_until: null, lease_owner: null, duration_ms: durationMs(job.started_at, finished) };
    const set =
      retry !== null && job.attempts < job.max_attempts
        ? { ...common, status: 'queued', run_after: retry, finished_at: null }
        : { ...common, status: 'failed', finished_at: finished };
    await db.updateTable('jobs').set(set).where('id', '=', id).execute();
  });
}

function durationMs(startedAt: string | null, finishedAt: string): number | null {
  return startedAt === null ? null : Math.max(0, Date.parse(finishedAt) - Date.parse(startedAt));
}

/** Newest first. */
export async function listJobs(ctx: StoreContext, filter: { status?: JobStatus; kind?: string; limit?: number } = {}): Promise<Job[]> {
  const asked = Math.floor(filter.limit ?? DEFAULT_LIST_LIMIT);
  const limit = Number.isFinite(asked) ? Math.max(1, asked) : DEFAULT_LIST_LIMIT;
  const rows = await ctx.db
    .selectFrom('jobs')
    .selectAll()
    .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status ?? 'queued'))
    .$if(filter.kind !== undefined, (q) => q.where('kind', '=', filter.kind ?? ''))
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toJob);
}

export async function pendingJobs(ctx: StoreContext, kinds: string[] = []): Promise<number> {
  const row = await ctx.db
    .selectFrom('jobs')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('status', 'in', ['queued', 'running'])
    .$if(kinds.length > 0, (q) => q.where('kind', 'in', kinds))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Jobs by status and kinds, optionally only those finished at or after a time (a run's failures). */
export async function countJobs(ctx: StoreContext, filter: JobCountFilter = {}): Promise<number> {
  const kinds = filter.kinds ?? [];
  const since = filter.finishedSince === undefined ? null : toIso(filter.finishedSince, 'finishedSince');
  const row = await ctx.db
    .selectFrom('jobs')
    .select((eb) => eb.fn.countAll().as('n'))
    .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status ?? 'queued'))
    .$if(kinds.length > 0, (q) => q.where('kind', 'in', kinds))
    .$if(since !== null, (q) => q.where('finished_at', '>=', since ?? ''))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
