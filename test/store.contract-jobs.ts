// Store contract, part 4: the job queue.
import { describe, expect, it } from 'vitest';
import type { ContractContext } from './store.contract.js';

const T0 = '2024-05-01T10:00:00.000Z';
const at = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();

export function jobContract(ctx: ContractContext): void {
  describe('jobs', () => {
    it('enqueue with an existing dedupe key is a no-op returning null', async () => {
      const { store } = ctx;
      const id = await store.enqueue({ kind: 'article', payload: { url: 'https://a.example/1', n: 1 }, dedupeKey: 'article:a1', runAfter: T0 });
      expect(id).toEqual(expect.any(Number));
      expect(await store.enqueue({ kind: 'article', payload: { url: 'other' }, dedupeKey: 'article:a1' })).toBeNull();
      expect(await store.enqueue({ kind: 'article', payload: {} })).not.toBeNull();
      expect(await store.enqueue({ kind: 'article', payload: {} })).not.toBeNull();
      const [job] = await store.listJobs({ kind: 'article', status: 'queued', limit: 10 }).then((js) => js.filter((j) => j.id === id));
      expect(job).toMatchObject({
        id, kind: 'article', payload: { url: 'https://a.example/1', n: 1 }, dedupeKey: 'article:a1', status: 'queued', attempts: 0,
        maxAttempts: 3, runAfter: T0, leaseUntil: null, lastError: null, sourceId: null, startedAt: null, finishedAt: null, durationMs: null,
      });
      expect(await store.pendingJobs()).toBe(3);
      expect(await store.pendingJobs(['poll'])).toBe(0);
    });

    it('leases due jobs of the asked kinds, oldest first', async () => {
      const { store } = ctx;
      const later = await store.enqueue({ kind: 'poll', payload: {}, runAfter: at(60_000) });
      const first = await store.enqueue({ kind: 'poll', payload: {}, runAfter: at(-2000) });
      const second = await store.enqueue({ kind: 'poll', payload: {}, runAfter: at(-1000) });
      const other = await store.enqueue({ kind: 'comments', payload: {}, runAfter: at(-5000) });
      const j1 = await store.lease(['poll'], 300_000, T0);
      expect(j1).toMatchObject({ id: first, status: 'running', attempts: 1, startedAt: T0, leaseUntil: at(300_000) });
      expect((await store.lease(['poll', 'article'], 300_000, T0))?.id).toBe(second);
      expect(await store.lease(['poll'], 300_000, T0)).toBeNull();
      expect((await store.lease([], 300_000, T0))?.id).toBe(other);
      expect((await store.lease(['poll'], 300_000, at(60_000)))?.id).toBe(later);
      expect(await store.pendingJobs(['poll'])).toBe(3);
    });

    it('gives each job to exactly one of two concurrent leasers', async () => {
      const { store } = ctx;
      const other = await ctx.openAnother();
      const enqueued = new Set<number>();
      for (let i = 0; i < 30; i++) enqueued.add((await store.enqueue({ kind: 'article', payload: { i }, runAfter: T0 })) ?? -1);
      const leaseAll = async (s: typeof store) => {
        const got: number[] = [];
        for (;;) {
          const j = await s.lease(['article'], 60_000, at(1000));
          if (!j) return got;
          got.push(j.id);
        }
      };
      const perLeaser = await Promise.all([leaseAll(store), leaseAll(other), leaseAll(store), leaseAll(other)]);
      const all = perLeaser.flat();
      expect(all).toHaveLength(30);
      expect(new Set(all)).toEqual(enqueued);
      const jobs = await store.listJobs({ kind: 'article', limit: 100 });
      expect(jobs.every((j) => j.status === 'running' && j.attempts === 1)).toBe(true);
    });

    it('takes back an expired lease without using an attempt, and fails a job reclaimed too often', async () => {
      const { store } = ctx;
      const id = await store.enqueue({ kind: 'poll', payload: {}, runAfter: T0, maxAttempts: 2 });
      expect(await store.lease(['poll'], 1000, T0, { owner: 'h:1:a' })).toMatchObject({ attempts: 1, leaseOwner: 'h:1:a', reclaims: 0 });
      expect(await store.lease(['poll'], 1000, at(500))).toBeNull();
      expect(await store.lease(['poll'], 1000, at(1000))).toBeNull();
      // Two expiries in a row: with maxAttempts 2 the second used to fail the job for good.
      for (const [n, t] of [[1, 1001], [2, 2002]] as const) {
        const again = await store.lease(['poll'], 1000, at(t), { owner: `h:${n + 1}:b`, maxReclaims: 3 });
        expect(again).toMatchObject({ id, attempts: 1, reclaims: n, status: 'running', startedAt: at(t), leaseUntil: at(t + 1000), leaseOwner: `h:${n + 1}:b` });
        expect(again?.lastError).toContain('lease expired');
      }
      expect(await store.lease(['poll'], 1000, at(3003), { maxReclaims: 3 })).toMatchObject({ id, attempts: 1, reclaims: 3 });
      expect(await store.lease(['poll'], 1000, at(5000), { maxReclaims: 3 })).toBeNull();
      const [dead] = await store.listJobs({ kind: 'poll' });
      expect(dead).toMatchObject({ id, status: 'failed', attempts: 1, reclaims: 3, leaseUntil: null, leaseOwner: null, lastError: expect.stringContaining('given up') });
      expect(await store.pendingJobs()).toBe(0);
      expect(await store.countJobs({ status: 'failed', kinds: ['poll'], finishedSince: at(5000) })).toBe(1);
      expect(await store.countJobs({ status: 'failed', finishedSince: at(5001) })).toBe(0);
    });

    it('reclaims the running jobs of dead owners at once, leaving live owners and other jobs alone', async () => {
      const { store } = ctx;
      const a = (await store.enqueue({ kind: 'article', payload: {}, runAfter: T0, maxAttempts: 1 }))!;
      const b = (await store.enqueue({ kind: 'analyze', payload: {}, runAfter: T0, maxAttempts: 1 }))!;
      const c = (await store.enqueue({ kind: 'article', payload: {}, runAfter: T0 }))!;
      await store.enqueue({ kind: 'article', payload: {}, runAfter: at(60_000) });
      expect((await store.lease(['article'], 120_000, T0, { owner: 'host:10:dead' }))?.id).toBe(a);
      expect((await store.lease(['analyze'], 120_000, T0, { owner: 'host:10:dead' }))?.id).toBe(b);
      expect((await store.lease(['article'], 120_000, T0, { owner: 'host:11:live' }))?.id).toBe(c);
      expect((await store.leaseOwners()).sort()).toEqual(['host:10:dead', 'host:11:live']);
      expect(await store.reclaimJobs([])).toBe(0);
      expect(await store.reclaimJobs(['host:10:dead'], { now: at(1000) })).toBe(2);
      expect(await store.leaseOwners()).toEqual(['host:11:live']);
      // Long before the two-minute lease ends, and with its single attempt given back.
      const next = await store.lease(['article', 'analyze'], 120_000, at(1000), { owner: 'host:12:new' });
      expect(next).toMatchObject({ id: a, attempts: 1, reclaims: 1, leaseOwner: 'host:12:new', lastError: expect.stringContaining('died') });
      expect((await store.lease(['article', 'analyze'], 120_000, at(1000)))?.id).toBe(b);
      expect(await store.lease(['article', 'analyze'], 120_000, at(1000))).toBeNull();
      // A job whose holder dies every time stops after maxReclaims.
      expect(await store.reclaimJobs(['host:12:new'], { now: at(2000), maxReclaims: 1 })).toBe(1);
      const [failed] = await store.listJobs({ status: 'failed' });
      expect(failed).toMatchObject({ id: a, status: 'failed', reclaims: 1, leaseOwner: null });
    });

    it('renews a lease its owner holds, so the job is not leased twice while it runs', async () => {
      const { store } = ctx;
      const id = (await store.enqueue({ kind: 'poll', payload: {}, runAfter: T0 }))!;
      await store.lease(['poll'], 1000, T0, { owner: 'h:1:a' });
      expect(await store.renewLease(id, 'h:1:a', 1000, at(900))).toBe(true);
      expect(await store.lease(['poll'], 1000, at(1500))).toBeNull();
      expect((await store.listJobs())[0]).toMatchObject({ status: 'running', leaseUntil: at(1900), attempts: 1 });
      expect(await store.renewLease(id, 'h:2:other', 1000, at(1500))).toBe(false);
      // A worker that lost the lease cannot requeue the job under its new holder.
      await store.fail(id, 'stale', at(1600), 'h:2:other');
      expect((await store.listJobs())[0]).toMatchObject({ status: 'running', leaseOwner: 'h:1:a', lastError: null });
      await store.complete(id);
      expect(await store.renewLease(id, 'h:1:a', 1000, at(1600))).toBe(false);
      expect((await store.listJobs())[0]).toMatchObject({ status: 'done', leaseOwner: null });
    });

    it('passes over jobs for busy hosts, never over jobs without a host', async () => {
      const { store } = ctx;
      const slow1 = await store.enqueue({ kind: 'article', payload: {}, runAfter: at(-3000), host: 'slow.example' });
      const none = await store.enqueue({ kind: 'deliver', payload: {}, runAfter: at(-2000) });
      const fast = await store.enqueue({ kind: 'article', payload: {}, runAfter: at(-1000), host: 'fast.example' });
      const skip = { skipHosts: ['slow.example', 'other.example'] };
      expect(await store.lease([], 60_000, T0, skip)).toMatchObject({ id: none, host: null });
      expect(await store.lease([], 60_000, T0, skip)).toMatchObject({ id: fast, host: 'fast.example' });
      expect(await store.lease([], 60_000, T0, skip)).toBeNull();
      expect(await store.lease([], 60_000, T0, { skipHosts: [] })).toMatchObject({ id: slow1, host: 'slow.example' });
    });

    it('queues a finished job again on request, but never a second copy of a pending one', async () => {
      const { store } = ctx;
      const job = { kind: 'analyze', payload: { articleId: 7 }, dedupeKey: 'analyze:7', maxAttempts: 2, runAfter: T0 };
      const id = (await store.enqueue(job))!;
      expect(await store.enqueue({ ...job, requeueFinished: true })).toBeNull();
      await store.lease(['analyze'], 60_000, T0);
      expect(await store.enqueue({ ...job, requeueFinished: true })).toBeNull();
      await store.fail(id, 'boom', null);
      expect(await store.enqueue(job)).toBeNull();
      expect(await store.enqueue({ ...job, requeueFinished: true, runAfter: at(10) })).toBe(id);
      expect(await store.listJobs()).toEqual([expect.objectContaining({ id, status: 'queued', attempts: 0, reclaims: 0, runAfter: at(10), finishedAt: null })]);
      await store.lease(['analyze'], 60_000, at(10));
      await store.complete(id);
      expect(await store.enqueue({ ...job, requeueFinished: true, runAfter: at(20) })).toBe(id);
      expect(await store.pendingJobs(['analyze'])).toBe(1);
    });

    it('requeues a failed job at retryAt while attempts remain, then marks it failed', async () => {
      const { store } = ctx;
      const id = (await store.enqueue({ kind: 'article', payload: {}, runAfter: T0, maxAttempts: 2 }))!;
      await store.lease(['article'], 60_000, T0);
      await store.fail(id, 'HTTP 503', at(10_000));
      let [job] = await store.listJobs();
      expect(job).toMatchObject({ id, status: 'queued', attempts: 1, runAfter: at(10_000), leaseUntil: null, lastError: 'HTTP 503', finishedAt: null });
      expect(await store.lease(['article'], 60_000, at(9_999))).toBeNull();
      expect(await store.lease(['article'], 60_000, at(10_000))).toMatchObject({ id, attempts: 2 });
      await store.fail(id, 'HTTP 503 again', at(20_000));
      [job] = await store.listJobs();
      expect(job).toMatchObject({ id, status: 'failed', attempts: 2, lastError: 'HTTP 503 again' });
      expect(job?.finishedAt).not.toBeNull();
      expect(await store.lease(['article'], 60_000, at(30_000))).toBeNull();

      const permanent = (await store.enqueue({ kind: 'article', payload: {}, runAfter: T0, maxAttempts: 5 }))!;
      await store.lease(['article'], 60_000, T0);
      await store.fail(permanent, 'HTTP 404', null);
      expect(await store.listJobs({ status: 'failed' }).then((js) => js.map((j) => j.id))).toEqual([permanent, id]);
      await expect(store.fail(99999, 'x', null)).rejects.toMatchObject({ code: 'input' });
    });

    it('completes a job with its finish time and duration', async () => {
      const { store } = ctx;
      const id = (await store.enqueue({ kind: 'article', payload: {} }))!;
      const leased = await store.lease(['article'], 60_000);
      expect(leased?.id).toBe(id);
      await new Promise((r) => setTimeout(r, 30));
      await store.complete(id);
      const [job] = await store.listJobs({ status: 'done' });
      expect(job).toMatchObject({ id, status: 'done', attempts: 1, leaseUntil: null });
      expect(job!.durationMs).toBeGreaterThanOrEqual(25);
      expect(Date.parse(job!.finishedAt!) - Date.parse(job!.startedAt!)).toBe(job!.durationMs);
      await store.complete(id);
      expect(await store.pendingJobs()).toBe(0);
      expect(await store.lease(['article'], 60_000)).toBeNull();
      await expect(store.complete(99999)).rejects.toMatchObject({ code: 'input' });
    });
  });
}
