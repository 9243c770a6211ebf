// The retry path of a webhook delivery, through the real worker pool and jobs table: the
// receiver answers 500, then 204. The first attempt records the failure on the delivery row
// (pending, HTTP 500, next attempt 5 s later) and the job waits in the queue; once the (fake)
// clock passes the retry time the pool leases it again and the delivery ends delivered after
// two attempts, with the first attempt's error kept. A 4xx answer is not retried.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifySignature } from '../src/alerts/deliver.js';
import { evaluateArticle } from '../src/alerts/evaluate.js';
import { parseRuleSpec, resolveRule } from '../src/alerts/rules.js';
import { WorkerPool } from '../src/pipeline/worker.js';
import type { Services } from '../src/pipeline/services.js';
import { closeServices, testServices } from './helpers/services.js';
import { fakeAnalysis } from './store.contract-analyses.js';
import { ev } from './store.contract-events.js';
import { sampleArticle } from './store.contract.js';

const SECRET = 'retry-webhook-secret-0123456789';

describe('alert delivery retries (worker pool + jobs table)', () => {
  let receiver: Server;
  let hookUrl: string;
  let answers: number[];
  const calls: { body: string; signature: string }[] = [];
  let clock: number;
  let svc: Services;

  beforeEach(async () => {
    calls.length = 0;
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString('utf8')));
      req.on('end', () => {
        calls.push({ body, signature: String(req.headers['x-readout-signature']) });
        res.writeHead(answers.shift() ?? 204);
        res.end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    // Jobs are enqueued at the real time; the fake clock starts a minute later and moves by hand.
    clock = Date.now() + 60_000;
    svc = await testServices({ now: () => new Date(clock) });
  });

  afterEach(async () => {
    receiver.closeAllConnections();
    await new Promise<void>((r) => receiver.close(() => r()));
    await closeServices(svc);
  });

  async function alertWithWebhook(): Promise<number> {
    const spec = parseRuleSpec({ name: 'rejections', match: { types: ['REJECT'], actors: ['PRK'] }, deliver: [{ kind: 'webhook', url: hookUrl, secret: SECRET }] });
    await svc.store.createRule({ spec, resolved: resolveRule(spec, null), origin: 'api' });
    const { id } = await svc.store.insertArticle(sampleArticle({ sourceName: 'Harbor Ledger', published: '2026-03-02T09:00:00Z' }));
    await svc.store.saveAnalysis(id, fakeAnalysis('x', [], { events: [ev()] }));
    await svc.store.mergeEvents();
    expect(await evaluateArticle(svc, id)).toBe(1);
    const [delivery] = await svc.store.listDeliveries();
    expect(delivery).toMatchObject({ status: 'pending', attempts: 0, kind: 'webhook', target: hookUrl });
    return delivery!.id;
  }

  it('500 then 204: pending with the error and a retry time, retried from the jobs table, delivered on attempt 2', async () => {
    answers = [500, 204];
    const deliveryId = await alertWithWebhook();
    const pool = new WorkerPool(svc, { concurrency: 1, kinds: ['deliver'] });
    const start = clock;
    const at = (ms: number) => new Date(start + ms).toISOString();

    await pool.drain();
    expect(calls).toHaveLength(1);
    let d = (await svc.store.getDelivery(deliveryId))!.delivery;
    expect(d).toMatchObject({ status: 'pending', attempts: 1, responseStatus: 500, deliveredAt: null, nextAttemptAt: at(5000) });
    expect(d.lastError).toMatch(/HTTP 500/);
    expect((await svc.store.stats()).jobs).toMatchObject({ queued: 1, running: 0, failed: 0 });

    // Not due yet: nothing is sent.
    clock += 4000;
    await pool.drain();
    expect(calls).toHaveLength(1);

    clock += 2000;
    await pool.drain();
    expect(calls).toHaveLength(2);
    d = (await svc.store.getDelivery(deliveryId))!.delivery;
    expect(d).toMatchObject({ status: 'delivered', attempts: 2, responseStatus: 204, nextAttemptAt: null, deliveredAt: at(6000) });
    expect(d.lastError).toMatch(/HTTP 500/);
    expect((await svc.store.stats()).jobs).toMatchObject({ queued: 0, running: 0, done: 1, failed: 0 });

    // Each attempt is signed and says which attempt it is.
    const bodies = calls.map((c) => JSON.parse(c.body) as { attempt: number; deliveryId: number; type: string });
    expect(bodies.map((b) => [b.type, b.deliveryId, b.attempt])).toEqual([['readout.alert', deliveryId, 1], ['readout.alert', deliveryId, 2]]);
    expect(calls.every((c) => verifySignature(c.body, SECRET, c.signature))).toBe(true);
    expect(pool.failed).toBe(0);
  });

  it('a 4xx answer fails the delivery for good, without a retry', async () => {
    answers = [410];
    const deliveryId = await alertWithWebhook();
    const pool = new WorkerPool(svc, { concurrency: 1, kinds: ['deliver'] });
    await pool.drain();
    clock += 3_600_000;
    await pool.drain();
    expect(calls).toHaveLength(1);
    const d = (await svc.store.getDelivery(deliveryId))!.delivery;
    expect(d).toMatchObject({ status: 'failed', attempts: 1, responseStatus: 410, nextAttemptAt: null, deliveredAt: null });
    expect(d.lastError).toMatch(/HTTP 410/);
    expect((await svc.store.stats()).jobs).toMatchObject({ queued: 0, failed: 1 });
  });
});
