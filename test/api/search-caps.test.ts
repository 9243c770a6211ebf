// The bounds on /articles and /search (api.search.*): big pages are clamped to maxPageSize and
// page on with nextCursor, relevance ranking says when it considered only the newest matches,
// and a page at the store's largest size still knows whether another follows.
import { afterEach, describe, expect, it } from 'vitest';
import { generateToken } from '../../src/api/auth.js';
import { createApp } from '../../src/api/app.js';
import { loadConfig, type Config } from '../../src/config/config.js';
import { silentLogger } from '../../src/core/logger.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/types.js';
import { sampleArticle } from '../store.contract.js';
import { json } from './fixtures.js';

interface HitJson {
  id: number;
  rankCapped?: unknown;
}
interface PageJson {
  items: HitJson[];
  nextCursor: string | null;
  rankCapped?: boolean;
}

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

/** An in-memory store of n articles mentioning "envoy" (dated one hour apart) and an app with the given search settings. */
async function setUp(n: number, search: Partial<Config['api']['search']>) {
  store = await openStore(':memory:', silentLogger());
  for (let i = 0; i < n; i++) {
    const hour = new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString();
    await store.insertArticle(sampleArticle({ published: hour, text: `The envoy met officials, report ${i}.${i % 3 === 0 ? ' The envoy said the envoy would return.' : ''}` }));
  }
  const { token, hash } = generateToken();
  await store.createApiToken({ name: 'caps', role: 'viewer', hash });
  const base = loadConfig({ env: {}, overrides: { db: ':memory:' } });
  const config: Config = { ...base, api: { ...base.api, search: { ...base.api.search, ...search } } };
  const app = createApp({ store, config, logger: silentLogger() });
  const get = async (path: string) => {
    const r = await app.request(path, { headers: { authorization: `Bearer ${token}` } });
    expect(r.status, path).toBe(200);
    return json<PageJson>(r);
  };
  /** Every item of a list, following nextCursor. */
  const all = async (path: string) => {
    const ids: number[] = [];
    let pages = 0;
    for (let cursor: string | null = null; pages === 0 || cursor; pages++) {
      const page: PageJson = await get(cursor ? `${path}&cursor=${encodeURIComponent(cursor)}` : path);
      ids.push(...page.items.map((h) => h.id));
      cursor = page.nextCursor;
    }
    return { ids, pages };
  };
  return { get, all };
}

describe('bounded /articles and /search', () => {
  it('clamps a limit above api.search.maxPageSize and pages on with nextCursor', async () => {
    const api = await setUp(7, { maxPageSize: 3 });
    const first = await api.get('/articles?limit=500');
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).not.toBeNull();
    const { ids, pages } = await api.all('/articles?limit=500');
    expect(pages).toBe(3);
    expect(new Set(ids).size).toBe(7);
    expect((await api.get('/search?q=envoy&order=newest&limit=400')).items).toHaveLength(3);
    expect((await api.get('/search?q=envoy&limit=400')).items).toHaveLength(3);
  });

  it('gives a page of the largest size a nextCursor when more articles follow', async () => {
    const api = await setUp(503, { maxPageSize: 500 });
    const first = await api.get('/articles?limit=500');
    expect(first.items).toHaveLength(500);
    expect(first.nextCursor).not.toBeNull();
    const { ids, pages } = await api.all('/articles?limit=500');
    expect(pages).toBe(2);
    expect(new Set(ids).size).toBe(503);
  });

  it('says when relevance ranked only the newest api.search.rankCandidates matches, on the page and not on each hit', async () => {
    const capped = await (await setUp(6, { rankCandidates: 4 })).get('/search?q=envoy');
    expect(capped.rankCapped).toBe(true);
    expect(capped.items).toHaveLength(4);
    for (const hit of capped.items) expect(hit).not.toHaveProperty('rankCapped');
    await store?.close();
    const whole = await (await setUp(6, { rankCandidates: 6 })).get('/search?q=envoy');
    expect(whole.rankCapped).toBe(false);
    expect(whole.items).toHaveLength(6);
  });
});
