// Watch rules end to end, as `readout serve` runs them in one process: a fixture server
// publishes a fictional outlet's feed item with a threat statement; the scheduler, workers and
// API run on a fresh SQLite store with a rule (THREATEN + actor PRK, webhook to a local
// receiver). The receiver must get exactly one signed alert within 10 s, the rule's Atom feed
// must show it, and a second outlet's report of the same statement must add a report to the
// event and no second webhook call.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../src/alerts/deliver.js';
import { createApp } from '../src/api/app.js';
import { generateToken } from '../src/api/auth.js';
import { loadConfig } from '../src/config/config.js';
import { silentLogger } from '../src/core/logger.js';
import { FixtureServer } from '../src/demo/fixture-server.js';
import { createFetcher } from '../src/fetch/http.js';
import { watch } from '../src/pipeline/scheduler.js';
import type { Services } from '../src/pipeline/services.js';
import { openStore } from '../src/store/open.js';
import { articleHtml, conditionalRoute, rssFeed } from './helpers/pages.js';
import { tempDir } from './helpers/services.js';

const RSS = 'application/rss+xml; charset=utf-8';
const HTML = 'text/html; charset=utf-8';
const SECRET = 'e2e-webhook-secret-0123456789';

const THREAT_A = [
  'North Korea\'s foreign ministry on Tuesday warned it would take "decisive countermeasures" against the United States over the joint military drills, state media reported.',
  'The statement did not say what the measures would be. It was carried in full by the official news agency.',
  'The drills are due to run for eleven days and involve several thousand troops, according to the organisers.',
];
const THREAT_B = [
  'North Korea\'s foreign ministry warned on Tuesday that it would take "decisive countermeasures" against the United States, in a statement carried by state media.',
  'The ministry gave no details of the measures it had in mind. The statement was read on state television in the evening.',
  'The military exercises began on Monday and are expected to last until the end of next week.',
];

interface Call { body: string; headers: IncomingHttpHeaders; at: number }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe('watch rules end to end (serve: scheduler + workers + API)', () => {
  let fixture: FixtureServer;
  let receiver: Server;
  let api: ServerType;
  let apiUrl: string;
  let svc: Services;
  const calls: Call[] = [];
  const controller = new AbortController();
  let watching: Promise<void>;
  let token: string;
  let ruleId: number;
  let feedToken: string;

  beforeAll(async () => {
    fixture = await FixtureServer.start();
    const base = fixture.baseUrl;
    fixture.route('/robots.txt', { body: 'User-agent: *\nAllow: /\n', headers: { 'content-type': 'text/plain' } });
    fixture.route('/harbor/feed.xml', conditionalRoute(rssFeed(base, []), RSS));
    fixture.route('/tidewater/feed.xml', conditionalRoute(rssFeed(base, []).replace(/\/news\//g, '/tw/'), RSS));

    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString('utf8')));
      req.on('end', () => {
        calls.push({ body, headers: req.headers, at: Date.now() });
        res.writeHead(204);
        res.end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

    const dir = tempDir('alerts-e2e');
    const config = loadConfig({
      env: {},
      overrides: { dataDir: dir, fetch: { allowPrivate: ['127.0.0.1'], minDelay: '0s', connectTimeout: '2s', readTimeout: '2s' }, scheduler: { workers: 2 }, analyze: { workers: 1 } },
    });
    const logger = silentLogger();
    const store = await openStore(join(dir, 'readout.db'), logger);
    svc = { store, fetcher: createFetcher(config.fetch, logger), logger, config, now: () => new Date() };

    // The API as serve starts it, on a free port.
    const app = createApp({ store, config, logger });
    api = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
        apiUrl = `http://127.0.0.1:${info.port}`;
        resolve(s);
      });
    });
    const t = generateToken();
    await store.createApiToken({ name: 'e2e', role: 'analyst', hash: t.hash });
    token = t.token;
    const res = await fetch(`${apiUrl}/rules`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'dprk threats', match: { types: ['THREATEN'], actors: ['PRK'] }, deliver: [{ kind: 'webhook', url: hookUrl, secret: SECRET }] }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const rule = (await res.json()) as { id: number; feedToken: string; spec: { deliver: { secret: string }[] } };
    expect(rule.spec.deliver[0]!.secret).toBe('***');
    ruleId = rule.id;
    feedToken = rule.feedToken;

    await store.addSource({ url: `${base}/harbor/feed.xml`, kind: 'feed', title: 'Harbor Ledger', intervalSeconds: 1 });
    await store.addSource({ url: `${base}/tidewater/feed.xml`, kind: 'feed', title: 'Tidewater Post', intervalSeconds: 1 });
    watching = watch(svc, { tickMs: 200, signal: controller.signal });
  }, 60_000);

  afterAll(async () => {
    controller.abort();
    await watching;
    await new Promise<void>((r) => {
      api.close(() => r());
      (api as { closeAllConnections?: () => void }).closeAllConnections?.();
    });
    receiver.closeAllConnections();
    await new Promise<void>((r) => receiver.close(() => r()));
    await svc.fetcher.close();
    await svc.store.close();
    await fixture.close();
  });

  it('delivers one signed alert within 10 s, shows it in the Atom feed, and does not alert again for a second report', async () => {
    const base = fixture.baseUrl;
    const published = '2026-03-03T10:00:00Z';
    fixture.route('/news/threat.html', { body: articleHtml({ title: 'North Korea warns of decisive countermeasures', paragraphs: THREAT_A, published }), headers: { 'content-type': HTML } });
    const start = Date.now();
    fixture.route('/harbor/feed.xml', conditionalRoute(rssFeed(base, [{ slug: 'threat', title: 'North Korea warns of decisive countermeasures', published }]), RSS));

    const first = await until('the webhook call', async () => calls[0], 10_000);
    const latencyMs = first.at - start;
    expect(latencyMs).toBeLessThan(10_000);
    process.stdout.write(`alerts e2e: feed item published → signed webhook received in ${latencyMs} ms\n`);

    // Signed with the rule's secret; timestamp header and body agree.
    expect(verifySignature(first.body, SECRET, first.headers['x-readout-signature'] as string)).toBe(true);
    expect(verifySignature(first.body, 'another-secret-0123456789', first.headers['x-readout-signature'] as string)).toBe(false);
    const ts = Number(first.headers['x-readout-timestamp']);
    const alert = JSON.parse(first.body) as { type: string; alertId: number; sentAt: string; rule: { id: number }; reasons: string[]; event: { type: string; source: { country: string }; reports: unknown[] } };
    expect(Math.floor(Date.parse(alert.sentAt) / 1000)).toBe(ts);
    expect(alert).toMatchObject({ type: 'readout.alert', rule: { id: ruleId }, event: { type: 'THREATEN', source: { country: 'PRK' } } });
    expect(alert.reasons).toEqual(expect.arrayContaining(['type THREATEN']));

    // The Atom feed, with the feed token instead of a bearer token; nothing without either.
    const feed = await fetch(`${apiUrl}/rules/${ruleId}/atom?token=${encodeURIComponent(feedToken)}`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/atom\+xml/);
    const xml = await feed.text();
    expect(xml).toContain(`<id>urn:readout:alert:${alert.alertId}</id>`);
    expect(xml).toMatch(/<title>THREATEN: /);
    expect((await fetch(`${apiUrl}/rules/${ruleId}/atom`)).status).toBe(401);
    expect((await fetch(`${apiUrl}/rules/${ruleId}/atom?token=wrong`)).status).toBe(401);

    // The delivery is recorded as delivered.
    const deliveries = await until('the delivered status', async () => {
      const r = (await (await fetch(`${apiUrl}/deliveries?rule=${ruleId}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: { status: string; attempts: number; responseStatus: number }[] };
      return r.items[0]?.status === 'delivered' ? r.items : null;
    }, 5000);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ attempts: 1, responseStatus: 204 });

    // A second outlet reports the same statement: one more report, no second alert.
    const published2 = '2026-03-03T18:00:00Z';
    fixture.route('/tw/threat.html', { body: articleHtml({ title: 'Pyongyang threatens countermeasures', paragraphs: THREAT_B, published: published2 }), headers: { 'content-type': HTML } });
    fixture.route('/tidewater/feed.xml', conditionalRoute(rssFeed(base, [{ slug: 'threat', title: 'Pyongyang threatens countermeasures', published: published2 }]).replace(/\/news\//g, '/tw/'), RSS));
    const event = await until('the second report', async () => {
      const r = (await (await fetch(`${apiUrl}/timeline?actor=PRK`, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: { id: string; type: string; reportCount: number; reports: { source: string }[] }[] };
      return r.items.find((e) => e.type === 'THREATEN' && e.reports.length === 2);
    }, 15_000);
    expect(event.reports.map((r) => r.source).sort()).toEqual(['Harbor Ledger', 'Tidewater Post']);
    await sleep(2000); // time enough for a wrong second delivery to arrive
    expect(calls).toHaveLength(1);
    const alerts = (await (await fetch(`${apiUrl}/alerts?rule=${ruleId}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: unknown[] };
    expect(alerts.items).toHaveLength(1);
  }, 60_000);
});
