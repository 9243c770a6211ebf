// Killing `watch` with SIGKILL at any moment and restarting it must lose no fetched item and
// store none twice: jobs are leased and retried, and every write is transactional. The restarted
// process takes back its dead predecessor's jobs at once: the default two-minute lease is kept
// and nothing waits for it to expire.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../src/core/logger.js';
import { FixtureServer } from '../src/demo/fixture-server.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/types.js';
import { articleHtml, rssFeed, storyParagraphs } from './helpers/pages.js';
import { tempDir } from './helpers/services.js';
import { spawnCli } from './helpers/spawn-cli.js';

const ITEMS = 30;

function runWatch(dir: string, killAfterRequests: number | null, server: FixtureServer): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawnCli(['--db', join(dir, 'store.db'), '--config', join(dir, 'readout.yaml'), 'watch', '--once'], { stderr: true });
    const startCount = server.requests.length;
    let timer: NodeJS.Timeout | undefined;
    if (killAfterRequests !== null) {
      timer = setInterval(() => {
        if (server.requests.length - startCount >= killAfterRequests) child.kill('SIGKILL');
      }, 5);
    }
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve(code);
    });
  });
}

describe('crash recovery', () => {
  let server: FixtureServer;
  let dir: string;
  let store: Store;

  beforeAll(async () => {
    server = await FixtureServer.start();
    const items = Array.from({ length: ITEMS }, (_, i) => ({ slug: `s${i}`, title: `Statement number ${i} on the talks`, published: `2026-02-${String((i % 27) + 1).padStart(2, '0')}T08:00:00Z` }));
    server.route('/feed.xml', { body: rssFeed(server.baseUrl, items), headers: { 'content-type': 'application/rss+xml' } });
    for (const [i, item] of items.entries()) {
      const body = articleHtml({ title: item.title, paragraphs: storyParagraphs(`Statement ${i} ${'x'.repeat(i)}`), published: item.published });
      // A little latency so kills land while requests and writes are in flight.
      server.route(`/news/${item.slug}.html`, { handler: (_req, res) => void setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end(body), 15) });
    }
    dir = tempDir('crash');
    writeFileSync(join(dir, 'readout.yaml'), "log: { level: silent }\nfetch: { allowPrivate: ['127.0.0.1'], minDelay: 0s }\nscheduler: { workers: 3 }\n");
    store = await openStore(join(dir, 'store.db'), silentLogger());
    await store.addSource({ url: `${server.baseUrl}/feed.xml`, kind: 'feed', title: 'crash', intervalSeconds: 300 });
  });

  afterAll(async () => {
    await store.close();
    await server.close();
  });

  it('loses nothing and duplicates nothing across repeated SIGKILLs', async () => {
    const storedAfterKill: number[] = [];
    for (const killAt of [1, 4, 9, 15, 22]) {
      const code = await runWatch(dir, killAt, server);
      if (code === null) storedAfterKill.push((await store.stats()).articles);
    }
    // The kills really interrupted work in progress.
    expect(storedAfterKill.length).toBeGreaterThanOrEqual(3);
    expect(storedAfterKill.some((n) => n > 0 && n < ITEMS)).toBe(true);
    for (let i = 0; i < 5 && (await store.stats()).articles < ITEMS; i++) {
      expect(await runWatch(dir, null, server)).toBe(0);
    }
    const stats = await store.stats();
    expect(stats.articles).toBe(ITEMS);
    const articleJobs = (await store.listJobs({ kind: 'article', limit: 1000 }));
    expect(articleJobs).toHaveLength(ITEMS);
    expect(new Set(articleJobs.map((j) => j.dedupeKey)).size).toBe(ITEMS);
    expect(articleJobs.every((j) => j.status === 'done')).toBe(true);
    expect((await store.stats()).jobs).toMatchObject({ queued: 0, running: 0, failed: 0 });
    const urls = (await store.search({ text: '', limit: 500 })).map((h) => h.url);
    expect(new Set(urls).size).toBe(ITEMS);
  }, 120_000);
});
