// Request size bounds (config api.limits). Two middlewares around the token check:
// - `preAuthLimits` runs first and reads nothing: a URL over `urlBytes` is a 414, a declared
//   Content-Length over the route's limit a 413, so neither costs a token lookup or a byte of body;
// - `bodyLimits` runs after the token check and counts a body sent without a Content-Length
//   (chunked) while reading it (hono/body-limit), so no body over the limit is ever held whole.
// A request without a valid token is answered 401 before its body is read (auth.ts); what the
// connection does with an unread body afterwards is http-guard.ts's concern.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ApiLimits } from '../config/config.js';
import type { ApiEnv } from './auth.js';
import { ApiError } from './errors.js';

interface RouteLimit {
  method: string;
  path: RegExp;
  bytes: number;
}

/** "POST /rules/{id}" → method and a path pattern ({x} is one segment). */
function parseRouteKey(key: string, bytes: number): RouteLimit {
  const [method, path] = key.split(' ', 2) as [string, string];
  const pattern = path
    .split(/\{[^}/]+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return { method, path: new RegExp(`^${pattern}/?$`), bytes };
}

/** The body limit of a method and path: the first matching override, else the default. */
export function bodyLimitFor(limits: ApiLimits): (method: string, path: string) => number {
  const routes = Object.entries(limits.routeBodyBytes).map(([key, bytes]) => parseRouteKey(key, bytes));
  return (method, path) => routes.find((r) => r.method === method && r.path.test(path))?.bytes ?? limits.bodyBytes;
}

export const tooLarge = (limit: number) =>
  new ApiError(413, 'payload_too_large', `the request body is larger than this route accepts (${limit} bytes; config api.limits.bodyBytes or api.limits.routeBodyBytes)`);

/** URL length and declared body length, before the token is looked up. */
export function preAuthLimits(limits: ApiLimits): MiddlewareHandler<ApiEnv> {
  const limitOf = bodyLimitFor(limits);
  return async (c, next) => {
    // The path and query as sent (the part of the request line a client controls).
    const url = c.req.url;
    const target = url.length - new URL(url).origin.length;
    if (target > limits.urlBytes) throw new ApiError(414, 'uri_too_long', `the URL is longer than ${limits.urlBytes} bytes (config api.limits.urlBytes); send fewer or shorter query parameters`);
    const declared = c.req.header('content-length');
    if (declared !== undefined && !c.req.header('transfer-encoding')) {
      const limit = limitOf(c.req.method, c.req.path);
      // Node's parser has already refused a malformed Content-Length (400).
      if (Number(declared) > limit) throw tooLarge(limit);
    }
    return next();
  };
}

/** Counts a body while it is read (after the token check); 413 as soon as it passes the limit. */
export function bodyLimits(limits: ApiLimits): MiddlewareHandler<ApiEnv> {
  const limitOf = bodyLimitFor(limits);
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const limit = limitOf(c.req.method, c.req.path);
    return bodyLimit({ maxSize: limit, onError: () => { throw tooLarge(limit); } })(c, next);
  };
}
