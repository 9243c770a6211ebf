// API latency: p50/p99 of in-process requests (app.request: routing, auth, validation, store,
// JSON; no sockets) for search, timeline and trends over a fresh SQLite store of n synthetic
// analysed articles built through store methods (seedExportStore: one merged event each).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateToken } from '../src/api/auth.js';
import { createApp } from '../src/api/app.js';
import { loadConfig } from '../src/config/config.js';
import { silentLogger } from '../src/core/logger.js';
import { openStore } from '../src/store/open.js';
import { seedExportStore } from './export.js';

export interface ApiLatency {
  name: string;
  path: string;
  requests: number;
  p50: number;
  p99: number;
}

const QUERIES: [string, string][] = [
  ['search (relevance)', '/search?q=ministry%20envoy&limit=20'],
  ['search (newest, page 2)', '/search?q=%22firm%20reply%22&order=newest&limit=20'],
  ['articles list', '/articles?limit=50&source=Harbor%20Ledger'],
  ['timeline (dyad)', '/timeline?dyad=USA-PRK&limit=50'],
  ['timeline (all, 100)', '/timeline?limit=100&since=2020-03-01'],
  ['trends (dyad, day)', '/trends?dyad=USA-PRK&by=day'],
  ['trends (actor, week)', '/trends?actor=PRK&by=week'],
];

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** Seeds (or reuses) a store at path with n articles and measures each query `rounds` times. */
export async function measureApi(path: string, n: number, rounds: number, seed = true): Promise<ApiLatency[]> {
  const store = await openStore(path, silentLogger());
  try {
    if (seed) {
      const started = process.hrtime.bigint();
      await seedExportStore(store, n);
      console.log(`  seeded ${n} analysed articles (one event each) in ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s`);
    }
    const { token, hash } = generateToken();
    await store.createApiToken({ name: 'bench', role: 'viewer', hash });
    const app = createApp({ store, config: loadConfig({ env: {}, overrides: { dataDir: join(path, '..') } }), logger: silentLogger() });
    const headers = { authorization: `Bearer ${token}` };
    const out: ApiLatency[] = [];
    for (const [name, query] of QUERIES) {
      let url = query;
      if (name.includes('page 2')) {
        const first = (await (await app.request(query, { headers })).json()) as { nextCursor: string | null };
        if (first.nextCursor) url = `${query}&cursor=${encodeURIComponent(first.nextCursor)}`;
      }
      for (let i = 0; i < 3; i++) await (await app.request(url, { headers })).text(); // warm-up
      const times: number[] = [];
      for (let i = 0; i < rounds; i++) {
        const t = process.hrtime.bigint();
        const r = await app.request(url, { headers });
        await r.text();
        if (r.status !== 200) throw new Error(`${url}: ${r.status}`);
        times.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      times.sort((a, b) => a - b);
      out.push({ name, path: url, requests: rounds, p50: pct(times, 50), p99: pct(times, 99) });
    }
    return out;
  } finally {
    await store.close();
  }
}

export function formatLatency(m: ApiLatency): string {
  return `  ${m.name.padEnd(26)} p50 ${m.p50.toFixed(1).padStart(7)} ms   p99 ${m.p99.toFixed(1).padStart(7)} ms   (${m.requests} requests)`;
}

/** The `npm run bench` entry: a fresh store of n articles (default 4000: seeding ~10 s; see docs/api.md for 100k). */
export async function benchApi(n = 4000, rounds = 50): Promise<ApiLatency[]> {
  console.log(`\nAPI latency (in-process requests with auth and validation) over a fresh SQLite store of ${n} synthetic analysed articles:`);
  const dir = mkdtempSync(join(tmpdir(), 'readout-bench-api-'));
  try {
    const results = await measureApi(join(dir, 'bench.db'), n, rounds);
    for (const m of results) console.log(formatLatency(m));
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
