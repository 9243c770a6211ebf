// Live screen in Chromium: the latest articles on open, filters in the URL, and a new article
// stored by another process arriving over the stream without a reload.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, startDashboard, type Dashboard } from './harness.js';
import { ingestRecords } from '../helpers/ingested-store.js';

describeInBrowser('dashboard: Live', () => {
  let d: Dashboard;
  beforeAll(async () => {
    d = await startDashboard();
  }, 120_000);
  afterAll(async () => d?.close());

  it('lists stored articles, filters by kind through the URL, and shows a new article live', async () => {
    const page = await d.open();
    await page.getByRole('heading', { name: 'Live' }).waitFor();
    await page.getByText('Receiving new articles').waitFor();
    const feed = page.getByRole('list', { name: 'Live feed' });
    await feed.getByRole('listitem').first().waitFor();
    expect(await feed.getByRole('listitem').count()).toBeGreaterThan(5);

    await page.getByLabel('Kind').selectOption('opinion');
    await page.waitForURL(/\?kind=opinion/);
    const kinds = await feed.locator('.tag').allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['opinion']));
    await page.getByLabel('Kind').selectOption('');

    await ingestRecords(d.store, [{ url: 'https://late-bulletin.example/1', source: 'Late Bulletin', published: new Date().toISOString(), title: 'Late bulletin arrives while the desk watches', text: 'Officials in Seoul said on Monday that the envoy would travel to Tokyo next week.' }], 'late.jsonl');
    await feed.getByText('Late bulletin arrives while the desk watches').waitFor({ timeout: 15_000 });
    expect(page.problems).toEqual([]);
  }, 60_000);

  it('shows a new merged event live and narrows to it by dyad and type, hiding articles', async () => {
    const page = await d.open('/ui/?dyad=JPN-PRK&type=THREATEN');
    const feed = page.getByRole('list', { name: 'Live feed' });
    await page.getByText('Receiving new articles').waitFor();
    await page.getByText('Nothing matches these filters yet.').waitFor();
    await ingestRecords(d.store, [{ url: 'https://late-bulletin.example/2', source: 'Late Bulletin', published: new Date().toISOString(), title: 'Pyongyang warns Tokyo', text: 'North Korea on Tuesday threatened Japan with a missile strike.' }], 'late-event.jsonl');
    const row = feed.getByRole('listitem').filter({ hasText: 'THREATEN' });
    await row.waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toMatch(/North Korea.*→.*Japan/);
    // Only the event: the article that carried it does not match an event filter.
    expect(await feed.getByRole('listitem').count()).toBe(1);
    await page.getByLabel('Type').fill('AGREE');
    await page.waitForURL(/type=AGREE/);
    await page.getByText('Nothing matches these filters yet.').waitFor();
    expect(page.problems).toEqual([]);
  }, 60_000);

  it('sends the dashboard with a strict Content-Security-Policy and no token in the page', async () => {
    const res = await fetch(`${d.url}/ui/timeline?dyad=PRK-USA`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(await res.text()).not.toContain('rdt_');
    expect((await fetch(`${d.url}/ui/assets/missing.js`)).status).toBe(404);
  });
});
