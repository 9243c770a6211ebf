// Headers on every API answer: hono/secure-headers (nosniff, no framing, no referrer, same-origin
// resource and opener policy; no HSTS: TLS, if any, is the reverse proxy's to declare) and a
// Cache-Control per route. API answers carry bearer-token data, so nothing may store them
// (`no-store`, also the SSE stream and exports); /openapi.json is public and revalidated
// (`no-cache`); the dashboard's files set their own (hashed assets immutable, index.html
// no-cache: dashboard.ts). There are no CORS headers: the dashboard is served from the same
// origin, and a page elsewhere must not read the API with a user's token (docs/api.md).
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { ApiEnv } from './auth.js';

const isDashboard = (path: string) => path === '/ui' || path.startsWith('/ui/');

export function apiHeaders(): MiddlewareHandler<ApiEnv> {
  // overwrite: false keeps the dashboard's stricter values (X-Frame-Options, its CSP).
  const secure = secureHeaders({ strictTransportSecurity: false, xFrameOptions: 'DENY', overwrite: false });
  return async (c, next) =>
    secure(c, async () => {
      await next();
      if (!isDashboard(c.req.path)) c.res.headers.set('cache-control', c.req.path === '/openapi.json' ? 'no-cache' : 'no-store');
      else if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-cache');
    });
}
