// The HTTP API in-process (app.request, no network) over a store seeded through the real
// pipeline (test/api/fixtures.ts): every endpoint, each role, the error paths, pagination,
// exports and the event stream.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { loadConfig } from '../../src/config/config.js';
import { silentLogger } from '../../src/core/logger.js';
import type { Store } from '../../src/store/types.js';
import { ARTICLES, seedFixture, type Fixture, json, type ErrorJson } from './fixtures.js';

interface Page<T = Record<string, unknown>> { items: T[]; nextCursor: string | null }

let f: Fixture;
beforeAll(async () => {
  f = await seedFixture();
}, 120_000);
afterAll(async () => {
  await f.store.close();
});

/** Follows nextCursor until the end; returns every item. */
async function walk(path: string, key = 'id'): Promise<unknown[]> {
  const seen: unknown[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 50; i++) {
    const r = await f.get(`${path}${path.includes('?') ? '&' : '?'}limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(r.status).toBe(200);
    const page = await json<Page>(r);
    expect(page.items.length).toBeLessThanOrEqual(3);
    seen.push(...page.items.map((x) => x[key]));
    cursor = page.nextCursor;
    if (!cursor) return seen;
  }
  throw new Error('no end');
}

describe('auth', () => {
  it('serves /health and /openapi.json without a token', async () => {
    expect(await json(await f.get('/health', null))).toEqual({ status: 'ok', articles: ARTICLES.length });
    expect((await f.get('/openapi.json', null)).status).toBe(200);
  });

  it('refuses a missing, malformed, unknown or revoked token with 401', async () => {
    for (const headers of [{} as Record<string, string>, { authorization: 'Token abc' }, { authorization: 'Bearer rdt_nope' }, { authorization: `Bearer ${f.tokens.revoked}` }]) {
      const r = await f.app.request('/articles', { headers });
      expect(r.status).toBe(401);
      expect((await json<ErrorJson>(r)).error.code).toBe('unauthorized');
    }
  });

  it('lets viewers read but not confirm candidates, manage sources or tokens (403)', async () => {
    for (const [method, path] of [['POST', '/candidates/name%3Amirela%20castellan/confirm'], ['POST', '/sources'], ['DELETE', '/sources/1'], ['GET', '/tokens'], ['POST', '/tokens']] as const) {
      const r = await f.get(path, 'viewer', { method, body: method === 'POST' ? '{}' : undefined, headers: { 'content-type': 'application/json' } });
      expect(r.status, `${method} ${path}`).toBe(403);
      expect((await json<ErrorJson>(r)).error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/role/) });
    }
    expect((await f.get('/sources', 'analyst', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).status).toBe(403);
  });
});

describe('articles and search', () => {
  it('lists articles newest first and pages through all of them with cursors, none twice', async () => {
    const ids = await walk('/articles');
    expect(ids).toHaveLength(ARTICLES.length);
    expect(new Set(ids).size).toBe(ARTICLES.length);
    const first = await json<Page<{ published: string }>>(await f.get('/articles?limit=50'));
    const dates = first.items.map((a) => a.published);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('filters by source, dates and kind', async () => {
    const page = await json<Page<{ sourceName: string }>>(await f.get('/articles?source=Capital%20Courier'));
    expect(page.items.map((a) => a.sourceName)).toEqual(['Capital Courier', 'Capital Courier']);
    const days = await json<Page>(await f.get('/articles?since=2026-03-08&until=2026-03-08'));
    expect(days.items).toHaveLength(2);
    expect((await json<Page>(await f.get('/articles?kind=opinion'))).items).toHaveLength(0);
  });

  it('searches with highlighted snippets, in relevance or newest order, with pages', async () => {
    const r = await json<Page<{ snippet: string; title: string }>>(await f.get('/search?q=talks'));
    expect(r.items.length).toBeGreaterThanOrEqual(3);
    expect(r.items.every((h) => /«talks»/i.test(h.snippet + h.title) || /talks/i.test(h.title))).toBe(true);
    expect(new Set(await walk('/search?q=talks')).size).toBe(r.items.length);
    expect(new Set(await walk('/search?q=talks&order=newest')).size).toBe(r.items.length);
    expect((await json<Page>(await f.get('/search?q=%22food%20aid%22&source=Northern%20Wire'))).items).toHaveLength(1);
  });

  it('returns one article with its analysis, 404 for an unknown id, 400 for a bad one', async () => {
    const r = await json<{ article: { id: number; text: string }; analysis: { analysis: { events: unknown[] } } }>(await f.get('/articles/1'));
    expect(r.article.id).toBe(1);
    expect(r.analysis.analysis.events.length).toBeGreaterThan(0);
    expect((await f.get('/articles/9999')).status).toBe(404);
    const bad = await f.get('/articles/abc');
    expect(bad.status).toBe(400);
    expect((await json<ErrorJson>(bad)).error.field).toBe('id');
  });

  it('names the field of a validation error', async () => {
    const cases: [string, string][] = [['/articles?limit=9999', 'limit'], ['/articles?kind=poem', 'kind'], ['/articles?since=someday', 'since'], ['/articles?cursor=xyz', 'cursor'], ['/trends?by=month&actor=PRK', 'by'], ['/timeline?since=03/2026', 'since']];
    for (const [path, field] of cases) {
      const r = await f.get(path);
      expect(r.status, path).toBe(400);
      expect(await json<ErrorJson>(r), path).toMatchObject({ error: { code: 'validation', field } });
    }
    // A cursor of another list is refused too.
    const page = await json<Page>(await f.get('/timeline?limit=1'));
    expect((await json<ErrorJson>(await f.get(`/articles?cursor=${page.nextCursor}`))).error.field).toBe('cursor');
  });
});

describe('actors and candidates', () => {
  it('lists and shows registry actors', async () => {
    const page = await json<Page<{ id: string; country: string }>>(await f.get('/actors?type=country&q=korea'));
    expect(page.items.map((a) => a.id)).toEqual(expect.arrayContaining(['country:PRK', 'country:KOR']));
    const ids = await walk('/actors?country=PRK');
    expect(new Set(ids).size).toBe(ids.length);
    expect((await json<{ actor: { name: string } }>(await f.get('/actors/country%3APRK'))).actor.name).toBe('North Korea');
    expect((await f.get('/actors/nobody-at-all')).status).toBe(404);
  });

  it('lists candidates; analysts confirm and reject them', async () => {
    const page = await json<Page<{ key: string; status: string; actorId: string }>>(await f.get('/candidates?type=person'));
    expect(page.items.map((c) => c.key)).toEqual(expect.arrayContaining(['name:mirela castellan', 'name:teodor vask']));
    expect((await walk('/candidates', 'key')).length).toBeGreaterThanOrEqual(page.items.length);
    const confirm = await f.get('/candidates/name%3Amirela%20castellan/confirm', 'analyst', { method: 'POST' });
    expect(await json(confirm)).toEqual({ key: 'name:mirela castellan', status: 'confirmed', actorId: 'candidate:mirela-castellan' });
    expect((await f.get('/candidates/Teodor%20Vask/reject', 'admin', { method: 'POST' })).status).toBe(200);
    const confirmed = await json<Page<{ key: string }>>(await f.get('/candidates?status=confirmed'));
    expect(confirmed.items.map((c) => c.key)).toEqual(['name:mirela castellan']);
    expect((await f.get('/candidates/name%3Anobody/confirm', 'analyst', { method: 'POST' })).status).toBe(404);
  });
});

describe('events and insights', () => {
  it('returns the timeline in the `readout timeline --json` shape, filtered and paged', async () => {
    const all = await json<Page<{ id: string; sortDate: string; reports: unknown[]; source: { country: string } }>>(await f.get('/timeline?limit=500'));
    expect(all.items.length).toBeGreaterThanOrEqual(8);
    expect(all.items[0]).toMatchObject({ id: expect.stringMatching(/^ev\d+$/), reports: expect.any(Array), respondsTo: expect.any(Array) });
    expect(await walk('/timeline')).toEqual(all.items.map((e) => e.id));
    expect(await walk('/events')).toEqual(all.items.map((e) => e.id));
    const directed = await json<Page<{ source: { country: string } }>>(await f.get('/timeline?dyad=PRK-USA&directed=true'));
    expect(directed.items.length).toBeGreaterThan(0);
    expect(directed.items.every((e) => e.source.country === 'PRK')).toBe(true);
    const late = await json<Page<{ sortDate: string }>>(await f.get('/timeline?actor=North%20Korea&since=2026-03-07'));
    expect(late.items.every((e) => e.sortDate >= '2026-03-07')).toBe(true);
    expect((await f.get('/timeline?directed=true')).status).toBe(400);
  });

  it('computes trends for a dyad (with reciprocity), an actor, a type and a keyword', async () => {
    const t = await json<{ buckets: { bucket: string }[]; directions: unknown[]; reciprocity: { pairs: number } }>(await f.get('/trends?dyad=USA-PRK'));
    expect(t.buckets.map((b) => b.bucket).slice(0, 2)).toEqual(['2026-03-02', '2026-03-03']);
    expect(t.directions).toHaveLength(2);
    expect(t.reciprocity.pairs).toBeGreaterThan(0);
    const weekly = await json<{ by: string; buckets: { bucket: string }[] }>(await f.get('/trends?actor=PRK&by=week'));
    expect(weekly).toMatchObject({ by: 'week', buckets: [{ bucket: '2026-03-02' }, { bucket: '2026-03-09' }] });
    expect((await f.get('/trends?type=THREATEN')).status).toBe(200);
    expect((await f.get('/trends?keyword=fisheries')).status).toBe(200);
    expect((await json<ErrorJson>(await f.get('/trends?type=HUG'))).error.field).toBe('type');
    expect((await f.get('/trends?actor=PRK&dyad=USA-PRK')).status).toBe(400);
    expect((await f.get('/trends')).status).toBe(400);
  });

  it('lists post holders and personnel changes', async () => {
    const changes = await json<Page<{ person: string; change: string }>>(await f.get('/personnel/changes'));
    expect(changes.items).toEqual(expect.arrayContaining([expect.objectContaining({ person: 'Odile Marchetti', change: 'dismissed' }), expect.objectContaining({ person: 'Arvo Peltonen' })]));
    expect(new Set(await walk('/personnel/changes', 'person')).size).toBeGreaterThanOrEqual(3);
    const holders = await json<{ asOf: string; institutions: unknown[] }>(await f.get('/personnel?until=2026-03-31'));
    expect(holders.asOf).toBe('2026-03-31');
    expect(holders.institutions.length).toBeGreaterThan(0);
    expect((await f.get('/personnel?since=2026-04-01&until=2026-03-01')).status).toBe(400);
    // A country narrows both lists in the API (and so pages correctly); a bad code names the field.
    const prk = await json<{ institutions: { name: string }[] }>(await f.get('/personnel?until=2026-03-31&country=PRK'));
    expect(prk.institutions.length).toBeGreaterThan(0);
    expect(prk.institutions.length).toBeLessThan(holders.institutions.length);
    expect((await json<Page>(await f.get('/personnel/changes?country=ZZZ'))).items).toEqual([]);
    expect((await json<ErrorJson>(await f.get('/personnel?country=12'))).error.field).toBe('country');
  });
});

describe('sources and tokens (admin)', () => {
  it('adds, lists, shows and removes sources', async () => {
    const post = (body: unknown, role: 'admin' | 'viewer' = 'admin') => f.get('/sources', role, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    const r = await post({ url: 'https://harbor-ledger.example/feed.xml', kind: 'feed', title: 'Harbor Ledger', tags: ['fiction'], every: '30m' });
    expect(r.status).toBe(201);
    const source = await json<{ id: number; intervalSeconds: number; failureStreak: number }>(r);
    expect(source).toMatchObject({ intervalSeconds: 1800, failureStreak: 0 });
    expect((await post({ url: 'https://harbor-ledger.example/feed.xml', kind: 'feed' })).status).toBe(409);
    expect((await json<ErrorJson>(await post({ url: 'not a url', kind: 'feed' }))).error.field).toBe('url');
    expect((await json<ErrorJson>(await post({ url: 'https://x.example/', kind: 'podcast' }))).error.field).toBe('kind');
    expect((await json<ErrorJson>(await post({ url: 'https://x.example/', kind: 'page', every: '5s' }))).error.field).toBe('every');
    expect((await json<Page>(await f.get('/sources'))).items).toHaveLength(1);
    expect((await f.get(`/sources/${source.id}`)).status).toBe(200);
    expect((await f.get(`/sources/${source.id}`, 'admin', { method: 'DELETE' })).status).toBe(200);
    expect((await f.get(`/sources/${source.id}`)).status).toBe(404);
    expect((await f.get(`/sources/${source.id}`, 'admin', { method: 'DELETE' })).status).toBe(404);
  });

  it('creates, lists and revokes tokens; a new token works at once and stops when revoked', async () => {
    const r = await f.get('/tokens', 'admin', { method: 'POST', body: JSON.stringify({ name: 'dashboard', role: 'viewer' }), headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(201);
    const { token, info } = await json<{ token: string; info: { id: number; role: string } }>(r);
    expect(token).toMatch(/^rdt_[A-Za-z0-9_-]{43}$/);
    expect((await f.app.request('/sources', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const list = await json<{ items: { name: string; lastUsedAt: string | null }[] }>(await f.get('/tokens', 'admin'));
    expect(list.items.find((t) => t.name === 'dashboard')?.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list)).not.toContain(token);
    expect((await f.get(`/tokens/${info.id}`, 'admin', { method: 'DELETE' })).status).toBe(200);
    expect((await f.app.request('/sources', { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });
});

describe('exports and the stream', () => {
  it('streams exports as CSV and JSONL', async () => {
    const csv = await f.get('/export/articles?format=csv');
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text()).trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^id,/);
    expect(lines).toHaveLength(ARTICLES.length + 1);
    const events = (await (await f.get('/export/events?format=jsonl&dyad=USA-PRK')).text()).trim().split('\n').map((l) => JSON.parse(l) as { type: string });
    expect(events.length).toBeGreaterThanOrEqual(8);
    for (const kind of ['quotes', 'actors']) expect((await f.get(`/export/${kind}?format=jsonl&limit=2`)).status).toBe(200);
    expect((await f.get('/export/articles?dyad=USA-PRK')).status).toBe(400);
    expect((await json<ErrorJson>(await f.get('/export/things'))).error.field).toBe('kind');
    expect((await json<ErrorJson>(await f.get('/export/events?format=xml'))).error.field).toBe('format');
  });

  it('sends stored rows after a position as server-sent events, resumable by id', async () => {
    const r = await f.get('/stream?after=0:0');
    expect(r.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = r.body!.getReader();
    let text = '';
    while ((text.match(/^event: article$/gm) ?? []).length < ARTICLES.length || !/^event: event$/m.test(text)) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    expect(text).toMatch(/^id: 1:0:0$/m);
    const first = JSON.parse(/^data: (.*)$/m.exec(text)![1]!) as { id: number; url: string };
    expect(first).toMatchObject({ id: 1, url: ARTICLES[0]!.url });
    expect((await f.get('/stream?after=abc')).status).toBe(400);
  });
});

describe('unexpected errors', () => {
  it('answer 500 with no stack or internal detail', async () => {
    const broken = new Proxy(f.store, { get: (target, key) => (key === 'listSources' ? () => Promise.reject(new Error('disk on fire at /secret/path')) : Reflect.get(target, key)) }) as Store;
    const app = createApp({ store: broken, config: loadConfig({ env: {} }), logger: silentLogger() });
    const r = await app.request('/sources', { headers: { authorization: `Bearer ${f.tokens.viewer}` } });
    expect(r.status).toBe(500);
    const body = await r.text();
    expect(JSON.parse(body)).toEqual({ error: { code: 'internal', message: 'internal error; see the server log' } });
    expect(body).not.toMatch(/secret|at \w+ \(/);
  });
});
