// API latency: p50/p99 of in-process requests (app.request: routing, bearer-token auth,
// validation, store, JSON; no sockets) for search, timeline and trends over a SQLite store of n
// synthetic analysed articles made by the bulk generator (bench/generate.ts: varied texts,
// 1–3 events an article merged into real-world events, response links). Every response is
// checked to be non-empty, so a query that silently matches nothing cannot look fast.
import { join } from 'node:path';
import { generateToken } from '../src/api/auth.js';
import { createApp } from '../src/api/app.js';
import { loadConfig } from '../src/config/config.js';
import { silentLogger } from '../src/core/logger.js';
import { openStore } from '../src/store/open.js';
import { describeStore, generateStoreFile, sharedStore } from './generate.js';

export interface ApiLatency {
  name: string;
  path: string;
  requests: number;
  p50: number;
  p99: number;
  /** Items (or trend buckets) in the measured response. */
  results: number;
}

// The generated store runs from 2023-01-01 at 100 articles a day (100k articles: to 2025-09).
const QUERIES: [string, string][] = [
  ['search (relevance)', '/search?q=ministry%20envoy&limit=20'],
  ['search (rare word, relevance)', '/search?q=whaling%20Seoul&limit=20'],
  ['search (newest, page 2)', '/search?q=%22firm%20reply%22&order=newest&limit=20'],
  ['articles list', '/articles?limit=50&source=Harbor%20Ledger'],
  ['timeline (dyad)', '/timeline?dyad=USA-PRK&limit=50'],
  ['timeline (page of 100)', '/timeline?limit=100&since=2024-06-01'],
  ['trends (dyad, day)', '/trends?dyad=USA-PRK&by=day'],
  ['trends (actor, week)', '/trends?actor=PRK&by=week'],
];

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** Items of a page, or buckets of a trend with articles or events in them. */
function resultsOf(body: unknown): number {
  const b = body as { items?: unknown[]; buckets?: { articles?: number; events?: number }[] };
  if (Array.isArray(b.items)) return b.items.length;
  if (Array.isArray(b.buckets)) return b.buckets.filter((x) => (x.articles ?? 0) > 0 || (x.events ?? 0) > 0).length;
  return 0;
}

/**
 * Measures each query `rounds` times over the store at path; with seed, first generates n
 * articles there (the path must not hold a store yet).
 */
export async function measureApi(path: string, n: number, rounds: number, seed = true): Promise<ApiLatency[]> {
  if (seed) console.log(describeStore({ summary: generateStoreFile(path, n), fresh: true }));
  const store = await openStore(path, silentLogger());
  try {
    const { token, hash } = generateToken();
    await store.createApiToken({ name: 'bench', role: 'viewer', hash });
    // No rate limit: the loop below is one token asking as fast as it can, on purpose.
    const app = createApp({ store, config: loadConfig({ env: {}, overrides: { dataDir: join(path, '..'), api: { limits: { ratePerMinute: 0 } } } }), logger: silentLogger() });
    const headers = { authorization: `Bearer ${token}` };
    const out: ApiLatency[] = [];
    for (const [name, query] of QUERIES) {
      let url = query;
      if (name.includes('page 2')) {
        const first = (await (await app.request(query, { headers })).json()) as { nextCursor: string | null };
        if (!first.nextCursor) throw new Error(`${query}: no second page`);
        url = `${query}&cursor=${encodeURIComponent(first.nextCursor)}`;
      }
      const check = await app.request(url, { headers });
      if (check.status !== 200) throw new Error(`${url}: ${check.status} ${await check.text()}`);
      const results = resultsOf(await check.json());
      if (results === 0) throw new Error(`${url}: an empty result (the generated store does not fit the query)`);
      for (let i = 0; i < 2; i++) await (await app.request(url, { headers })).text(); // warm-up
      const times: number[] = [];
      for (let i = 0; i < rounds; i++) {
        const t = process.hrtime.bigint();
        const r = await app.request(url, { headers });
        await r.text();
        if (r.status !== 200) throw new Error(`${url}: ${r.status}`);
        times.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      times.sort((a, b) => a - b);
      out.push({ name, path: url.length > 80 ? `${url.slice(0, 77)}...` : url, requests: rounds, p50: pct(times, 50), p99: pct(times, 99), results });
    }
    return out;
  } finally {
    await store.close();
  }
}

export function formatLatency(m: ApiLatency): string {
  return `  ${m.name.padEnd(30)} p50 ${m.p50.toFixed(1).padStart(7)} ms   p99 ${m.p99.toFixed(1).padStart(7)} ms   (${m.requests} requests, ${m.results} results)`;
}

/** The `npm run bench` entry: the shared generated store of n articles (default 100k; generating it takes about a minute). */
export async function benchApi(n = 100_000, rounds = 50): Promise<ApiLatency[]> {
  console.log(`\nAPI latency (in-process requests with auth and validation) over a generated SQLite store of ${n} synthetic analysed articles:`);
  const shared = sharedStore(n);
  console.log(describeStore(shared));
  const results = await measureApi(shared.path, n, rounds, false);
  for (const m of results) console.log(formatLatency(m));
  return results;
}
