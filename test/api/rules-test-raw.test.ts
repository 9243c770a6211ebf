// POST /rules/test (a rule's dry run against the stored merged events) and GET
// /articles/{id}/raw (the archived document an article was extracted from), over the API
// fixture store (test/api/fixtures.ts) plus one saved HTML page ingested through the pipeline.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BYTES } from '../../src/api/article-raw.js';
import { articleHtml, storyParagraphs } from '../helpers/pages.js';
import { runCli } from '../helpers/run-cli.js';
import { sampleArticle } from '../store.contract.js';
import { ARTICLES, seedFixture, type Fixture, json, type ErrorJson } from './fixtures.js';

interface Hit { event: { id: string; date: string; type: string; source: { country: string }; target: { country: string } }; reasons: string[]; title: string }
interface RawJson { id: number; hash: string; url: string; contentType: string; charset: string; bytes: number; truncated: boolean; raw: string }

let f: Fixture;
beforeAll(async () => {
  f = await seedFixture();
}, 120_000);
afterAll(async () => {
  await f.store.close();
});

const post = (path: string, body: unknown, role: 'viewer' | 'analyst' = 'viewer') =>
  f.get(path, role, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

describe('POST /rules/test', () => {
  const threats = { name: 'dprk threats', match: { types: ['THREATEN'], actors: ['PRK'] }, deliver: [] };

  it('lists the stored events the rule would fire on, newest first, for a viewer, saving nothing', async () => {
    // The fixture's events are dated March 2026: a window of a few years holds them all.
    const r = await post('/rules/test?days=3650', threats);
    expect(r.status).toBe(200);
    const body = await json<{ items: Hit[]; checked: number; since: string }>(r);
    expect(body.items.map((h) => [h.event.date, h.event.type])).toEqual([['2026-03-09', 'THREATEN'], ['2026-03-04', 'THREATEN']]);
    expect(body.items[0]).toMatchObject({ event: { source: { country: 'PRK' }, target: { country: 'USA' } }, reasons: ['actor PRK', 'type THREATEN'], title: expect.stringMatching(/^THREATEN: /) });
    expect(body.checked).toBeGreaterThanOrEqual(8);
    expect(body.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await json<{ items: unknown[] }>(await f.get('/rules'))).items).toEqual([]);
    expect(await f.store.listAlerts()).toEqual([]);

    // limit keeps the newest; the default 30-day window (before now) holds none of March's events.
    expect((await json<{ items: Hit[] }>(await post('/rules/test?days=3650&limit=1', threats))).items.map((h) => h.event.date)).toEqual(['2026-03-09']);
    const recent = await json<{ items: Hit[]; since: string }>(await post('/rules/test', threats));
    expect(recent.since > '2026-03-09' ? recent.items : []).toEqual([]);
    // A disabled rule is tried as if enabled: the dry run is how one checks it before enabling it.
    expect((await json<{ items: Hit[] }>(await post('/rules/test?days=3650', { ...threats, enabled: false }))).items).toHaveLength(2);
  });

  it('refuses personnel and spike rules and invalid bodies with 400 naming the problem', async () => {
    const personnel = await post('/rules/test', { name: 'moves', match: { personnel: { changes: ['dismissed'] } } });
    expect(personnel.status).toBe(400);
    expect((await json<ErrorJson>(personnel)).error).toMatchObject({ code: 'validation', field: 'match', message: expect.stringMatching(/personnel rule/) });
    const spike = await json<ErrorJson>(await post('/rules/test', { name: 'spike', match: { spike: { actor: 'PRK' } } }));
    expect(spike.error.message).toMatch(/spike rule/);
    const bad = await post('/rules/test', { name: 'bad', match: { types: ['NOPE'] } });
    expect(bad.status).toBe(400);
    expect((await json<ErrorJson>(bad)).error).toMatchObject({ field: 'match.types.0', message: expect.stringMatching(/^match\.types\.0: /) });
    expect((await post('/rules/test?limit=0', threats)).status).toBe(400);
    expect((await f.get('/rules/test', null, { method: 'POST', body: JSON.stringify(threats), headers: { 'content-type': 'application/json' } })).status).toBe(401);
  });
});

describe('GET /articles/{id}/raw', () => {
  it('answers an ingested record\'s archived document (its JSON line)', async () => {
    const r = await f.get('/articles/1/raw');
    expect(r.status).toBe(200);
    const doc = await json<RawJson>(r);
    expect(doc).toMatchObject({ id: 1, hash: expect.stringMatching(/^[0-9a-f]{64}$/), contentType: 'application/x-ndjson', charset: 'utf-8', truncated: false });
    expect(JSON.parse(doc.raw)).toMatchObject({ url: ARTICLES[0]!.url, text: ARTICLES[0]!.text });
    expect(doc.bytes).toBe(Buffer.byteLength(doc.raw));
  });

  it('decodes a saved HTML page with the extract stage\'s charset logic', async () => {
    const title = 'Ministère des Affaires étrangères';
    const html = articleHtml({ title, charset: 'windows-1252', paragraphs: storyParagraphs('Les négociations à Genève') });
    const file = join(f.dir, 'page.html');
    writeFileSync(file, iconv.encode(html, 'windows-1252'));
    const run = await runCli(['ingest', file, '--json'], f.env);
    expect(run.code, run.stderr).toBe(0);
    const hit = (await f.store.search({ text: 'Genève', order: 'newest' }))[0]!;
    const doc = await json<RawJson>(await f.get(`/articles/${hit.id}/raw`));
    expect(doc).toMatchObject({ contentType: 'text/html', charset: 'windows-1252', truncated: false, bytes: Buffer.byteLength(html, 'latin1') });
    expect(doc.raw).toContain(`<h1>${title}</h1>`);
  });

  it('caps the answer at 2 MiB and says so', async () => {
    const body = Buffer.from(`<!doctype html><html><body><p>${'x'.repeat(MAX_BYTES + 1000)}</p></body></html>`);
    const hash = await f.store.putRaw({ url: 'https://big.example/a', finalUrl: 'https://big.example/a', status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body, fetchedAt: '2026-03-10T00:00:00Z' });
    const { id } = await f.store.insertArticle(sampleArticle({ rawHash: hash }));
    const doc = await json<RawJson>(await f.get(`/articles/${id}/raw`));
    expect(doc).toMatchObject({ contentType: 'text/html; charset=utf-8', charset: 'utf-8', truncated: true, bytes: body.length });
    expect(doc.raw).toHaveLength(MAX_BYTES);
  });

  it('answers 404 with a JSON error when there is no article or no archived document', async () => {
    const { id } = await f.store.insertArticle(sampleArticle({ rawHash: null }));
    const none = await f.get(`/articles/${id}/raw`);
    expect(none.status).toBe(404);
    expect((await json<ErrorJson>(none)).error).toEqual({ code: 'not_found', message: `article ${id} has no archived raw document (it was stored without one)` });
    const gone = await f.store.insertArticle(sampleArticle({ rawHash: 'f'.repeat(64) }));
    expect((await json<ErrorJson>(await f.get(`/articles/${gone.id}/raw`))).error.message).toMatch(/not in the archive/);
    expect((await f.get('/articles/999999/raw')).status).toBe(404);
    expect((await f.get('/articles/1/raw', null)).status).toBe(401);
  });
});
