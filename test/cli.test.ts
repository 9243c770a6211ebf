// The user-facing commands end to end, in-process, against a temporary store.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureServer } from '../src/demo/fixture-server.js';
import { articleHtml, rssFeed, storyParagraphs } from './helpers/pages.js';
import { runCli } from './helpers/run-cli.js';
import { tempDir } from './helpers/services.js';

describe('readout CLI', () => {
  let server: FixtureServer;
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    server = await FixtureServer.start();
    const base = server.baseUrl;
    server.route('/home.html', { body: `<html><head><title>Wire</title><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body><p>Home</p></body></html>`, headers: { 'content-type': 'text/html' } });
    server.route('/feed.xml', { body: rssFeed(base, [{ slug: 'one', title: 'One', published: '2026-04-01T10:00:00Z' }]), headers: { 'content-type': 'application/rss+xml' } });
    dir = tempDir('cli');
    writeFileSync(join(dir, 'readout.yaml'), "fetch: { allowPrivate: ['127.0.0.1'], minDelay: 0s }\n");
    env = { READOUT_DB: join(dir, 'cli.db'), READOUT_CONFIG: join(dir, 'readout.yaml') };
  });

  afterAll(() => server.close());

  it('discovers the feed a page advertises when a source is added without --kind', async () => {
    const r = await runCli(['sources', 'add', `${server.baseUrl}/home.html`, '--tag', 'korea', '--every', '10m'], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/advertises the feed/);
    expect(r.stdout).toContain(`[feed]`);
    expect(r.stdout).toContain(`${server.baseUrl}/feed.xml`);
    const list = JSON.parse((await runCli(['sources', 'list', '--json'], env)).stdout);
    expect(list).toEqual([expect.objectContaining({ url: `${server.baseUrl}/feed.xml`, kind: 'feed', tags: ['korea'], intervalSeconds: 600 })]);
  });

  it('refuses bad input with a clear message and a non-zero exit', async () => {
    const bad = await runCli(['sources', 'add', 'ftp://example.org/feed', '--kind', 'feed'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/not an http\(s\) URL/);
    expect((await runCli(['sources', 'add', 'https://example.org/x', '--kind', 'podcast'], env)).stderr).toMatch(/unknown --kind/);
    expect((await runCli(['search', 'x', '--kind', 'gossip'], env)).stderr).toMatch(/unknown --kind/);
    expect((await runCli(['search', 'x', '--since', 'yesterdayish'], env)).stderr).toMatch(/not a date/);
    expect((await runCli(['sources', 'remove', '999'], env)).stderr).toMatch(/no source "999"/);
  });

  it('exports sources as OPML and imports them back with their tags', async () => {
    const exported = await runCli(['sources', 'export'], env);
    expect(exported.stdout).toContain('<opml');
    const file = join(dir, 'out.opml');
    writeFileSync(file, exported.stdout);
    const other = { ...env, READOUT_DB: join(dir, 'other.db') };
    const imported = await runCli(['sources', 'import', file], other);
    expect(imported.stderr).toMatch(/imported 1 new source/);
    const list = JSON.parse((await runCli(['sources', 'list', '--json'], other)).stdout);
    expect(list[0]).toMatchObject({ url: `${server.baseUrl}/feed.xml`, tags: ['korea'] });
  });

  it('ingests a directory, reporting bad files by name and going on', async () => {
    const files = tempDir('ingest');
    writeFileSync(join(files, 'a.html'), articleHtml({ title: 'Minister visits Moscow', paragraphs: storyParagraphs('Moscow visit'), published: '2026-04-02T08:00:00Z' }));
    writeFileSync(join(files, 'b.txt'), `Envoy keeps his post\n\n${storyParagraphs('The envoy will keep his post').join('\n\n')}`);
    writeFileSync(join(files, 'c.bin'), Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 7]));
    writeFileSync(join(files, 'd.jsonl'), [
      JSON.stringify({ url: 'https://news.example/x', title: 'Imported story', published: '2026-04-03', source: 'Example News', text: storyParagraphs('Imported statement').join('\n\n') }),
      '{not json',
      JSON.stringify({ url: 'https://news.example/y', title: 'No body' }),
    ].join('\n'));
    const r = await runCli(['ingest', files, '--json'], env);
    expect(r.code).toBe(1);
    const summaries = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const byName = Object.fromEntries(summaries.map((s: { file: string }) => [s.file.split('/').pop(), s]));
    expect(byName['a.html']).toMatchObject({ stored: 1, errors: 0 });
    expect(byName['b.txt']).toMatchObject({ stored: 1, errors: 0 });
    expect(byName['c.bin']).toMatchObject({ stored: 0, errors: 1 });
    expect(byName['d.jsonl']).toMatchObject({ read: 3, stored: 1, errors: 2 });
    expect(r.stderr).toMatch(/c\.bin looks binary/);
    expect(r.stderr).toMatch(/d\.jsonl:2/);

    const again = await runCli(['ingest', join(files, 'a.html'), '--json'], env);
    expect(JSON.parse(again.stdout)).toMatchObject({ stored: 0, duplicates: 1 });
  });

  it('searches with filters, snippets and JSON output', async () => {
    const hits = JSON.parse((await runCli(['search', 'Moscow', '--json'], env)).stdout);
    expect(hits).toHaveLength(1);
    expect(hits[0].title).toBe('Minister visits Moscow');
    expect(hits[0].snippet).toMatch(/«Moscow»/);
    const bySource = JSON.parse((await runCli(['search', '--source', 'Example News', '--json'], env)).stdout);
    expect(bySource.map((h: { title: string }) => h.title)).toEqual(['Imported story']);
    const since = JSON.parse((await runCli(['search', '--since', '2026-04-03', '--until', '2026-04-04', '--json'], env)).stdout);
    expect(since.map((h: { title: string }) => h.title)).toEqual(['Imported story']);
    const text = await runCli(['search', 'envoy post'], env);
    expect(text.stdout).toContain('Envoy keeps his post');
  });
});
