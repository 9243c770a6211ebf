// Columnists and readers in Chromium: the demo's opinion and analysis authors on the hawkish ↔
// engagement axis with their evidence, the reader comments of the demo's opinion piece with
// their position distribution and the divergence in words, and filters in the URL.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, startDashboard, type Dashboard } from './harness.js';
import type { ColumnistsReport, ReadersReport } from '../../src/opinion/report.js';

const signed = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(2)}`;

describeInBrowser('dashboard: Columnists and readers', () => {
  let d: Dashboard;
  const get = async <T>(path: string) => (await (await fetch(d.url + path, { headers: { authorization: `Bearer ${d.tokens.viewer}` } })).json()) as T;
  beforeAll(async () => {
    d = await startDashboard();
  }, 120_000);
  afterAll(async () => d?.close());

  it('places the columnists on the axis with their evidence and shows reader comment distributions', async () => {
    const columnists = (await get<ColumnistsReport>('/columnists')).columnists.filter((c) => c.meanPosition !== null);
    const readers = await get<ReadersReport>('/readers');
    expect(columnists.length).toBeGreaterThan(1);
    const commented = readers.articles.find((a) => a.comments > 0)!;
    expect(commented).toBeDefined();

    const page = await d.open('/ui/opinion');
    await page.getByRole('heading', { name: 'Columnists and readers' }).waitFor();
    const axis = page.getByRole('list', { name: 'Authors on the hawkish to engagement axis' });
    await axis.getByRole('listitem').first().waitFor();
    expect(await page.getByText('◀ hawkish (−1)').count()).toBe(1);
    expect(await page.getByText('engagement (+1) ▶').count()).toBe(1);
    for (const c of columnists) {
      const row = axis.getByRole('listitem').filter({ hasText: c.author });
      expect(await row.textContent()).toContain(`${signed(c.meanPosition!)} ${c.lean}`);
    }

    // Each author's card: pieces and trend in words, evidence sentences linking to the article.
    const first = columnists[0]!;
    const card = page.getByRole('article', { name: first.author });
    expect(await card.textContent()).toContain(`${first.articles} piece`);
    const ev = first.evidence[0]!;
    expect(await card.getByRole('link', { name: ev.sentence }).getAttribute('href')).toBe(`/ui/articles/${ev.articleId}?evidence=${encodeURIComponent(ev.sentence)}`);
    // Choosing an author on the axis moves the focus to their card.
    await axis.getByRole('button', { name: first.author }).click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-labelledby'))).toBe(await card.getAttribute('aria-labelledby'));

    // Reader comments of the demo's opinion piece: counts per lean and the divergence explained.
    const comments = page.getByRole('list', { name: 'Reader comments per article' });
    const item = comments.getByRole('listitem').filter({ hasText: commented.title! });
    await item.waitFor();
    const text = (await item.textContent())!;
    expect(text).toContain(`${commented.comments} comments`);
    const dist = commented.distribution;
    expect(text).toContain(`${dist.hawkish} hawkish`);
    expect(text).toContain(`${dist.neutral} neutral`);
    expect(text).toContain(`${dist.engagement} engagement`);
    expect(text).toMatch(/Readers (diverge|are close to the author|lean)|No comment takes a position|no author position/);
    expect(page.problems).toEqual([]);
  }, 60_000);

  it('narrows columnists by date and readers to one article through the URL', async () => {
    const all = (await get<ColumnistsReport>('/columnists')).columnists;
    const latest = all.reduce((a, b) => (a.lastDate > b.lastDate ? a : b));
    const earlier = all.filter((c) => c.lastDate < latest.lastDate);
    expect(earlier.length).toBeGreaterThan(0);

    const page = await d.open('/ui/opinion');
    const filters = page.getByRole('search', { name: 'Opinion filters' });
    await filters.getByLabel('Since').fill(latest.lastDate);
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(new RegExp(`since=${latest.lastDate}`));
    await page.getByRole('article', { name: latest.author }).waitFor();
    for (const c of earlier) expect(await page.getByRole('article', { name: c.author }).count()).toBe(0);

    // One article's readers, from the author's piece list.
    const piece = latest.pieces[0]!;
    const card = page.getByRole('article', { name: latest.author });
    await card.getByText(/^Pieces \(\d+\)$/).click();
    await card.getByRole('link', { name: "readers' comments" }).first().click();
    await page.waitForURL(new RegExp(`article=${piece.articleId}`));
    await page.getByText('Comments on one article.').waitFor();
    await page.getByRole('link', { name: 'Show all articles' }).waitFor();
    expect(page.problems).toEqual([]);
  }, 60_000);

  it('has no horizontal page scroll in a 390 px window', async () => {
    const page = await d.open('/ui/opinion', 'viewer', { width: 390, height: 844 });
    await page.getByRole('list', { name: 'Authors on the hawkish to engagement axis' }).waitFor();
    await page.getByRole('list', { name: 'Reader comments per article' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(page.problems).toEqual([]);
  }, 30_000);
});
