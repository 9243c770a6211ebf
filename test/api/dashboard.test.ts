// The dashboard's static files (src/api/dashboard.ts) on a bare Hono app over a temp build:
// SPA fallback, caching, CSP, and no way out of the build folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import type { ApiApp } from '../../src/api/app.js';
import { DASHBOARD_CSP, registerDashboard } from '../../src/api/dashboard.js';
import { tempDir } from '../helpers/services.js';

function appOver(build: string): ApiApp {
  const app = new OpenAPIHono() as unknown as ApiApp;
  registerDashboard(app, build);
  return app;
}

function builtDashboard(): string {
  const root = tempDir('dashboard');
  const build = join(root, 'dist');
  mkdirSync(join(build, 'assets'), { recursive: true });
  writeFileSync(join(build, 'index.html'), '<!doctype html><title>Readout</title>');
  writeFileSync(join(build, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'outside the build');
  return build;
}

describe('dashboard static files', () => {
  const app = appOver(builtDashboard());

  it('sends the app page for its own routes with a strict CSP, and hashed assets as immutable', async () => {
    expect((await app.request('/')).headers.get('location')).toBe('/ui/');
    for (const path of ['/ui/', '/ui/timeline', '/ui/actors/country:PRK']) {
      const r = await app.request(path);
      expect(r.status).toBe(200);
      expect(await r.text()).toContain('<title>Readout</title>');
      expect(r.headers.get('content-security-policy')).toBe(DASHBOARD_CSP);
      expect(r.headers.get('cache-control')).toBe('no-cache');
    }
    expect(DASHBOARD_CSP).toContain("script-src 'self'");
    expect(DASHBOARD_CSP).not.toMatch(/unsafe-(inline|eval)/);
    const js = await app.request('/ui/assets/index-abc.js');
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect((await app.request('/ui/assets/gone.js')).status).toBe(404);
  });

  it('never serves a file outside the build folder', async () => {
    for (const path of ['/ui/../secret.txt', '/ui/%2e%2e/secret.txt', '/ui/..%2fsecret.txt', '/ui/assets/..%2f..%2fsecret.txt']) {
      const r = await app.request(path);
      expect(await r.text(), path).not.toContain('outside the build');
    }
    expect((await app.request('/ui/%E0%A4%A')).status).toBe(400);
  });

  it('says how to build the dashboard when it is not built', async () => {
    const r = await appOver(join(tempDir('nobuild'), 'dist')).request('/ui/');
    expect(r.status).toBe(404);
    expect(await r.text()).toContain('npm run build:web');
  });
});
