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

    it('leases a running job again once its lease expired, and fails it when attempts ran out', async () => {
      const { store } = ctx;
      const id = await store.enqueue({ kind: 'poll', payload: {}, runAfter: T0, maxAttempts: 2 });
      expect((await store.lease(['poll'], 1000, T0))?.attempts).toBe(1);
      expect(await store.lease(['poll'], 1000, at(500))).toBeNull();
      expect(await store.lease(['poll'], 1000, at(1000))).toBeNull();
      const again = await store.lease(['poll'], 1000, at(1001));
      expect(again).toMatchObject({ id, attempts: 2, status: 'running', startedAt: at(1001), leaseUntil: at(2001) });
      expect(await store.lease(['poll'], 1000, at(5000))).toBeNull();
      const [dead] = await store.listJobs({ kind: 'poll' });
      expect(dead).toMatchObject({ id, status: 'failed', attempts: 2, leaseUntil: null, lastError: expect.stringContaining('lease expired') });
      expect(await store.pendingJobs()).toBe(0);
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
