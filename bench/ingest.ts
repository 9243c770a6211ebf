// Ingest throughput: a fixture feed of N items served on 127.0.0.1, one `watch --once` pass.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { silentLogger } from '../src/core/logger.js';
import { FixtureServer } from '../src/demo/fixture-server.js';
import { createFetcher } from '../src/fetch/http.js';
import { pollOnce } from '../src/pipeline/scheduler.js';
import { openStore } from '../src/store/open.js';

function page(i: number): string {
  const paras = Array.from({ length: 8 }, (_, k) => `<p>Report ${i}, paragraph ${k}: the spokesperson said the ministry would answer the envoy's offer within days, while analysts in the capital expected a firm rebuke ${i * 7 + k}.</p>`);
  return `<!doctype html><html lang="en"><head><title>Report ${i} | Bench Wire</title><meta property="article:published_time" content="2026-01-${String((i % 28) + 1).padStart(2, '0')}T08:00:00Z"></head><body><nav><a href="/">Home</a></nav><article><h1>Report ${i}</h1>${paras.join('')}</article><footer>Bench Wire</footer></body></html>`;
}

export async function benchIngest(n: number): Promise<{ articles: number; seconds: number }> {
  const server = await FixtureServer.start();
  const items = Array.from({ length: n }, (_, i) => `<item><title>Report ${i}</title><link>${server.baseUrl}/a/${i}.html</link><guid>${i}</guid></item>`).join('');
  server.route('/feed.xml', { body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Bench</title><link>${server.baseUrl}/</link>${items}</channel></rss>`, headers: { 'content-type': 'application/rss+xml' } });
  for (let i = 0; i < n; i++) server.route(`/a/${i}.html`, { body: page(i), headers: { 'content-type': 'text/html; charset=utf-8' } });
  const dir = mkdtempSync(join(tmpdir(), 'readout-bench-'));
  const config = loadConfig({ env: {}, overrides: { dataDir: dir, fetch: { allowPrivate: ['127.0.0.1'], minDelay: '0s' }, scheduler: { workers: 4 } } });
  const logger = silentLogger();
  const store = await openStore(join(dir, 'bench.db'), logger);
  const fetcher = createFetcher(config.fetch, logger);
  try {
    await store.addSource({ url: `${server.baseUrl}/feed.xml`, kind: 'feed', title: 'bench', intervalSeconds: 900 });
    const started = process.hrtime.bigint();
    await pollOnce({ store, fetcher, logger, config, now: () => new Date() });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { articles: (await store.stats()).articles, seconds };
  } finally {
    await fetcher.close();
    await store.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
