// GET /events/{id}/precedents, GET/POST /briefs and GET /briefs/{id} over the ingested fixture
// store: shapes, roles, saving and re-rendering, and the error paths.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFixture, type Fixture } from './fixtures.js';

let fx: Fixture;
beforeAll(async () => {
  fx = await seedFixture();
}, 120_000);
afterAll(async () => {
  await fx?.store.close();
});

const post = (path: string, body: unknown, role: 'viewer' | 'analyst' = 'analyst') =>
  fx.get(path, role, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('precedents and briefs over HTTP', () => {
  it('gives an event its precedents, and 404 for an unknown event', async () => {
    const timeline = (await (await fx.get('/timeline?dyad=USA-PRK&limit=100')).json()) as { items: { id: string; type: string }[] };
    const last = timeline.items.at(-1)!;
    const r = await fx.get(`/events/${last.id}/precedents?days=7`);
    expect(r.status).toBe(200);
    const body = (await r.json()) as { event: { id: string }; days: number; precedents: unknown[] };
    expect(body.event.id).toBe(last.id);
    expect(body.days).toBe(7);
    expect(Array.isArray(body.precedents)).toBe(true);
    expect((await fx.get('/events/ev999999/precedents')).status).toBe(404);
    expect((await fx.get('/events/nonsense/precedents')).status).toBe(400);
  });

  it('builds a brief for analysts only, saves it, lists it and re-renders it', async () => {
    expect((await post('/briefs', { since: '2026-03-01', until: '2026-03-10' }, 'viewer')).status).toBe(403);
    const r = await post('/briefs', { since: '2026-03-01', until: '2026-03-10', focus: 'PRK', format: 'md', save: true });
    expect(r.status).toBe(200);
    const made = (await r.json()) as { id: number; content: string; brief: { focus: string } };
    expect(made.id).toBeGreaterThan(0);
    expect(made.brief.focus).toBe('PRK');
    expect(made.content).toContain('North Korea');

    const list = (await (await fx.get('/briefs')).json()) as { items: { id: number }[] };
    expect(list.items.map((b) => b.id)).toContain(made.id);
    const html = await fx.get(`/briefs/${made.id}?format=html`);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(html.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await html.text()).toContain('Content-Security-Policy');
    expect((await fx.get(`/briefs/${made.id}?format=json`)).headers.get('content-type')).toContain('application/json');
  });

  it('refuses a bad focus or window, and 404s an unknown brief', async () => {
    const bad = await post('/briefs', { since: '2026-03-01', focus: 'ZZZ' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('focus');
    expect((await post('/briefs', { since: '2026-03-10', until: '2026-03-01' })).status).toBe(400);
    expect((await fx.get('/briefs/99999')).status).toBe(404);
  });
});
