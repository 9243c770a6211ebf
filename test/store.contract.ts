// The Store contract: one suite, run against every implementation (store.sqlite.test.ts,
// store.postgres.test.ts). Behaviour that differs between backends does not belong here.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RawResponse } from '../src/core/types.js';
import type { NewArticle, Store } from '../src/store/types.js';
import { analysisContract } from './store.contract-analyses.js';
import { eventContract } from './store.contract-events.js';
import { eventCandidateContract } from './store.contract-event-candidates.js';
import { eventFingerprintContract } from './store.contract-event-fingerprints.js';
import { timelineContract } from './store.contract-timeline.js';
import { insightsContract } from './store.contract-insights.js';
import { precedentsContract } from './store.contract-precedents.js';
import { exportContract } from './store.contract-exports.js';
import { articleContract } from './store.contract-articles.js';
import { jobContract } from './store.contract-jobs.js';
import { searchContract } from './store.contract-search.js';
import { opinionContract } from './store.contract-opinion.js';
import { alertContract } from './store.contract-alerts.js';
import { streamContract } from './store.contract-stream.js';

/** One fresh, empty database per test. */
export interface StoreHarness {
  /** Opens (and migrates) a Store on this database; may be called again for a second connection. */
  open(): Promise<Store>;
  /** Raw SQL on the same database, outside any Store. */
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  /** Drops the database (stores are closed first). */
  cleanup(): Promise<void>;
  /**
   * Whether two Stores on this database may interleave transactions from one process. False for
   * SQLite: a second connection waits for the write lock synchronously, blocking the event loop
   * that would let the first transaction finish.
   */
  concurrentTransactions: boolean;
}

export interface ContractContext {
  store: Store;
  harness: StoreHarness;
  /** A second Store on the same database (closed after the test). */
  openAnother(): Promise<Store>;
}

export function storeContract(name: string, makeHarness: () => Promise<StoreHarness>): void {
  describe(`Store contract: ${name}`, () => {
    let harness: StoreHarness;
    let opened: Store[] = [];
    const ctx = {} as ContractContext;

    beforeEach(async () => {
      harness = await makeHarness();
      const store = await harness.open();
      opened = [store];
      Object.assign(ctx, {
        store,
        harness,
        openAnother: async () => {
          const another = await harness.open();
          opened.push(another);
          return another;
        },
      });
    });

    afterEach(async () => {
      for (const s of opened) await s.close().catch(() => undefined);
      await harness.cleanup();
    });

    describe('migrations', () => {
      it('are idempotent', async () => {
        await ctx.store.migrate();
        await ctx.store.migrate();
        const again = await ctx.openAnother();
        expect((await again.stats()).articles).toBe(0);
        const versions = await ctx.harness.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
        expect(versions.map((v) => Number(v.version))).toEqual([...new Set(versions.map((v) => Number(v.version)))]);
        expect(versions.length).toBeGreaterThan(0);
      });

      it('refuse a database newer than the code', async () => {
        await ctx.harness.query(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'from the future', '2099-01-01T00:00:00.000Z')`);
        await expect(ctx.store.migrate()).rejects.toMatchObject({ name: 'ReadoutError', code: 'schema' });
        await expect(ctx.harness.open()).rejects.toMatchObject({ code: 'schema', message: expect.stringContaining('9999') });
      });
    });

    describe('sources', () => {
      it('adds, reads, lists, updates and removes', async () => {
        const { store } = ctx;
        const a = await store.addSource({ url: 'https://a.example/feed', kind: 'feed', title: 'A', tags: ['kr', 'gov'], intervalSeconds: 600 });
        expect(a).toMatchObject({ url: 'https://a.example/feed', kind: 'feed', title: 'A', tags: ['kr', 'gov'], intervalSeconds: 600, enabled: true });
        expect(a).toMatchObject({ etag: null, lastModified: null, failureStreak: 0, itemsSeen: 0, nextPollAt: null, lastError: null });
        expect(Date.parse(a.createdAt)).not.toBeNaN();
        const b = await store.addSource({ url: 'https://b.example/sitemap.xml', kind: 'sitemap', intervalSeconds: 3600 });
        expect(b).toMatchObject({ title: null, tags: [] });
        await expect(store.addSource({ url: a.url, kind: 'feed', intervalSeconds: 60 })).rejects.toMatchObject({ code: 'input' });

        expect(await store.getSource(a.id)).toEqual(a);
        expect(await store.getSource(a.url)).toEqual(a);
        expect(await store.getSource(String(b.id))).toEqual(b);
        expect(await store.getSource('https://nowhere.example/')).toBeNull();
        expect(await store.getSource(99999)).toBeNull();
        expect((await store.listSources()).map((s) => s.id)).toEqual([a.id, b.id]);

        await store.updateSource(a.id, {
          title: 'A2', tags: ['x'], enabled: false, etag: '"abc"', lastModified: 'Wed, 01 May 2024 10:00:00 GMT',
          lastPolledAt: '2024-05-01T10:00:00.000Z', lastSuccessAt: '2024-05-01T10:00:00.000Z', lastErrorAt: '2024-04-30T10:00:00.000Z',
          lastError: 'HTTP 503', failureStreak: 2, itemsSeen: 41, nextPollAt: '2024-05-01T10:10:00.000Z', intervalSeconds: 900,
        });
        expect(await store.getSource(a.id)).toEqual({
          ...a, title: 'A2', tags: ['x'], enabled: false, etag: '"abc"', lastModified: 'Wed, 01 May 2024 10:00:00 GMT',
          lastPolledAt: '2024-05-01T10:00:00.000Z', lastSuccessAt: '2024-05-01T10:00:00.000Z', lastErrorAt: '2024-04-30T10:00:00.000Z',
          lastError: 'HTTP 503', failureStreak: 2, itemsSeen: 41, nextPollAt: '2024-05-01T10:10:00.000Z', intervalSeconds: 900,
        });
        await store.updateSource(a.id, { lastError: null, failureStreak: 0, etag: null });
        expect(await store.getSource(a.id)).toMatchObject({ lastError: null, failureStreak: 0, etag: null, title: 'A2' });
        await expect(store.updateSource(99999, { title: 'x' })).rejects.toMatchObject({ code: 'input' });

        const art = await store.insertArticle(sampleArticle({ sourceId: b.id }));
        await store.enqueue({ kind: 'poll', payload: { sourceId: b.id }, sourceId: b.id });
        expect(await store.removeSource(b.id)).toBe(true);
        expect(await store.removeSource(b.id)).toBe(false);
        expect(await store.getSource(b.id)).toBeNull();
        expect((await store.getArticle(art.id))?.sourceId).toBeNull();
        expect(await store.pendingJobs()).toBe(0);
      });

      it('lists due sources: enabled, never polled or due by now, longest waiting first', async () => {
        const { store } = ctx;
        const never = await store.addSource({ url: 'https://never.example/', kind: 'feed', intervalSeconds: 60 });
        const past = await store.addSource({ url: 'https://past.example/', kind: 'feed', intervalSeconds: 60 });
        const older = await store.addSource({ url: 'https://older.example/', kind: 'feed', intervalSeconds: 60 });
        const exact = await store.addSource({ url: 'https://exact.example/', kind: 'feed', intervalSeconds: 60 });
        const future = await store.addSource({ url: 'https://future.example/', kind: 'feed', intervalSeconds: 60 });
        const off = await store.addSource({ url: 'https://off.example/', kind: 'feed', intervalSeconds: 60 });
        await store.updateSource(past.id, { nextPollAt: '2024-05-01T09:00:00.000Z' });
        await store.updateSource(older.id, { nextPollAt: '2024-05-01T08:00:00.000Z' });
        await store.updateSource(exact.id, { nextPollAt: '2024-05-01T10:00:00.000Z' });
        await store.updateSource(future.id, { nextPollAt: '2024-05-01T11:00:00.000Z' });
        await store.updateSource(off.id, { enabled: false });
        const due = await store.dueSources('2024-05-01T10:00:00.000Z');
        expect(due.map((s) => s.id)).toEqual([never.id, older.id, past.id, exact.id]);
      });
    });

    describe('raw archive', () => {
      it('round-trips bytes exactly, gzip inside, idempotent', async () => {
        const { store } = ctx;
        const body = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), Buffer.from('<html>héllo 北朝鮮</html>'.repeat(50))]);
        const raw: RawResponse = {
          url: 'http://a.example/x', finalUrl: 'https://a.example/x', status: 200,
          headers: { 'content-type': 'text/html; charset=utf-8', etag: '"1"' }, body, fetchedAt: '2024-05-01T10:00:00.000Z',
        };
        const hash = await store.putRaw(raw);
        expect(hash).toBe(createHash('sha256').update(body).digest('hex'));
        expect(await store.putRaw({ ...raw, url: 'http://other.example/' })).toBe(hash);
        const back = await store.getRaw(hash);
        expect(back).not.toBeNull();
        expect(Buffer.compare(back?.body ?? Buffer.alloc(0), body)).toBe(0);
        expect(back).toMatchObject({ url: raw.url, finalUrl: raw.finalUrl, status: 200, headers: raw.headers, fetchedAt: raw.fetchedAt });
        const rows = await ctx.harness.query<{ body: Buffer }>('SELECT body FROM raw_responses');
        expect(rows).toHaveLength(1);
        const stored = Buffer.from(rows[0]?.body ?? []);
        expect([stored[0], stored[1]]).toEqual([0x1f, 0x8b]);
        expect(stored.length).toBeLessThan(body.length);
        expect(await store.getRaw('0'.repeat(64))).toBeNull();
        expect((await store.stats()).rawResponses).toBe(1);
      });
    });

    describe('transactions', () => {
      it('roll back everything when fn throws, and nested calls reuse the transaction', async () => {
        const { store } = ctx;
        await expect(
          store.transaction(async (tx) => {
            await tx.addSource({ url: 'https://rollback.example/', kind: 'feed', intervalSeconds: 60 });
            await tx.transaction(async (inner) => {
              await inner.insertArticle(sampleArticle());
              await inner.enqueue({ kind: 'article', payload: {}, dedupeKey: 'rolled-back' });
            });
            throw new Error('boom');
          }),
        ).rejects.toThrow('boom');
        expect(await store.stats()).toMatchObject({ sources: 0, articles: 0, jobs: { queued: 0 } });
        expect(await store.enqueue({ kind: 'article', payload: {}, dedupeKey: 'rolled-back' })).not.toBeNull();

        const id = await store.transaction(async (tx) => {
          const s = await tx.addSource({ url: 'https://commit.example/', kind: 'feed', intervalSeconds: 60 });
          return tx.transaction(async (inner) => {
            const r = await inner.insertArticle(sampleArticle({ sourceId: s.id }));
            expect(await inner.getArticle(r.id)).not.toBeNull();
            return r.id;
          });
        });
        expect((await store.getArticle(id))?.sourceId).not.toBeNull();
      });
    });

    describe('transactions (outer store)', () => {
      it('joins calls made on the outer store from inside fn to the transaction', async () => {
        const { store } = ctx;
        await expect(
          store.transaction(async () => {
            await store.addSource({ url: 'https://outer.example/', kind: 'feed', intervalSeconds: 60 });
            await store.transaction((inner) => inner.insertArticle(sampleArticle()));
            expect((await store.stats()).sources).toBe(1);
            expect(await store.listSources()).toHaveLength(1);
            expect(await store.pendingJobs()).toBe(0);
            throw new Error('undo');
          }),
        ).rejects.toThrow('undo');
        expect(await store.stats()).toMatchObject({ sources: 0, articles: 0 });
        // Calls from outside the transaction's async context still run beside it.
        await Promise.all([
          store.transaction(async (tx) => {
            await tx.addSource({ url: 'https://one.example/', kind: 'feed', intervalSeconds: 60 });
            await new Promise((r) => setTimeout(r, 20));
          }),
          store.addSource({ url: 'https://two.example/', kind: 'feed', intervalSeconds: 60 }),
        ]);
        expect((await store.listSources()).map((s) => s.url).sort()).toEqual(['https://one.example/', 'https://two.example/']);
      });
    });

    describe('stats', () => {
      it('counts everything', async () => {
        const { store } = ctx;
        await store.addSource({ url: 'https://s.example/', kind: 'feed', intervalSeconds: 60 });
        const a = await store.insertArticle(sampleArticle());
        const b = await store.insertArticle(sampleArticle());
        await store.insertArticle(sampleArticle());
        await store.setArticleGroup(b.id, a.id);
        await store.addComments(a.id, [{ author: null, published: null, text: 'one' }, { author: null, published: null, text: 'two' }]);
        await store.putRaw({ url: 'u', finalUrl: 'u', status: 200, headers: {}, body: Buffer.from('x'), fetchedAt: '2024-05-01T00:00:00Z' });
        await store.enqueue({ kind: 'poll', payload: {} });
        await store.enqueue({ kind: 'poll', payload: {} });
        const j = await store.lease(['poll'], 60_000);
        await store.complete(j?.id ?? 0);
        expect(await store.stats()).toEqual({
          sources: 1, articles: 3, comments: 2, rawResponses: 1, duplicateGroups: 1, jobs: { queued: 1, running: 0, done: 1, failed: 0 },
        });
      });
    });

    articleContract(ctx);
    searchContract(ctx);
    jobContract(ctx);
    analysisContract(ctx);
    eventContract(ctx);
    eventCandidateContract(ctx);
    eventFingerprintContract(ctx);
    timelineContract(ctx);
    insightsContract(ctx);
    precedentsContract(ctx);
    exportContract(ctx);
    opinionContract(ctx);
    alertContract(ctx);
    streamContract(ctx);
  });
}

let sequence = 0;

/** A unique article; override any field. contentHash and simhash follow the text unless given. */
export function sampleArticle(over: Partial<NewArticle> = {}): NewArticle {
  sequence++;
  const text = over.text ?? `Article body number ${sequence}, with its own words: token${sequence}.`;
  const hash = createHash('sha256').update(text).digest('hex');
  return {
    url: `https://news.example/story/${sequence}?utm_source=feed`,
    canonicalUrl: `https://news.example/story/${sequence}`,
    sourceId: null,
    sourceName: 'Example News',
    title: `Story ${sequence}`,
    byline: 'A. Writer',
    published: '2024-05-01T10:00:00.000Z',
    language: 'en',
    kind: 'news',
    section: 'World',
    text,
    contentHash: hash,
    simhash: hash.slice(0, 16),
    minhash: hash.repeat(2),
    shingleCount: 10,
    bands: [parseInt(hash.slice(0, 7), 16), parseInt(hash.slice(7, 14), 16)],
    rawHash: null,
    fetchedAt: '2024-05-02T08:00:00.000Z',
    ...over,
  };
}
