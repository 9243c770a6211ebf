// The durable job queue. A job is leased (status running, lease_until set) by one statement
// that picks and claims it atomically; a worker that dies leaves a lease that expires, and the
// job is leased again (attempts counts every lease). Every state change is one committed
// statement or transaction, so kill -9 at any moment loses no job and duplicates none.
import type { Selectable } from 'kysely';
import { ReadoutError } from '../core/errors.js';
import type { JobsTable } from './schema.js';
import type { Job, JobStatus, NewJob } from './types.js';
import { clean, notFound, nowIso, parseJson, toIso, type StoreContext } from './util.js';

export const DEFAULT_MAX_ATTEMPTS = 3;
export const DEFAULT_LIST_LIMIT = 100;
export const JOB_STATUSES: readonly JobStatus[] = ['queued', 'running', 'done', 'failed'];
const EXPIRED_ERROR = 'lease expired: the worker stopped before finishing (crash or kill?)';

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
  };
}

/** Returns the new job's id, or null when a job with the same dedupe key was ever enqueued. */
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
      created_at: created,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Claims the next runnable job of these kinds (all kinds when empty): queued and due, or
 * running with an expired lease. Expired jobs that used all their attempts are marked failed
 * instead, so a job that kills its worker every time cannot loop forever.
 */
export async function lease(ctx: StoreContext, kinds: string[], leaseMs: number, now?: string): Promise<Job | null> {
  const at = now ? toIso(now, 'now') : nowIso();
  const leaseUntil = new Date(Date.parse(at) + Math.max(0, leaseMs)).toISOString();
  await ctx.db
    .updateTable('jobs')
    .set({ status: 'failed', finished_at: at, lease_until: null, last_error: EXPIRED_ERROR })
    .where('status', '=', 'running')
    .where('lease_until', '<', at)
    .whereRef('attempts', '>=', 'max_attempts')
    .$if(kinds.length > 0, (q) => q.where('kind', 'in', kinds))
    .execute();
  // DIALECT: one UPDATE … WHERE id = (SELECT … LIMIT 1) RETURNING in both. SQLite runs the
  // statement under the database write lock, so the pick and the claim are atomic; PostgreSQL
  // adds FOR UPDATE SKIP LOCKED so concurrent leasers take different rows without waiting.
  const row = await ctx.db
    .updateTable('jobs')
    .set((eb) => ({ status: 'running', attempts: eb('attempts', '+', 1), lease_until: leaseUntil, started_at: at, finished_at: null }))
    .where('id', '=', (eb) =>
      eb
        .selectFrom('jobs')
        .select('id')
        .where((w) =>
          w.or([
            w.and([w('status', '=', 'queued'), w('run_after', '<=', at)]),
            w.and([w('status', '=', 'running'), w('lease_until', '<', at), w('attempts', '<', w.ref('max_attempts'))]),
          ]),
        )
        .$if(kinds.length > 0, (q) => q.where('kind', 'in', kinds))
        .orderBy('run_after')
        .orderBy('id')
        .limit(1)
        .$if(ctx.dialect === 'postgres', (q) => q.forUpdate().skipLocked()),
    )
    .returningAll()
    .executeTakeFirst();
  return row ? toJob(row) : null;
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
      .set({ status: 'done', finished_at: finished, lease_until: null, duration_ms: durationMs(job.started_at, finished) })
      .where('id', '=', id)
      .execute();
  });
}

/** Requeues at retryAt while attempts remain; retryAt null (or no attempts left) fails the job for good. */
export async function fail(ctx: StoreContext, id: number, error: string, retryAt: string | null): Promise<void> {
  const retry = retryAt === null ? null : toIso(retryAt, 'retryAt');
  await ctx.atomic(async (db) => {
    const job = await db
      .selectFrom('jobs')
      .select(['status', 'attempts', 'max_attempts', 'started_at'])
      .where('id', '=', id)
      .$if(ctx.dialect === 'postgres', (q) => q.forUpdate())
      .executeTakeFirst();
    if (!job) throw notFound(`job ${id}`);
    if (job.status === 'done') return;
    const finished = nowIso();
    const common = { last_error: clean(error), lease_until: null, duration_ms: durationMs(job.started_at, finished) };
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
