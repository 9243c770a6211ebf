// A per-client request rate limit: one token bucket per API token (per client address for
// requests without a valid token), refilled at api.limits.ratePerMinute and holding at most
// api.limits.rateBurst requests; an empty bucket is a 429 with Retry-After. /health and the
// dashboard's static files are exempt (no store work; a page load fetches many assets).
// Memory is bounded: at most MAX_KEYS buckets, the least recently used dropped first (a dropped
// bucket comes back full, which only ever favours that client).
import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import type { ApiLimits } from '../config/config.js';
import type { ApiEnv } from './auth.js';
import { errorBody } from './errors.js';

export const MAX_KEYS = 10_000;

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    perMinute: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = MAX_KEYS,
  ) {
    this.perMs = perMinute / 60_000;
  }

  /** Takes one request from `key`'s bucket: 0 when allowed, else the whole seconds until one is. */
  take(key: string): number {
    const t = this.now();
    const b = this.buckets.get(key);
    let tokens = b ? Math.min(this.burst, b.tokens + (t - b.at) * this.perMs) : this.burst;
    // Re-inserting keeps the Map in least-recently-used order for eviction.
    this.buckets.delete(key);
    const allowed = tokens >= 1;
    if (allowed) tokens -= 1;
    this.buckets.set(key, { tokens, at: t });
    while (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
    return allowed ? 0 : Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1000));
  }

  get size(): number {
    return this.buckets.size;
  }
}

const EXEMPT = (path: string) => path === '/health' || path === '/' || path === '/ui' || path.startsWith('/ui/');

/** The peer's address (not X-Forwarded-For: a header any client can set). */
function clientAddress(c: Context): string {
  const env = c.env as { incoming?: IncomingMessage } | undefined;
  return env?.incoming?.socket.remoteAddress ?? 'local';
}

function limited(c: Context, retryAfter: number): Response {
  return c.json(errorBody('rate_limited', `too many requests; retry in ${retryAfter} s (config api.limits.ratePerMinute and rateBurst)`), 429, { 'retry-after': String(retryAfter) });
}

/**
 * Two middlewares sharing the buckets: `byAddress` goes before the token check (requests with no
 * Authorization header, and those answered 401, count against the address), `byToken` after it.
 */
export function rateLimits(limits: ApiLimits, now?: () => number): { byAddress: MiddlewareHandler<ApiEnv>; byToken: MiddlewareHandler<ApiEnv> } {
  if (limits.ratePerMinute === 0) {
    const pass: MiddlewareHandler<ApiEnv> = (_c, next) => next();
    return { byAddress: pass, byToken: pass };
  }
  const buckets = new TokenBuckets(limits.ratePerMinute, limits.rateBurst, now);
  return {
    byAddress: async (c, next) => {
      if (EXEMPT(c.req.path)) return next();
      const key = `addr:${clientAddress(c)}`;
      const signed = c.req.header('authorization') !== undefined;
      if (!signed) {
        const wait = buckets.take(key);
        if (wait) return limited(c, wait);
      }
      await next();
      // A wrong token costs the address too, so guessing tokens is as bounded as anonymous calls.
      if (signed && c.res.status === 401) {
        const wait = buckets.take(key);
        if (wait) c.res = limited(c, wait);
      }
    },
    byToken: async (c, next) => {
      const token = c.get('token') as ApiEnv['Variables']['token'] | undefined;
      if (!token) return next();
      const wait = buckets.take(`token:${token.id}`);
      return wait ? limited(c, wait) : next();
    },
  };
}
