// Request bounds in the app (api.limits): body size checked before the token (Content-Length)
// and while reading (chunked), per-route overrides, URL length, the rate limit per token and per
// address, /health from memory, and the headers every API answer carries (no CORS).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ApiApp } from '../../src/api/app.js';
import { generateToken } from '../../src/api/auth.js';
import { TokenBuckets } from '../../src/api/rate-limit.js';
import { loadConfig, type ApiLimits } from '../../src/config/config.js';
import { silentLogger } from '../../src/core/logger.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/types.js';
import { tempDir } from '../helpers/services.js';
import { json, type ErrorJson } from './fixtures.js';

let store: Store;
let dir: string;
const tokens: Record<'viewer' | 'other', string> = { viewer: '', other: '' };

beforeAll(async () => {
  dir = tempDir('limits');
  store = await openStore(join(dir, 'readout.db'), silentLogger());
  for (const name of ['viewer', 'other'] as const) {
    const { token, hash } = generateToken();
    await store.createApiToken({ name, role: 'viewer', hash });
    tokens[name] = token;
  }
});
afterAll(async () => {
  await store.close();
});

const app = (limits: Partial<ApiLimits> = {}, s: Store = store): ApiApp =>
  createApp({ store: s, config: loadConfig({ env: {}, overrides: { dataDir: dir, api: { limits } } }), logger: silentLogger() });
const auth = (who: keyof typeof tokens = 'viewer') => ({ authorization: `Bearer ${tokens[who]}` });
const rule = { name: 'r', match: { types: ['THREATEN'] }, deliver: [] };

/** A body sent in chunks without a Content-Length (the size is only known by reading it). */
function chunked(bytes: number, onPull?: () => void): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      onPull?.();
      if (sent >= bytes) return controller.close();
      const n = Math.min(16 * 1024, bytes - sent);
      sent += n;
      controller.enqueue(new Uint8Array(n).fill(0x20));
    },
  });
}

const post = (a: ApiApp, path: string, body: BodyInit, headers: Record<string, string>) =>
  a.request(path, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers }, duplex: 'half' } as RequestInit);

describe('body limit', () => {
  it('answers a declared body over the limit 413 before the token is checked', async () => {
    const a = app({ bodyBytes: 1024 });
    const big = ' '.repeat(2048);
    for (const headers of [{}, { authorization: 'Bearer nope' }, auth()]) {
      const r = await post(a, '/rules/test', big, { ...headers, 'content-length': String(big.length) });
      expect(r.status).toBe(413);
      expect((await json<ErrorJson>(r)).error).toMatchObject({ code: 'payload_too_large', message: expect.stringMatching(/1024 bytes.*api\.limits\.bodyBytes/) });
    }
    // Under the limit the body reaches the route (and its validation).
    expect((await post(a, '/rules/test', JSON.stringify(rule), auth())).status).toBe(200);
  });

  it('counts a chunked body while reading it and stops at the limit', async () => {
    const a = app({ bodyBytes: 64 * 1024 });
    let pulls = 0;
    const r = await post(a, '/rules/test', chunked(10 * 1024 * 1024, () => pulls++), auth());
    expect(r.status).toBe(413);
    // 16 KiB a pull: the reader stopped just past 64 KiB, not at 10 MiB.
    expect(pulls).toBeLessThan(10);
  });

  it('leaves a chunked body unread when the token is missing or wrong (401)', async () => {
    const a = app();
    for (const headers of [{}, { authorization: 'Bearer nope' }] as Record<string, string>[]) {
      let pulls = 0;
      const r = await post(a, '/rules/test', chunked(10 * 1024 * 1024, () => pulls++), headers);
      expect(r.status).toBe(401);
      // A ReadableStream pulls once to fill its queue when created; nothing reads it after that.
      expect(pulls).toBeLessThanOrEqual(1);
    }
  });

  it('takes per-route overrides ("METHOD /path", {id} one segment)', async () => {
    const a = app({ bodyBytes: 1024, routeBodyBytes: { 'POST /rules/test': 4096, 'PUT /rules/{id}': 2048 } });
    const body = JSON.stringify({ ...rule, description: 'x'.repeat(3000) });
    // Within its override the body reaches the route, whose validation has its own say.
    const ok = await post(a, '/rules/test', body, auth());
    expect((await json<ErrorJson>(ok)).error).toMatchObject({ code: 'validation', field: 'description' });
    expect((await post(a, '/rules', body, { ...auth(), 'content-length': String(body.length) })).status).toBe(413);
    const put = await a.request('/rules/7', { method: 'PUT', body: 'x'.repeat(3000), headers: { ...auth(), 'content-type': 'application/json', 'content-length': '3000' } });
    expect((await json<ErrorJson>(put)).error.message).toMatch(/2048 bytes/);
  });

  it('refuses a malformed override key with a config error naming it', () => {
    expect(() => loadConfig({ env: {}, overrides: { api: { limits: { routeBodyBytes: { '/rules': 10 } } } } })).toThrow(/api\.limits\.routeBodyBytes.*"\/rules" is not "METHOD \/path"/);
  });
});

describe('URL limit', () => {
  it('answers a URL over api.limits.urlBytes 414 before the token is checked', async () => {
    const a = app({ urlBytes: 1024 });
    const r = await a.request(`/search?q=${'a'.repeat(1100)}`);
    expect(r.status).toBe(414);
    expect((await json<ErrorJson>(r)).error.code).toBe('uri_too_long');
    const ok = await a.request(`/search?q=war&cursor=${'a'.repeat(900)}`, { headers: auth() });
    expect((await json<ErrorJson>(ok)).error).toMatchObject({ code: 'validation', field: 'cursor' });
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After once a token has used its burst, per token', async () => {
    const a = app({ ratePerMinute: 60, rateBurst: 3 });
    for (let i = 0; i < 3; i++) expect((await a.request('/me', { headers: auth() })).status).toBe(200);
    const r = await a.request('/me', { headers: auth() });
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('1');
    expect((await json<ErrorJson>(r)).error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/api\.limits\.ratePerMinute/) });
    // Another token has its own bucket; /health is never limited.
    expect((await a.request('/me', { headers: auth('other') })).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await a.request('/health')).status).toBe(200);
  });

  it('limits requests without a valid token by client address, wrong tokens included', async () => {
    const a = app({ ratePerMinute: 60, rateBurst: 3 });
    expect((await a.request('/articles')).status).toBe(401);
    expect((await a.request('/openapi.json')).status).toBe(200);
    expect((await a.request('/articles', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await a.request('/articles', { headers: { authorization: 'Bearer wrong' } })).status).toBe(429);
    expect((await a.request('/openapi.json')).status).toBe(429);
    // A valid token is limited by its own bucket, not the address's.
    expect((await a.request('/me', { headers: auth() })).status).toBe(200);
  });

  it('is off with ratePerMinute 0', async () => {
    const a = app({ ratePerMinute: 0, rateBurst: 1 });
    for (let i = 0; i < 5; i++) expect((await a.request('/me', { headers: auth() })).status).toBe(200);
  });

  it('refills at the configured rate and keeps at most maxKeys buckets', () => {
    let t = 0;
    const b = new TokenBuckets(60, 2, () => t, 3);
    expect([b.take('a'), b.take('a'), b.take('a')]).toEqual([0, 0, 1]);
    t += 1000;
    expect([b.take('a'), b.take('a')]).toEqual([0, 1]);
    for (const k of ['b', 'c', 'd', 'e']) b.take(k);
    expect(b.size).toBe(3);
    // 'a' was the least recently used: dropped, it comes back with a full bucket.
    expect(b.take('a')).toBe(0);
  });
});

describe('/health', () => {
  it('answers from memory and does not wait for a slow store', async () => {
    let calls = 0;
    let slow = false;
    const stuck = new Proxy(store, {
      get: (target, key) => (key === 'countArticles' ? () => (calls++, slow ? new Promise(() => {}) : target.countArticles()) : Reflect.get(target, key)),
    }) as Store;
    const a = app({}, stuck);
    expect(await json(await a.request('/health'))).toEqual({ status: 'ok', articles: 0 });
    slow = true;
    // The store no longer answers: /health still does, from the last check.
    for (let i = 0; i < 20; i++) expect((await a.request('/health')).status).toBe(200);
    expect(calls).toBe(1);
  });

  it('answers 503 when the last store check failed', async () => {
    const broken = new Proxy(store, { get: (target, key) => (key === 'countArticles' ? () => Promise.reject(new Error('down')) : Reflect.get(target, key)) }) as Store;
    const r = await app({}, broken).request('/health');
    expect(r.status).toBe(503);
    expect((await json<ErrorJson>(r)).error.code).toBe('unavailable');
  });
});

describe('response headers', () => {
  it('every API answer says nosniff and no-store, and no answer carries CORS headers', async () => {
    const a = app();
    const origin = { origin: 'https://elsewhere.example' };
    for (const [path, headers, status] of [
      ['/me', { ...auth(), ...origin }, 200],
      ['/articles', origin, 401],
      ['/nope', auth(), 404],
      ['/health', {}, 200],
      ['/stream?after=x', auth(), 400],
    ] as const) {
      const r = await a.request(path, { headers });
      expect(r.status, path).toBe(status);
      expect(r.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(r.headers.get('cache-control'), path).toBe('no-store');
      expect(r.headers.get('x-frame-options'), path).toBe('DENY');
      expect(r.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(r.headers.get('strict-transport-security'), path).toBeNull();
      expect([...r.headers.keys()].filter((k) => k.startsWith('access-control-')), path).toEqual([]);
    }
    const preflight = await a.request('/articles', { method: 'OPTIONS', headers: { ...origin, 'access-control-request-method': 'GET' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect((await a.request('/openapi.json')).headers.get('cache-control')).toBe('no-cache');
  });

  it('streams and exports are not stored either', async () => {
    const a = app();
    const exp = await a.request('/export/actors?format=jsonl', { headers: auth() });
    expect(exp.headers.get('cache-control')).toBe('no-store');
    await exp.body?.cancel();
    const stream = await a.request('/stream', { headers: auth() });
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    expect(stream.headers.get('cache-control')).toBe('no-store');
    await stream.body?.cancel();
  });
});
