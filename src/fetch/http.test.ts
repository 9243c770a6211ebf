// Integration tests against local servers on 127.0.0.1 (the only address allowed).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LookupFunction } from 'node:net';
import zlib from 'node:zlib';
import { afterEach, describe, it, expect } from 'vitest';
import { HttpStatusError } from './http.js';
import type { FetchOptions } from './types.js';
import { localHttp } from '../../test/helpers/local-http.js';

const OPTIONS: FetchOptions = {
  userAgent: 'ReadoutTest/1.0 (+https://example.org/bot)',
  minDelayMs: 0,
  connectTimeoutMs: 1000,
  readTimeoutMs: 1000,
  maxBodyBytes: 1024 * 1024,
  maxRedirects: 5,
  respectRobots: true,
  robotsCacheMs: 60_000,
  allowPrivate: ['127.0.0.1'],
};

const http = localHttp(OPTIONS);
const { serve, fetcher } = http;
afterEach(() => http.closeAll());

/** Resolves every name in `names` to 127.0.0.1 without touching real DNS. */
function localDns(...names: string[]): LookupFunction {
  return (hostname, _opts, cb) => {
    if (names.includes(hostname)) cb(null, [{ address: '127.0.0.1', family: 4 }]);
    else cb(Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
  };
}

function send(res: ServerResponse, status: number, body: string | Buffer = '', headers: Record<string, string> = {}): void {
  res.writeHead(status, headers);
  res.end(body);
}

const paths = (seen: IncomingMessage[]): string[] => seen.map((r) => r.url ?? '');

describe('createFetcher: basics', () => {
  it('returns a RawResponse with lower-case headers, validators and a clear User-Agent', async () => {
    const srv = await serve((req, res) => {
      if (req.url === '/robots.txt') return send(res, 404);
      send(res, 200, '<p>hello</p>', { 'Content-Type': 'text/html; charset=utf-8', ETag: '"v1"', 'Last-Modified': 'Mon, 01 Jan 2024 00:00:00 GMT', 'X-Thing': 'a' });
    });
    const result = await fetcher().fetch({ url: `${srv.base}/page#frag` });
    expect(result).toMatchObject({
      url: `${srv.base}/page#frag`,
      finalUrl: `${srv.base}/page`,
      status: 200,
      notModified: false,
      redirects: [],
      etag: '"v1"',
      lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT',
      contentType: 'text/html; charset=utf-8',
    });
    expect(result.headers['x-thing']).toBe('a');
    expect(result.body.toString()).toBe('<p>hello</p>');
    expect(Number.isNaN(Date.parse(result.fetchedAt))).toBe(false);
    const page = srv.seen.find((r) => r.url === '/page')!;
    expect(page.headers['user-agent']).toBe(OPTIONS.userAgent);
    expect(page.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('sends conditional headers and reports 304 as notModified with an empty body', async () => {
    const srv = await serve((req, res) => {
      if (req.url === '/robots.txt') return send(res, 404);
      if (req.headers['if-none-match'] === '"v1"') return send(res, 304, '', { ETag: '"v1"' });
      send(res, 200, 'fresh', { ETag: '"v2"' });
    });
    const f = fetcher();
    const r = await f.fetch({ url: `${srv.base}/feed`, etag: '"v1"', lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT' });
    expect(r).toMatchObject({ status: 304, notModified: true, etag: '"v1"', lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT' });
    expect(r.body.length).toBe(0);
    expect(srv.seen.at(-1)!.headers['if-modified-since']).toBe('Mon, 01 Jan 2024 00:00:00 GMT');
    const fresh = await f.fetch({ url: `${srv.base}/feed`, etag: '"old"' });
    expect(fresh).toMatchObject({ status: 200, notModified: false, etag: '"v2"' });
  });

  it('decodes gzip, deflate and br bodies', async () => {
    const text = 'Ünïcode body '.repeat(200);
    const encoders: Record<string, (b: Buffer) => Buffer> = { gzip: zlib.gzipSync, deflate: zlib.deflateSync, br: zlib.brotliCompressSync };
    const srv = await serve((req, res) => {
      const enc = (req.url ?? '').slice(1);
      const encode = encoders[enc];
      if (!encode) return send(res, 404);
      send(res, 200, encode(Buffer.from(text)), { 'Content-Encoding': enc });
    });
    const f = fetcher({ respectRobots: false });
    for (const enc of Object.keys(encoders)) {
      expect((await f.fetch({ url: `${srv.base}/${enc}` })).body.toString('utf8'), enc).toBe(text);
    }
  });

  it('throws HttpStatusError carrying the status (and Retry-After)', async () => {
    const srv = await serve((req, res) => {
      if (req.url === '/gone') return send(res, 404, 'nope');
      send(res, 503, 'busy', { 'Retry-After': '120' });
    });
    const f = fetcher({ respectRobots: false });
    const notFound = await f.fetch({ url: `${srv.base}/gone` }).catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(HttpStatusError);
    expect(notFound).toMatchObject({ code: 'http', status: 404 });
    expect((notFound as Error).message).toContain(`${srv.base}/gone`);
    await expect(f.fetch({ url: `${srv.base}/busy` })).rejects.toMatchObject({ code: 'http', status: 503, retryAfterMs: 120_000 });
  });
});

describe('createFetcher: robots.txt', () => {
  it('refuses disallowed URLs, matches our agent and caches robots.txt per origin', async () => {
    const srv = await serve((req, res) => {
      if (req.url === '/robots.txt') return send(res, 200, 'User-agent: *\nDisallow: /\n\nUser-agent: ReadoutTest\nDisallow: /private\n');
      send(res, 200, 'ok');
    });
    const f = fetcher();
    await expect(f.fetch({ url: `${srv.base}/private/doc` })).rejects.toMatchObject({ code: 'robots' });
    await expect(f.fetch({ url: `${srv.base}/public` })).resolves.toMatchObject({ status: 200 });
    await f.fetch({ url: `${srv.base}/public2` });
    expect(paths(srv.seen)).toEqual(['/robots.txt', '/public', '/public2']);
  });

  it('treats a 5xx robots.txt as allow-all', async () => {
    const srv = await serve((req, res) => (req.url === '/robots.txt' ? send(res, 500) : send(res, 200, 'ok')));
    await expect(fetcher().fetch({ url: `${srv.base}/x` })).resolves.toMatchObject({ status: 200 });
  });

  it('checks robots.txt on every redirect hop', async () => {
    const srv = await serve((req, res) => {
      if (req.url === '/robots.txt') return send(res, 200, 'User-agent: *\nDisallow: /secret\n');
      send(res, 301, '', { Location: '/secret/page' });
    });
    await expect(fetcher().fetch({ url: `${srv.base}/start` })).rejects.toMatchObject({ code: 'robots' });
    expect(paths(srv.seen)).toEqual(['/robots.txt', '/start']);
  });

  it('ignores robots.txt when respectRobots is false', async () => {
    const srv = await serve((req, res) => send(res, 200, req.url === '/robots.txt' ? 'User-agent: *\nDisallow: /' : 'ok'));
    await expect(fetcher({ respectRobots: false }).fetch({ url: `${srv.base}/x` })).resolves.toMatchObject({ status: 200 });
    expect(paths(srv.seen)).toEqual(['/x']);
  });
});

describe('createFetcher: redirects', () => {
  it('follows relative and absolute Locations and lists the hops', async () => {
    const srv = await serve((req, res) => {
      if (req.url === '/a') return send(res, 301, '', { Location: 'b?x=1' });
      if (req.url === '/b?x=1') return send(res, 302, '', { Location: `http://127.0.0.1:${srv.port}/c` });
      send(res, 200, 'final');
    });
    const r = await fetcher({ respectRobots: false }).fetch({ url: `${srv.base}/a` });
    expect(r).toMatchObject({ url: `${srv.base}/a`, finalUrl: `${srv.base}/c`, redirects: [`${srv.base}/a`, `${srv.base}/b?x=1`] });
    expect(r.body.toString()).toBe('final');
  });

  it('stops a redirect loop', async () => {
    const srv = await serve((req, res) => send(res, 302, '', { Location: req.url === '/x' ? '/y' : '/x' }));
    await expect(fetcher({ respectRobots: false }).fetch({ url: `${srv.base}/x` })).rejects.toMatchObject({ code: 'redirects' });
    expect(paths(srv.seen)).toEqual(['/x', '/y']);
  });

  it('follows exactly maxRedirects and refuses one more', async () => {
    const srv = await serve((req, res) => {
      const n = Number((req.url ?? '').slice(3));
      if (n < 10) return send(res, 307, '', { Location: `/r/${n + 1}` });
      send(res, 200, 'end');
    });
    const f = fetcher({ respectRobots: false });
    await expect(f.fetch({ url: `${srv.base}/r/5` })).resolves.toMatchObject({ finalUrl: `${srv.base}/r/10` });
    await expect(f.fetch({ url: `${srv.base}/r/4` })).rejects.toMatchObject({ code: 'redirects' });
  });

  it('refuses redirects to private addresses and non-http schemes without connecting', async () => {
    const srv = await serve((req, res) => send(res, 302, '', { Location: req.url === '/meta' ? 'http://169.254.169.254/latest/meta-data/' : 'file:///etc/passwd' }));
    const f = fetcher({ respectRobots: false });
    await expect(f.fetch({ url: `${srv.base}/meta` })).rejects.toMatchObject({ code: 'ssrf' });
    await expect(f.fetch({ url: `${srv.base}/file` })).rejects.toMatchObject({ code: 'ssrf' });
  });
});

describe('createFetcher: politeness', () => {
  it('serialises requests to one host and spaces them by minDelayMs', async () => {
    const intervals: [number, number][] = [];
    const srv = await serve((_req, res) => {
      const start = Date.now();
      setTimeout(() => {
        intervals.push([start, Date.now()]);
        send(res, 200, 'ok');
      }, 30);
    });
    const f = fetcher({ respectRobots: false, minDelayMs: 80 });
    await Promise.all([1, 2, 3].map((i) => f.fetch({ url: `${srv.base}/p${i}` })));
    intervals.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < intervals.length; i++) expect(intervals[i]![0] - intervals[i - 1]![1]).toBeGreaterThanOrEqual(70);
  });

  it('lets different hosts proceed in parallel', async () => {
    let active = 0;
    let maxActive = 0;
    const srv = await serve((_req, res) => {
      maxActive = Math.max(maxActive, ++active);
      setTimeout(() => {
        active--;
        send(res, 200, 'ok');
      }, 100);
    });
    const f = fetcher({ respectRobots: false, minDelayMs: 5000 }, { lookup: localDns('a.test', 'b.test', 'c.test') });
    await Promise.all(['a', 'b', 'c'].map((h) => f.fetch({ url: `http://${h}.test:${srv.port}/` })));
    expect(maxActive).toBe(3);
    expect(srv.seen.map((r) => r.headers.host).sort()).toEqual(['a', 'b', 'c'].map((h) => `${h}.test:${srv.port}`));
  });
});
