import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor, encodingInName, FixtureServer } from './fixture-server.js';

let tmp: string;
let root: string;
let server: FixtureServer;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'readout-fixture-'));
  root = join(tmp, 'site');
  await mkdir(join(root, 'news'), { recursive: true });
  await writeFile(join(tmp, 'secret.txt'), 'outside the root\n');
  await writeFile(
    join(root, 'feed.xml'),
    '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><link>{{base}}/</link>' +
      '<item><link>{{base}}/news/a.html</link></item></channel></rss>\n',
  );
  await writeFile(join(root, 'atom.xml'), '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"></feed>\n');
  await writeFile(join(root, 'news', 'a.html'), '<html><head><link rel="canonical" href="{{base}}/news/a.html"></head></html>\n');
  await writeFile(join(root, 'news', 'index.html'), '<p>section front</p>\n');
  // "Café Müller" in latin-1 bytes, with a placeholder that must be replaced without re-encoding.
  await writeFile(join(root, 'old.latin1.html'), Buffer.from('<p>Caf\u00e9 M\u00fcller {{base}}</p>\n', 'latin1'));
  await writeFile(join(root, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x7b, 0x7b]));
  await symlink(join(tmp, 'secret.txt'), join(root, 'escape.txt'));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

afterEach(async () => {
  await server?.close();
});

/** A GET with the path sent exactly as given (fetch would normalise `..` away). */
function rawGet(base: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((ok, fail) => {
    const req = request({ host: hostname, port, path, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

describe('FixtureServer files', () => {
  it('listens on 127.0.0.1 with a free port and replaces {{base}} in text files', async () => {
    server = await FixtureServer.start({ dir: root });
    expect(server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${server.baseUrl}/feed.xml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const text = await res.text();
    expect(text).toContain(`<link>${server.baseUrl}/news/a.html</link>`);
    expect(text).not.toContain('{{base}}');
    expect(res.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    expect(res.headers.get('last-modified')).toMatch(/GMT$/);
  });

  it('gives each kind of file its content type', async () => {
    server = await FixtureServer.start({ dir: root });
    const atom = await fetch(`${server.baseUrl}/atom.xml`);
    expect(atom.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const html = await fetch(`${server.baseUrl}/news/a.html`);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await html.text()).toContain(`href="${server.baseUrl}/news/a.html"`);
    const dir = await fetch(`${server.baseUrl}/news/`);
    expect(await dir.text()).toContain('section front');
    const png = await fetch(`${server.baseUrl}/logo.png`);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await png.arrayBuffer())).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x7b, 0x7b]));
  });

  it('sends files named with an encoding as stored, without a charset', async () => {
    server = await FixtureServer.start({ dir: root });
    const res = await fetch(`${server.baseUrl}/old.latin1.html`);
    expect(res.headers.get('content-type')).toBe('text/html');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.toString('latin1')).toBe(`<p>Caf\u00e9 M\u00fcller ${server.baseUrl}</p>\n`);
  });

  it('answers 304 to If-None-Match and If-Modified-Since, 200 when the copy is stale', async () => {
    server = await FixtureServer.start({ dir: root });
    const url = `${server.baseUrl}/feed.xml`;
    const first = await fetch(url);
    await first.text();
    const etag = first.headers.get('etag') as string;
    const lastModified = first.headers.get('last-modified') as string;

    const byTag = await fetch(url, { headers: { 'If-None-Match': etag } });
    expect(byTag.status).toBe(304);
    expect(byTag.headers.get('etag')).toBe(etag);
    expect(await byTag.text()).toBe('');
    expect((await fetch(url, { headers: { 'If-None-Match': `W/${etag}` } })).status).toBe(304);

    const byDate = await fetch(url, { headers: { 'If-Modified-Since': lastModified } });
    expect(byDate.status).toBe(304);

    const staleTag = await fetch(url, { headers: { 'If-None-Match': '"something-else"', 'If-Modified-Since': lastModified } });
    expect(staleTag.status).toBe(200); // If-None-Match decides when both are sent
    await staleTag.text();
    const staleDate = await fetch(url, { headers: { 'If-Modified-Since': new Date(0).toUTCString() } });
    expect(staleDate.status).toBe(200);
    await staleDate.text();
  });

  it('refuses paths that lead outside the folder, by .. or by symbolic link', async () => {
    server = await FixtureServer.start({ dir: root });
    for (const path of ['/../secret.txt', '/news/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/escape.txt']) {
      const res = await rawGet(server.baseUrl, path);
      expect(res.status, path).toBe(403);
      expect(res.body).not.toContain('outside the root');
    }
    expect((await rawGet(server.baseUrl, '/%E0%A4%A.html')).status).toBe(400);
    expect((await rawGet(server.baseUrl, '/missing.html')).status).toBe(404);
  });
});

describe('FixtureServer routes', () => {
  it('prefers routes over files, and replaces or removes them at run time', async () => {
    server = await FixtureServer.start({
      dir: root,
      routes: { '/feed.xml': { body: '<rss version="2.0"><channel><link>{{base}}/v1</link></channel></rss>' } },
    });
    const url = `${server.baseUrl}/feed.xml`;
    const v1 = await fetch(url);
    expect(v1.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect(await v1.text()).toContain(`<link>${server.baseUrl}/v1</link>`);
    const tag1 = v1.headers.get('etag') as string;
    expect((await fetch(url, { headers: { 'If-None-Match': tag1 } })).status).toBe(304);

    // The feed changes between polls: the old validator no longer matches.
    server.route('/feed.xml', { body: '<rss version="2.0"><channel><link>{{base}}/v2</link></channel></rss>' });
    const v2 = await fetch(url, { headers: { 'If-None-Match': tag1 } });
    expect(v2.status).toBe(200);
    expect(await v2.text()).toContain('/v2</link>');

    server.route('/feed.xml', null);
    const file = await fetch(url);
    expect(await file.text()).toContain(`<link>${server.baseUrl}/news/a.html</link>`);

    server.route('gone.html', { status: 410, headers: { 'Content-Type': 'text/plain' }, body: 'gone' });
    const gone = await fetch(`${server.baseUrl}/gone.html`);
    expect(gone.status).toBe(410);
    expect(await gone.text()).toBe('gone');
  });

  it('matches a route with its query before the bare path', async () => {
    server = await FixtureServer.start({ routes: { '/list': { body: 'page one' }, '/list?page=2': { body: 'page two' } } });
    expect(await (await fetch(`${server.baseUrl}/list`)).text()).toBe('page one');
    expect(await (await fetch(`${server.baseUrl}/list?page=2`)).text()).toBe('page two');
    expect(await (await fetch(`${server.baseUrl}/list?page=3`)).text()).toBe('page one');
    expect((await fetch(`${server.baseUrl}/feed.xml`)).status).toBe(404); // no dir: routes only
  });

  it('lets handlers answer anything: errors, redirect loops, requests never answered', async () => {
    server = await FixtureServer.start({
      routes: {
        '/boom': { handler: (_req, res) => void res.writeHead(500).end('internal error') },
        '/loop-a': { handler: (_req, res) => void res.writeHead(302, { Location: '/loop-b' }).end() },
        '/loop-b': { handler: (_req, res) => void res.writeHead(302, { Location: '/loop-a' }).end() },
        '/hang': { handler: () => undefined },
        '/throws': {
          handler: async () => {
            throw new Error('handler failed');
          },
        },
      },
    });
    expect((await fetch(`${server.baseUrl}/boom`)).status).toBe(500);
    const hop = await fetch(`${server.baseUrl}/loop-a`, { redirect: 'manual' });
    expect(hop.status).toBe(302);
    expect(hop.headers.get('location')).toBe('/loop-b');
    await expect(fetch(`${server.baseUrl}/loop-a`)).rejects.toThrow();
    const thrown = await fetch(`${server.baseUrl}/throws`);
    expect(thrown.status).toBe(500);
    expect(await thrown.text()).toContain('handler failed');

    const hung = await fetch(`${server.baseUrl}/hang`, { signal: AbortSignal.timeout(200) }).catch((err: unknown) => err);
    expect(hung).toBeInstanceOf(Error);
  });

  it('closes even while a handler has left a request open', async () => {
    server = await FixtureServer.start({ routes: { '/hang': { handler: () => undefined } } });
    const pending = fetch(`${server.baseUrl}/hang`).catch((err: unknown) => err);
    await new Promise((r) => setTimeout(r, 50));
    await server.close();
    expect(await pending).toBeInstanceOf(Error);
  });

  it('logs every request with method, path, headers and time', async () => {
    server = await FixtureServer.start({ dir: root });
    const before = Date.now();
    await (await fetch(`${server.baseUrl}/feed.xml?x=1`, { headers: { 'User-Agent': 'readout-test' } })).text();
    await fetch(`${server.baseUrl}/feed.xml`, { method: 'HEAD' });
    expect(server.requests.map((r) => [r.method, r.path])).toEqual([
      ['GET', '/feed.xml?x=1'],
      ['HEAD', '/feed.xml'],
    ]);
    expect(server.requests[0]?.headers['user-agent']).toBe('readout-test');
    expect(server.requests[0]?.at).toBeGreaterThanOrEqual(before);
  });
});

describe('helpers', () => {
  it('reads an encoding from the middle of a file name only', () => {
    expect(encodingInName('/x/page.latin1.html')).toBe(true);
    expect(encodingInName('feed.euc-kr.xml')).toBe(true);
    expect(encodingInName('comments-talks.xml')).toBe(false);
    expect(encodingInName('latin1.html')).toBe(false);
    expect(contentTypeFor('feed.euc-kr.xml', Buffer.from('<rss version="2.0">'))).toBe('application/rss+xml');
    expect(contentTypeFor('sitemap.xml', Buffer.from('<urlset>'))).toBe('application/xml; charset=utf-8');
    expect(contentTypeFor('sources.opml', Buffer.alloc(0))).toBe('text/x-opml; charset=utf-8');
    expect(contentTypeFor('data.json', Buffer.alloc(0))).toBe('application/json');
  });
});
