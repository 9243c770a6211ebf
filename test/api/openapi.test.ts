// The OpenAPI document at /openapi.json is valid OpenAPI 3 in structure, and lists exactly the
// routes the app registers (each with its methods), because both come from the same definitions.
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { loadConfig } from '../../src/config/config.js';
import { silentLogger } from '../../src/core/logger.js';
import { openStore } from '../../src/store/open.js';

interface Operation { responses: Record<string, { description: string }>; security?: unknown[]; parameters?: { name: string; in: string }[] }
interface Doc { openapi: string; info: { title: string; version: string }; paths: Record<string, Record<string, Operation>>; components: { securitySchemes: Record<string, { type: string; scheme: string }>; schemas: Record<string, unknown> } }

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

describe('OpenAPI document', () => {
  it('is OpenAPI 3 and matches the registered routes both ways', async () => {
    const store = await openStore(':memory:', silentLogger());
    const app = createApp({ store, config: loadConfig({ env: {} }), logger: silentLogger() });
    const r = await app.request('/openapi.json');
    expect(r.status).toBe(200);
    const doc = (await r.json()) as Doc;
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info).toMatchObject({ title: 'Readout API', version: expect.any(String) });
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });

    const documented = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths)) {
      expect(path).toMatch(/^\//);
      for (const [method, op] of Object.entries(item)) {
        expect(METHODS).toContain(method);
        expect(Object.keys(op.responses).length, `${method} ${path}`).toBeGreaterThan(0);
        for (const res of Object.values(op.responses)) expect(res.description).toBeTruthy();
        // Path parameters are declared.
        for (const name of path.match(/\{(\w+)\}/g) ?? []) expect(op.parameters?.some((p) => p.in === 'path' && `{${p.name}}` === name), `${method} ${path} ${name}`).toBe(true);
        // Every route but /health needs the bearer token.
        if (path !== '/health') expect(op.security, `${method} ${path}`).toEqual([{ bearer: [] }]);
        documented.add(`${method.toUpperCase()} ${path}`);
      }
    }
    // $refs point at defined schemas.
    for (const ref of JSON.stringify(doc).match(/"#\/components\/schemas\/[^"]+"/g) ?? []) {
      expect(doc.components.schemas[ref.slice(22, -1)], ref).toBeDefined();
    }

    const registered = new Set(
      app.routes
        // The dashboard's static files (/, /ui, /ui/*: src/api/dashboard.ts) are not API routes.
        .filter((rt) => rt.method !== 'ALL' && rt.path !== '/openapi.json' && !/^\/(ui(\/.*)?)?$/.test(rt.path))
        .map((rt) => `${rt.method} ${rt.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    expect([...registered].sort()).toEqual([...documented].sort());
    expect(documented.size).toBe(42); // 23 + watch rules and alerts (8, src/api/rules.ts) + opinion (2) + briefs and precedents (4) + rule dry run and raw document (2) + GET /me (1) + one event and timeline counts (2, src/api/events.ts)
    await store.close();
  });
});
