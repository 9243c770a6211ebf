// GET /stream's `alert` messages end to end: a rule created over the API (POST /rules), an
// article ingested through the real pipeline (extract → analyze → merge → rules) that fires it,
// and the alert read off the event stream over real HTTP (fetch + a reader, aborted after the
// message). Then the positions: three-part ids replay alerts, old two-part ids start alerts at
// the newest, and `types` takes any comma list of articles, events, alerts.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestRecords } from '../helpers/ingested-store.js';
import { seedFixture, type Fixture } from './fixtures.js';

interface Message { event: string; id: string; data: Record<string, unknown> }

let f: Fixture;
let server: ServerType;
let base: string;
beforeAll(async () => {
  f = await seedFixture();
  server = serve({ fetch: f.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await f.store.close();
});

/** Reads event-stream messages off a response until `done` says so (or the time is up); cancels the body. */
async function readUntil(r: Response, done: (seen: Message[]) => boolean, timeoutMs = 20_000): Promise<Message[]> {
  const reader = r.body!.pipeThrough(new TextDecoderStream()).getReader();
  const seen: Message[] = [];
  let buffer = '';
  const timer = setTimeout(() => void reader.cancel(), timeoutMs);
  try {
    while (!done(seen)) {
      const { value, done: ended } = await reader.read();
      if (ended) throw new Error(`the stream ended after ${seen.length} messages`);
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const field = (name: string) => new RegExp(`^${name}: ?(.*)$`, 'm').exec(block)?.[1];
        const data = field('data');
        if (data !== undefined) seen.push({ event: field('event') ?? 'message', id: field('id') ?? '', data: JSON.parse(data) as Record<string, unknown> });
      }
    }
    return seen;
  } finally {
    clearTimeout(timer);
    await reader.cancel().catch(() => undefined);
  }
}

const auth = (role: 'viewer' | 'analyst' = 'viewer') => ({ authorization: `Bearer ${f.tokens[role]}` });

describe('alerts on the event stream', () => {
  let alertId = 0;

  it('sends an `alert` message when an ingested article fires a rule', async () => {
    const created = await fetch(`${base}/rules`, {
      method: 'POST', headers: { ...auth('analyst'), 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'dprk threats', match: { types: ['THREATEN'], actors: ['PRK'] } }),
    });
    expect(created.status).toBe(201);
    const rule = (await created.json()) as { id: number };

    const controller = new AbortController();
    try {
      // No position: the stream starts at the newest rows, so only what the ingest adds arrives.
      const r = await fetch(`${base}/stream`, { headers: { ...auth(), accept: 'text/event-stream' }, signal: controller.signal });
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toMatch(/text\/event-stream/);
      await ingestRecords(f, [{
        url: 'https://daily-meridian.example/2026/2026-03-10/threat', source: 'Daily Meridian', published: '2026-03-10T15:00:00Z',
        title: 'North Korea threatens Japan', text: 'North Korea on Tuesday threatened Japan with retaliation over the drills.',
      }], 'threat.jsonl');
      const seen = await readUntil(r, (s) => s.some((m) => m.event === 'alert'));
      const article = seen.find((m) => m.event === 'article');
      expect(article?.data).toMatchObject({ title: 'North Korea threatens Japan', sourceName: 'Daily Meridian', sourceId: null, kind: expect.any(String), published: '2026-03-10T15:00:00Z', url: expect.stringContaining('/threat') });
      const event = seen.find((m) => m.event === 'event' && m.data.type === 'THREATEN');
      expect(event?.data).toMatchObject({ source: { country: 'PRK', entityId: expect.any(String) }, target: { country: 'JPN' }, intensity: expect.any(Number), outlets: ['Daily Meridian'] });
      const alert = seen.find((m) => m.event === 'alert')!;
      expect(alert.data).toMatchObject({
        ruleId: rule.id, ruleName: 'dprk threats', kind: 'event', mergedEventId: event!.data.id, eventRef: `ev${String(event!.data.id)}`,
        title: expect.stringMatching(/^THREATEN: North Korea/), reasons: ['actor PRK', 'type THREATEN'], eventType: 'THREATEN', intensity: event!.data.intensity,
        createdAt: expect.any(String),
      });
      alertId = alert.data.id as number;
      expect(alert.id).toMatch(new RegExp(`^\\d+:${String(event!.data.id)}:${alertId}$`));
      expect((await f.store.listAlerts()).map((a) => a.id)).toEqual([alertId]);
    } finally {
      controller.abort();
    }
  }, 60_000);

  it('replays alerts after a three-part position; a two-part one starts alerts at the newest', async () => {
    expect(alertId).toBeGreaterThan(0);
    const replay = await readUntil(await fetch(`${base}/stream?after=0:0:0&types=alerts`, { headers: auth() }), (s) => s.length > 0);
    expect(replay[0]).toMatchObject({ event: 'alert', data: { id: alertId } });
    expect(replay[0]!.id).toMatch(new RegExp(`^0:0:${alertId}$`));

    // An old client's Last-Event-ID: articles and events resume, alerts only from now on.
    const old = await readUntil(await fetch(`${base}/stream?types=alerts,articles`, { headers: { ...auth(), 'last-event-id': '0:0' } }), (s) => s.length > 0);
    expect(old[0]).toMatchObject({ event: 'article', id: `1:0:${alertId}`, data: { id: 1 } });
  }, 30_000);

  it('takes any comma list of articles, events and alerts, and rejects anything else', async () => {
    const events = await readUntil(await fetch(`${base}/stream?after=0:0:0&types=events`, { headers: auth() }), (s) => s.length > 0);
    expect(events[0]).toMatchObject({ event: 'event', id: '0:1:0', data: { id: 1, ref: 'ev1' } });
    for (const bad of ['types=alerts,bogus', 'types=', 'after=1:2:3:4', 'after=1']) {
      const r = await fetch(`${base}/stream?${bad}`, { headers: auth() });
      expect(r.status, bad).toBe(400);
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe('validation');
    }
    const header = await fetch(`${base}/stream`, { headers: { ...auth(), 'last-event-id': 'abc' } });
    expect(header.status).toBe(400);
  });
});
