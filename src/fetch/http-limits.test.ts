// Hostile servers: silence, drips, huge and compressed-bomb bodies, and SSRF attempts.
// Only 127.0.0.1 is ever contacted; private ranges are refused before any socket is opened.
import type { LookupFunction } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, describe, it, expect } from 'vitest';
import type { FetchOptions } from './types.js';
import { localHttp } from '../../test/helpers/local-http.js';

const OPTIONS: FetchOptions = {
  userAgent: 'ReadoutTest/1.0',
  minDelayMs: 0,
  connectTimeoutMs: 300,
  readTimeoutMs: 300,
  maxBodyBytes: 256 * 1024,
  maxRedirects: 5,
  respectRobots: false,
  robotsCacheMs: 60_000,
  allowPrivate: ['127.0.0.1'],
};

// Closed once at the end, so the (slow, timer-bound) timeout tests can run concurrently.
const http = localHttp(OPTIONS);
const { serve, fetcher } = http;
afterAll(() => http.closeAll());

function dns(table: Record<string, string>): LookupFunction {
  return (hostname, _opts, cb) => {
    const address = table[hostname];
    if (address) cb(null, [{ address, family: address.includes(':') ? 6 : 4 }]);
    else cb(Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
  };
}

/** Resolves with how long `p` took to settle, and its rejection. */
async function timedFailure(p: Promise<unknown>): Promise<{ ms: number; err: unknown }> {
  const start = Date.now();
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  return { ms: Date.now() - start, err };
}

// undici's timers have ~0.5-1 s resolution, so each of these takes about a second.
describe.concurrent('createFetcher: timeouts', () => {
  it('gives up on a server that never answers', async () => {
    const srv = await serve(() => undefined); // accepts, reads the request, never responds
    const { ms, err } = await timedFailure(fetcher().fetch({ url: `${srv.base}/silent` }));
    expect(err).toMatchObject({ code: 'timeout' });
    expect((err as Error).message).toContain(srv.base);
    expect(ms).toBeLessThan(3000);
  });

  it('gives up when the body stalls after the headers', async () => {
    const srv = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.write('partial');
    });
    const { ms, err } = await timedFailure(fetcher().fetch({ url: `${srv.base}/stall` }));
    expect(err).toMatchObject({ code: 'timeout' });
    expect(ms).toBeLessThan(3000);
  });

  it('bounds the whole exchange for a server dripping bytes just under the read timeout', async () => {
    const srv = await serve((_req, res) => {
      res.writeHead(200);
      const timer = setInterval(() => res.write('.'), 100);
      res.on('close', () => clearInterval(timer));
    });
    const { ms, err } = await timedFailure(fetcher({ totalTimeoutMs: 600 }).fetch({ url: `${srv.base}/drip` }));
    expect(err).toMatchObject({ code: 'timeout' });
    expect(ms).toBeLessThan(3000);
  });

  it('bounds the whole fetch, redirects included, by totalTimeoutMs (so a job lease can outlast it)', async () => {
    // Each hop answers within the per-exchange limit; together they take longer than it.
    const srv = await serve((req, res) => {
      const n = Number(req.url?.slice(1)) || 0;
      setTimeout(() => (n < 3 ? res.writeHead(302, { location: `/${n + 1}` }).end() : res.writeHead(200).end('ok')), 250);
    });
    const err = await fetcher({ totalTimeoutMs: 600, readTimeoutMs: 2000 }).fetch({ url: `${srv.base}/0` }).then(() => null, (e: unknown) => e);
    expect(err).toMatchObject({ code: 'timeout' });
    expect(srv.seen.length).toBeLessThan(4);
  });

  it('times out a connection whose DNS lookup never returns', async () => {
    const hang: LookupFunction = () => undefined;
    const { ms, err } = await timedFailure(fetcher({}, { lookup: hang }).fetch({ url: 'http://hang.test/' }));
    expect(err).toMatchObject({ code: 'timeout' });
    expect(ms).toBeLessThan(3000);
  });
});

describe('createFetcher: body size', () => {
  const big = Buffer.alloc(OPTIONS.maxBodyBytes + 1, 'a');

  it('refuses a body whose Content-Length is over the limit', async () => {
    const srv = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Length': String(big.length) });
      res.end(big);
    });
    await expect(fetcher().fetch({ url: `${srv.base}/big` })).rejects.toMatchObject({ code: 'too-large' });
  });

  it('stops a chunked body without Content-Length once it passes the limit', async () => {
    let written = 0;
    const srv = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' }); // chunked, no length
      const chunk = Buffer.alloc(64 * 1024, 'b');
      const timer = setInterval(() => {
        written += chunk.length;
        res.write(chunk);
      }, 1);
      res.on('close', () => clearInterval(timer));
    });
    await expect(fetcher().fetch({ url: `${srv.base}/endless` })).rejects.toMatchObject({ code: 'too-large' });
    expect(written).toBeLessThan(16 * 1024 * 1024); // we hung up instead of reading forever
  });

  it('accepts a body exactly at the limit', async () => {
    const srv = await serve((_req, res) => res.end(big.subarray(1)));
    expect((await fetcher().fetch({ url: `${srv.base}/exact` })).body.length).toBe(OPTIONS.maxBodyBytes);
  });

  it('stops a gzip bomb whose compressed size is tiny', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(32 * 1024 * 1024));
    const srv = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Encoding': 'gzip', 'Content-Length': String(bomb.length) });
      res.end(bomb);
    });
    await expect(fetcher().fetch({ url: `${srv.base}/bomb` })).rejects.toMatchObject({ code: 'too-large' });
  });
});

describe('createFetcher: SSRF guard', () => {
  it('refuses loopback when it is not allowed, without sending a request', async () => {
    const srv = await serve((_req, res) => res.end('secret'));
    const f = fetcher({ allowPrivate: [] });
    await expect(f.fetch({ url: `${srv.base}/` })).rejects.toMatchObject({ code: 'ssrf' });
    await expect(f.fetch({ url: `http://[::1]:${srv.port}/` })).rejects.toMatchObject({ code: 'ssrf' });
    expect(srv.seen).toHaveLength(0);
  });

  it('refuses private, link-local and metadata literals before connecting', async () => {
    const f = fetcher({ allowPrivate: [], respectRobots: true });
    for (const url of ['http://10.1.2.3/', 'http://169.254.169.254/latest/meta-data/', 'http://192.168.0.1:8080/', 'http://100.64.0.1/', 'http://0.0.0.0/']) {
      const err = await f.fetch({ url }).catch((e: unknown) => e);
      expect(err, url).toMatchObject({ code: 'ssrf' });
      expect((err as Error).message).toMatch(/Refusing/);
    }
  });

  it('checks the address a host name resolves to (DNS rebinding), robots.txt included', async () => {
    const srv = await serve((_req, res) => res.end('secret'));
    const resolver = dns({ 'rebind.test': '127.0.0.1', 'internal.test': '10.0.0.5', 'meta.test': '169.254.169.254' });
    const asked: string[] = [];
    const lookup: LookupFunction = (hostname, opts, cb) => {
      asked.push(hostname);
      resolver(hostname, opts, cb);
    };
    const f = fetcher({ allowPrivate: [], respectRobots: true }, { lookup });
    for (const host of ['rebind.test', 'internal.test', 'meta.test']) {
      await expect(f.fetch({ url: `http://${host}:${srv.port}/` }), host).rejects.toMatchObject({ code: 'ssrf' });
    }
    // Refused inside the connection's own DNS lookup: no socket was ever opened to those addresses.
    expect(asked).toEqual(['rebind.test', 'internal.test', 'meta.test']);
    expect(srv.seen).toHaveLength(0);
  });

  it('allows a private host that is listed by name in allowPrivate', async () => {
    const srv = await serve((_req, res) => res.end('intranet'));
    const f = fetcher({ allowPrivate: ['rebind.test'] }, { lookup: dns({ 'rebind.test': '127.0.0.1' }) });
    expect((await f.fetch({ url: `http://rebind.test:${srv.port}/` })).body.toString()).toBe('intranet');
  });

  it('reports unknown hosts as fetch errors', async () => {
    const f = fetcher({}, { lookup: dns({}) });
    await expect(f.fetch({ url: 'http://nowhere.test/' })).rejects.toMatchObject({ code: 'fetch' });
  });
});
