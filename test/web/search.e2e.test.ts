// Search screen in Chromium: full-text hits with «»-marked words as <mark>, filters that narrow
// the list and survive a reload through the URL, the empty query listing the newest articles,
// more pages loaded from nextCursor as the list scrolls, and the empty and refused-filter states.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ingestRecords } from '../helpers/ingested-store.js';
import { describeInBrowser, startDashboard, type Dashboard } from './harness.js';

describeInBrowser('dashboard: Search', () => {
  let d: Dashboard;
  beforeAll(async () => {
    d = await startDashboard();
  }, 120_000);
  afterAll(async () => d?.close());

  const apiGet = async <T>(path: string): Promise<T> => (await fetch(d.url + path, { headers: { authorization: `Bearer ${d.tokens.viewer}` } })).json() as Promise<T>;

  it('finds articles with the matched words marked, narrows by kind and since through the URL, and opens an article', async () => {
    const page = await d.open('/ui/search');
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('talks');
    await page.getByRole('searchbox', { name: 'Search articles' }).press('Enter');
    await page.waitForURL(/\/ui\/search\?q=talks$/);
    const results = page.getByRole('list', { name: 'Search results' });
    await results.getByRole('listitem').first().waitFor();
    const all = await results.getByRole('listitem').count();
    expect(all).toBeGreaterThan(5);
    const marks = await results.locator('mark').allTextContents();
    expect(marks.length).toBeGreaterThanOrEqual(all);
    expect(new Set(marks.map((m) => m.toLowerCase()))).toEqual(new Set(['talks']));
    // The near-duplicate pair of the demo (the same story from two outlets) shows its group.
    await results.getByText('1 near-duplicate').first().waitFor();

    await page.getByLabel('Kind').selectOption('opinion');
    await page.waitForURL(/kind=opinion/);
    await page.getByText(/^1 article,/).waitFor();
    expect(await results.locator('.tag').first().textContent()).toBe('opinion');
    await results.getByRole('link', { name: 'Opinion: Washington should take Pyongyang’s ‘if’ seriously' }).waitFor();

    await page.getByLabel('Kind').selectOption('');
    await page.getByLabel('Since').fill('2026-03-12');
    await page.getByLabel('Since').press('Enter');
    await page.waitForURL(/since=2026-03-12/);
    // Fewer rows, but some: an empty list is the page between two answers.
    await page.waitForFunction((n) => {
      const rows = document.querySelectorAll('[aria-label="Search results"] [role="listitem"]').length;
      return rows > 0 && rows < n;
    }, all);
    const dates = await results.locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
    expect(dates.length).toBeGreaterThan(0);
    for (const iso of dates) if (iso) expect(new Date(iso).getTime()).toBeGreaterThanOrEqual(new Date('2026-03-12T00:00:00Z').getTime());

    // The URL carries the search: a reload shows the same fields and hits.
    const narrowed = await results.getByRole('listitem').count();
    await page.reload();
    await results.getByRole('listitem').first().waitFor();
    expect(await page.getByRole('searchbox', { name: 'Search articles' }).inputValue()).toBe('talks');
    expect(await page.getByLabel('Since').inputValue()).toBe('2026-03-12');
    expect(await results.getByRole('listitem').count()).toBe(narrowed);

    const first = results.getByRole('listitem').first().getByRole('heading').getByRole('link');
    const title = (await first.textContent())!;
    await first.click();
    await page.waitForURL(/\/ui\/articles\/\d+$/);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(page.problems).toEqual([]);
  }, 60_000);

  it('lists the newest articles for an empty query, shows the empty state for nonsense and the refused filter', async () => {
    const page = await d.open('/ui/search');
    const results = page.getByRole('list', { name: 'Search results' });
    await results.getByRole('listitem').first().waitFor();
    await page.getByText(/articles?, newest first/).waitFor();
    const newest = await apiGet<{ items: { title: string }[] }>('/search?limit=3');
    const titles = await results.getByRole('heading').allTextContents();
    expect(titles.slice(0, 3)).toEqual(newest.items.map((h) => h.title));
    expect(page.problems).toEqual([]);

    await page.goto(`${d.url}/ui/search?q=zqxvbnm+flurbogast`);
    await page.getByText('No articles match “zqxvbnm flurbogast”.').waitFor();
    expect(await page.getByRole('list', { name: 'Search results' }).count()).toBe(0);

    await page.goto(`${d.url}/ui/search?q=talks&since=last+tuesday`);
    const refusal = page.getByRole('alert');
    await refusal.getByText('since:').waitFor();
    expect(await refusal.textContent()).toContain('is not a date');
    expect(await page.getByLabel('Since').getAttribute('aria-invalid')).toBe('true');
    // Chromium logs the refused request (the 400 this test asked for); nothing else may appear.
    expect(page.problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
  }, 60_000);

  it('loads further pages from nextCursor as the list scrolls', async () => {
    const records = Array.from({ length: 64 }, (_, i) => ({
      url: `https://paging-desk.example/2026/03/${i}`,
      source: 'Paging Desk',
      published: `2026-03-${String(1 + (i % 28)).padStart(2, '0')}T0${i % 10}:00:00Z`,
      title: `Quillwort bulletin number ${i}`,
      text: `The quillwort bulletin number ${i} reports that envoys met in Geneva on item ${i * 7} of the agenda.`,
    }));
    await ingestRecords(d.store, records, 'paging.jsonl');
    const page = await d.open('/ui/search?q=quillwort&order=newest');
    const results = page.getByRole('list', { name: 'Search results' });
    await page.getByText(/^50 articles so far; more load as you scroll/).waitFor();
    await results.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.getByText(/^64 articles, newest first/).waitFor({ timeout: 15_000 });
    await results.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await results.getByRole('link', { name: /^Quillwort bulletin number \d+$/ }).last().waitFor();
    expect(page.problems).toEqual([]);
  }, 90_000);

  it('has no horizontal page scroll in a 390 px window', async () => {
    const page = await d.open('/ui/search?q=talks', 'viewer', { width: 390, height: 844 });
    await page.getByRole('list', { name: 'Search results' }).getByRole('listitem').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(page.problems).toEqual([]);
  }, 30_000);
});
