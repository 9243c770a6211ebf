// The one HTTP client. Every request Readout makes goes through here, so politeness (robots,
// per-host spacing, a clear User-Agent) and safety (SSRF guard, timeouts, size limits) cannot
// be forgotten by a caller.
//
// Built on an undici Agent rather than node:http: it takes a custom connector, where the
// guarded DNS lookup and the post-connect address check plug in, and it has separate
// connect/headers/body timeouts built in. We use its low-level request() (no automatic
// redirects, no automatic decompression) because both need our own checks on every step.
import type { LookupFunction } from 'node:net';
import { Agent, buildConnector, type Dispatcher } from 'undici';
import { ReadoutError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { ACCEPT_ENCODING, parseContentEncoding, readBody, tooLargeError } from './body.js';
import { HttpStatusError, parseRetryAfter, toFetchError } from './errors.js';
import { HostLimiter } from './host-limiter.js';
import { ROBOTS_MAX_BYTES, RobotsCache } from './robots.js';
import { assertLiteralHostAllowed, createAddressPolicy, guardedLookup, ssrfError, type AddressPolicy } from './ssrf.js';
import type { FetchOptions, FetchRequest, FetchResult, Fetcher } from './types.js';
import { bareHostname, parseFetchUrl, tryParseUrl } from './url.js';

export { HttpStatusError, isHttpStatusError } from './errors.js';

const DEFAULT_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** How much of an unwanted body (redirect, error page) we read to keep the connection reusable. */
const DUMP_LIMIT = 64 * 1024;

/** Test seams; production code passes nothing. */
export interface FetcherDeps {
  /** DNS resolver under the SSRF guard (default dns.lookup). */
  lookup?: LookupFunction;
  now?: () => number;
}

interface Exchange {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  fetchedAt: string;
}

interface HopOptions {
  /** When the whole fetch must be over (ms since epoch). */
  deadline: number;
  checkRobots: boolean;
  limit: number;
  accept: string;
  conditional: { etag?: string | null; lastModified?: string | null };
}

export function createFetcher(options: FetchOptions, logger: Logger, deps: FetcherDeps = {}): Fetcher {
  const log = logger.child({ stage: 'fetch' });
  const now = deps.now ?? Date.now;
  const policy = createAddressPolicy(options.allowPrivate);
  const timeouts = { connectTimeoutMs: options.connectTimeoutMs, readTimeoutMs: options.readTimeoutMs };
  const totalTimeoutMs = options.totalTimeoutMs ?? options.connectTimeoutMs + 4 * options.readTimeoutMs;
  const agent = new Agent({
    connect: guardedConnector(policy, options.connectTimeoutMs, guardedLookup(policy, deps.lookup)),
    headersTimeout: options.readTimeoutMs,
    bodyTimeout: options.readTimeoutMs,
  });
  const limiter = new HostLimiter({ minDelayMs: options.minDelayMs, now });
  const robots = new RobotsCache({
    userAgent: options.userAgent,
    ttlMs: options.robotsCacheMs,
    logger: log,
    now,
    load: async (robotsUrl) => {
      const { exchange: res } = await follow(robotsUrl, {
        deadline: now() + totalTimeoutMs,
        checkRobots: false,
        limit: Math.min(ROBOTS_MAX_BYTES, options.maxBodyBytes),
        accept: 'text/plain',
        conditional: {},
      });
      return res.body.toString('utf8');
    },
  });
  let closed = false;

  function timeoutError(href: string): ReadoutError {
    return new ReadoutError('timeout', `Fetching ${href} took longer than ${totalTimeoutMs} ms`, {
      hint: 'The server is sending too slowly; it will be retried later (the limit is fetch.totalTimeout).',
    });
  }

  /** Rejects with a timeout once the deadline passes (the robots.txt load goes on and is cached). */
  function beforeDeadline<T>(work: Promise<T>, deadline: number, href: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(timeoutError(href)), Math.max(0, deadline - now()))));
    return Promise.race([work, expired]).finally(() => clearTimeout(timer));
  }

  /** One GET, holding the host's slot until the body is read. Never follows redirects. */
  function exchange(url: URL, hop: HopOptions, delayMs: number): Promise<Exchange> {
    return limiter.run(
      bareHostname(url),
      async () => {
        const controller = new AbortController();
        let timedOut = false;
        const left = hop.deadline - now();
        if (left <= 0) throw timeoutError(url.href);
        const timer = setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, left);
        try {
          const res = await agent.request({
            origin: url.origin,
            path: `${url.pathname}${url.search}`,
            method: 'GET',
            headers: requestHeaders(options.userAgent, hop),
            signal: controller.signal,
          });
          const headers = flattenHeaders(res.headers);
          const fetchedAt = new Date(now()).toISOString();
          const status = res.statusCode;
          if (status < 200 || status >= 300) {
            await discard(res.body);
            return { status, headers, body: Buffer.alloc(0), fetchedAt };
          }
          const declared = Number(headers['content-length']);
          if (Number.isFinite(declared) && declared > hop.limit) {
            res.body.destroy();
            throw tooLargeError(url.href, hop.limit);
          }
          const body = await readBody(res.body, parseContentEncoding(headers['content-encoding']), hop.limit, url.href);
          return { status, headers, body, fetchedAt };
        } catch (err) {
          if (timedOut) throw timeoutError(url.href);
          throw toFetchError(err, url.href, timeouts);
        } finally {
          clearTimeout(timer);
        }
      },
      delayMs,
    );
  }

  /** Requests `rawUrl`, following redirects with the SSRF guard and robots checked on every hop. */
  async function follow(rawUrl: string, hop: HopOptions): Promise<{ exchange: Exchange; finalUrl: string; redirects: string[] }> {
    const redirects: string[] = [];
    let url = parseFetchUrl(rawUrl);
    for (;;) {
      assertLiteralHostAllowed(policy, url);
      let delayMs = options.minDelayMs;
      if (hop.checkRobots && options.respectRobots) {
        const verdict = await beforeDeadline(robots.check(url), hop.deadline, url.href);
        if (!verdict.allowed) {
          throw new ReadoutError('robots', `robots.txt of ${url.host} disallows ${url.href}`, {
            hint: 'The site asks bots not to fetch this URL; remove the source or ask the site owner.',
          });
        }
        delayMs = verdict.crawlDelayMs ?? delayMs;
      }
      const res = await exchange(url, hop, delayMs);
      if (!REDIRECT_STATUSES.has(res.status)) {
        if (res.status === 304 || (res.status >= 200 && res.status < 300)) return { exchange: res, finalUrl: url.href, redirects };
        const retryAfterMs = parseRetryAfter(res.headers['retry-after'], now());
        throw new HttpStatusError(url.href, res.status, { retryAfterMs });
      }
      const location = res.headers['location'];
      const next = location ? tryParseUrl(location, url) : null;
      if (!next) {
        throw new HttpStatusError(url.href, res.status, { detail: location ? `invalid Location "${location}"` : 'redirect without Location' });
      }
      next.hash = '';
      redirects.push(url.href);
      if (redirects.includes(next.href)) {
        throw new ReadoutError('redirects', `Redirect loop: ${url.href} leads back to ${next.href}`, {
          hint: 'The site redirects in a circle (often a cookie or consent wall); check it in a browser.',
        });
      }
      if (redirects.length > options.maxRedirects) {
        throw new ReadoutError('redirects', `Too many redirects (more than ${options.maxRedirects}) starting at ${redirects[0]}`, {
          hint: 'Use the final URL directly, or check the site in a browser.',
        });
      }
      log.debug({ url: url.href, status: res.status, location: next.href }, 'redirect');
      url = parseFetchUrl(next.href);
    }
  }

  return {
    async fetch(request: FetchRequest): Promise<FetchResult> {
      if (closed) throw new ReadoutError('fetch', `Fetcher is closed; cannot fetch ${request.url}`);
      const started = now();
      const { exchange: res, finalUrl, redirects } = await follow(request.url, {
        deadline: started + totalTimeoutMs,
        checkRobots: true,
        limit: options.maxBodyBytes,
        accept: request.accept ?? DEFAULT_ACCEPT,
        conditional: { etag: request.etag, lastModified: request.lastModified },
      });
      const notModified = res.status === 304;
      log.debug({ url: request.url, status: res.status, bytes: res.body.length, ms: now() - started }, 'fetched');
      return {
        url: request.url,
        finalUrl,
        status: res.status,
        headers: res.headers,
        body: res.body,
        fetchedAt: res.fetchedAt,
        notModified,
        redirects,
        etag: res.headers['etag'] ?? (notModified ? (request.etag ?? null) : null),
        lastModified: res.headers['last-modified'] ?? (notModified ? (request.lastModified ?? null) : null),
        contentType: res.headers['content-type'] ?? null,
      };
    },
    busyHosts: () => limiter.busyHosts(),
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await agent.close();
    },
  };
}

function requestHeaders(userAgent: string, hop: HopOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': userAgent,
    accept: hop.accept,
    'accept-encoding': ACCEPT_ENCODING,
  };
  if (hop.conditional.etag) headers['if-none-match'] = hop.conditional.etag;
  if (hop.conditional.lastModified) headers['if-modified-since'] = hop.conditional.lastModified;
  return headers;
}

function flattenHeaders(raw: Dispatcher.ResponseData['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** Drains a small unwanted body so the socket can be reused; a big or stalled one is dropped. */
async function discard(body: Dispatcher.ResponseData['body']): Promise<void> {
  try {
    await body.dump({ limit: DUMP_LIMIT });
  } catch {
    body.destroy(); // the connection is not reusable; nothing else to do
  }
}

/**
 * undici connector that resolves through the guarded lookup and then checks the address the
 * socket really connected to (covers literal IPs, where no lookup happens, and anything a
 * future code path might resolve differently).
 */
function guardedConnector(policy: AddressPolicy, timeout: number, lookup: LookupFunction): buildConnector.connector {
  const connect = buildConnector({ timeout, lookup });
  return (opts, callback) => {
    connect(opts, (err, socket) => {
      if (err || !socket) {
        callback(err ?? new Error(`Could not connect to ${opts.hostname}`), null);
        return;
      }
      const host = opts.hostname.replace(/^\[|\]$/g, '');
      const address = socket.remoteAddress ?? '';
      const reason = policy.check(host, address);
      if (reason) {
        socket.destroy();
        callback(ssrfError(host, address || 'unknown address', reason), null);
        return;
      }
      callback(null, socket);
    });
  };
}
