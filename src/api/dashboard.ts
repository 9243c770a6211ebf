// The web dashboard's static files (web/dist, built by `npm run build:web`) under /ui/, with a
// strict Content-Security-Policy: scripts, styles and connections only from this origin, no
// inline script, no plugins, no framing. Unknown paths under /ui/ get index.html (the app's own
// routes). These paths need no token: the page holds no data; the API calls it makes carry one.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Context } from 'hono';
import type { ApiApp } from './app.js';
import { errorBody } from './errors.js';

export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

function headers(type: string, immutable: boolean): Record<string, string> {
  return {
    'content-type': type,
    'content-security-policy': DASHBOARD_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    // Hashed asset names never change content; index.html must be re-read to find new ones.
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
}

async function fileIn(dir: string, rel: string): Promise<string | null> {
  const path = normalize(join(dir, rel));
  if (path !== dir && !path.startsWith(dir + sep)) return null;
  try {
    return (await stat(path)).isFile() ? path : null;
  } catch {
    return null;
  }
}

/** Serves `dir` (config api.dashboardDir: web/dist, or READOUT_WEB_DIST for a build elsewhere). */
export function registerDashboard(app: ApiApp, dir: string): void {
  app.get('/', (c) => c.redirect('/ui/', 302));
  app.get('/ui', (c) => c.redirect('/ui/', 301));
  app.get('/ui/*', async (c: Context) => {
    let rel: string;
    try {
      rel = decodeURIComponent(c.req.path.slice('/ui/'.length));
    } catch {
      return c.json(errorBody('validation', 'malformed path'), 400);
    }
    const asset = rel ? await fileIn(dir, rel) : null;
    const path = asset ?? (await fileIn(dir, 'index.html'));
    if (!path) return c.json(errorBody('not_found', 'the dashboard is not built: run `npm run build:web` (npm install does it)'), 404);
    // A missing asset is a 404, not the app page (a stale tab asking for an old chunk).
    if (!asset && rel.startsWith('assets/')) return c.json(errorBody('not_found', `no dashboard file ${rel}`), 404);
    return c.body(await readFile(path), 200, headers(TYPES[extname(path)] ?? 'application/octet-stream', rel.startsWith('assets/')));
  });
}
