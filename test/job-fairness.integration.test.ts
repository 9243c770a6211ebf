// Scheduling across hosts: a worker never waits on a slow host's politeness slot while other
// hosts' work is ready, and a job that runs longer than its lease is never leased twice.
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../src/core/logger.js';
import { FixtureServer } from '../src/demo/fixture-server.js';
import { createFetcher } from '../src/fetch/http.js';
import { hostKey } from '../src/fetch/url.js';
import { ownerId } from '../src/pipeline/lease-owner.js';
import type { Services } from '../src/pipeline/services.js';
import { WorkerPool } from '../src/pipeline/worker.js';
import { articleHtml, storyParagraphs } from './helpers/pages.js';
import { closeServices, testServices } from './helpers/services.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const page = (title: string) => articleHtml({ title, paragraphs: storyParagraphs(title), published: '2026-03-01T08:00:00Z' });

async function servicesFor(fetch: Record<string, unknown>, scheduler: Record<string, unknown>): Promise<Services> {
  const svc = await testServices({ fetch: { allowPrivate: ['127.0.0.1', '127.0.0.2'], respectRobots: false, ...fetch }, scheduler });
  cleanups.push(() => closeServices(svc));
  return svc;
}

async function server(host: string): Promise<FixtureServer> {
  const s = await FixtureServer.start({ host });
  cleanups.push(() => s.close());
  return s;
}

describe('job scheduling across hosts', () => {
  it('runs a fast host’s items while a slow host’s first item is still being served', async () => {
    const slow = await server('127.0.0.1');
    const fast = await server('127.0.0.2');
    const FAST = 5;
    // The slow host answers only once the fast host has served all its items (or after 15 s,
    // which fails the test): a worker waiting on the slow host's slot would stall everything.
    let fastReleased = false;
    const slowAnswers: boolean[] = [];
    for (let i = 0; i < 3; i++) {
      slow.route(`/s${i}.html`, {
        handler: (_req, res) => {
          const started = Date.now();
          const tick = setInterval(() => {
            const ready = fast.requests.length >= FAST;
            if (!ready && Date.now() - started < 15_000) return;
            clearInterval(tick);
            fastReleased ||= ready;
            slowAnswers.push(ready);
            res.writeHead(200, { 'content-type': 'text/html' }).end(page(`Slow statement ${i} on the talks`));
          }, 20);
        },
      });
    }
    for (let i = 0; i < FAST; i++) fast.route(`/f${i}.html`, { headers: { 'content-type': 'text/html' }, body: page(`Fast statement ${i} on the summit`) });
    const svc = await servicesFor({ minDelay: '0s', readTimeout: '20s', totalTimeout: '30s' }, { workers: 2, leaseTime: '1m' });
    // The slow host's items are oldest, so a host-blind queue hands them out first.
    const urls = [...[0, 1, 2].map((i) => `${slow.baseUrl}/s${i}.html`), ...Array.from({ length: FAST }, (_, i) => `${fast.baseUrl}/f${i}.html`)];
    for (const [i, url] of urls.entries()) {
      await svc.store.enqueue({ kind: 'article', payload: { url, sourceId: null }, runAfter: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), host: hostKey(url) });
    }
    await new WorkerPool(svc, { concurrency: 2, kinds: ['article'] }).drain();

    expect(fast.requests).toHaveLength(FAST);
    // Every slow answer came after the fast host was done (none was forced by the 15 s guard).
    expect(slowAnswers).toEqual([true, true, true]);
    expect(fastReleased).toBe(true);
    expect(slow.requests.map((r) => r.path).sort()).toEqual(['/s0.html', '/s1.html', '/s2.html']);
    const jobs = await svc.store.listJobs({ kind: 'article' });
    expect(jobs.map((j) => [j.status, j.attempts])).toEqual(urls.map(() => ['done', 1]));
    expect((await svc.store.stats()).articles).toBe(urls.length);
  }, 60_000);

  it('renews the lease of a job running longer than its lease, so no other worker runs it again', async () => {
    const srv = await server('127.0.0.1');
    const slowly = (body: string, type: string) => ({
      handler: (_req: unknown, res: import('node:http').ServerResponse) => void setTimeout(() => res.writeHead(200, { 'content-type': type }).end(body), 3000),
    });
    const article = `${srv.baseUrl}/a.html`;
    srv.route('/a.html', slowly(page('A statement on the talks'), 'text/html'));
    srv.route('/c.xml', slowly(`<rss version="2.0"><channel><title>c</title><item><title>Re</title><link>${article}</link><description>I agree.</description></item></channel></rss>`, 'application/rss+xml'));
    srv.route('/warm', { body: 'ok' });
    // Two fetches of 3 s each: the job takes longer than its 5.5 s lease, each fetch less.
    const svc = await servicesFor({ minDelay: '0s', readTimeout: '5s', totalTimeout: '5s' }, { leaseTime: '5500ms' });
    await svc.fetcher.fetch({ url: `${srv.baseUrl}/warm` });
    await svc.store.enqueue({ kind: 'comments', payload: { url: `${srv.baseUrl}/c.xml`, articleUrl: article, sourceId: null }, host: '127.0.0.1' });
    // Another process (its own fetcher, an owner on another machine) leasing all the while.
    const fetcher = createFetcher(svc.config.fetch, silentLogger());
    const other = new WorkerPool({ ...svc, fetcher }, { concurrency: 1, idleMs: 50, kinds: ['comments'], owner: ownerId('elsewhere', 1) });
    cleanups.push(() => fetcher.close());
    await fetcher.fetch({ url: `${srv.baseUrl}/warm` });
    other.start();
    const main = new WorkerPool(svc, { concurrency: 1, kinds: ['comments'] });
    try {
      // (drain returns while the other pool holds the job; sleeping lets its I/O run)
      do {
        await main.drain();
        await new Promise((r) => setTimeout(r, 100));
      } while ((await svc.store.pendingJobs(['comments'])) > 0);
    } finally {
      await other.stop();
    }
    expect(srv.requests.map((r) => r.path)).toEqual(['/warm', '/warm', '/a.html', '/c.xml']);
    const [job] = await svc.store.listJobs({ kind: 'comments' });
    expect(job).toMatchObject({ status: 'done', attempts: 1, reclaims: 0 });
    // Whichever took it ran it alone, once.
    expect(main.processed + other.processed).toBe(1);
  }, 30_000);
});
