// Trends screen in Chromium: an actor's attention and tone charts with the fixture's spike,
// the subject and range round-tripping through the URL (a reload keeps them), a compared
// actor as a second series, a keyword trend, and a narrow window.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { describeInBrowser, startDashboard, type Dashboard } from './harness.js';

function chart(page: Page, title: string | RegExp): Locator {
  return page.locator('figure.chart').filter({ has: page.locator('figcaption', { hasText: title }) });
}

/** Header cells and rows of a chart's data table (inside a closed <details>, so read as text). */
async function table(c: Locator): Promise<{ head: string[]; rows: string[][] }> {
  await c.locator('canvas').first().waitFor({ state: 'attached' });
  const head = await c.locator('details thead th').allTextContents();
  const rows = await c.locator('details tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  return { head, rows };
}

describeInBrowser('dashboard: Trends', () => {
  let d: Dashboard;
  beforeAll(async () => {
    d = await startDashboard();
  }, 120_000);
  afterAll(async () => d?.close());

  it('charts attention and tone for an actor and lists the spike day with its z-score and timeline link', async () => {
    const page = await d.open('/ui/trends?actor=PRK&by=day');
    await page.getByRole('heading', { level: 1, name: 'Trends: PRK' }).waitFor();
    const attention = await table(chart(page, 'Attention: PRK, per day'));
    expect(attention.head).toEqual(['day', 'articles', 'mentions']);
    const busiest = attention.rows.find((r) => r[0] === '2026-03-09');
    expect(Number(busiest?.[1])).toBeGreaterThan(0);
    const tone = await table(chart(page, 'Tone: mean intensity of PRK events'));
    // 2026-03-09: North Korea threatened the United States (conflict), among other events.
    expect(tone.rows.some((r) => Number(r[1]) < 0)).toBe(true);
    await chart(page, 'Cooperation vs conflict').locator('canvas').first().waitFor({ state: 'attached' });

    const spikes = page.getByRole('list', { name: 'Spikes for PRK' });
    const spike = spikes.getByRole('listitem').filter({ hasText: '2026-03-10' });
    expect(await spike.textContent()).toMatch(/events spike \(z \d+(\.\d)?\)/);
    expect(await spike.getByRole('link').getAttribute('href')).toBe('/ui/timeline?actor=PRK&since=2026-03-10&until=2026-03-10');
    expect(page.problems).toEqual([]);
  }, 60_000);

  it('takes the subject and range from the form into the URL, keeps them on reload, and overlays a compared actor', async () => {
    const page = await d.open('/ui/trends');
    await page.getByText('Pick what to follow').waitFor();
    await page.getByLabel(/^Follow/).selectOption('actor');
    await page.getByLabel(/^Actor/).fill('PRK');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByLabel(/^Per/).selectOption('week');
    await page.getByLabel(/^From/).fill('2026-03-01');
    await page.getByLabel(/^To/).fill('2026-03-22');
    await page.waitForURL(/since=2026-03-01.*until=2026-03-22|until=2026-03-22.*since=2026-03-01/);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({ actor: 'PRK', by: 'week', since: '2026-03-01', until: '2026-03-22' });

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Trends: PRK' }).waitFor();
    expect(await page.getByLabel(/^Actor/).inputValue()).toBe('PRK');
    expect(await page.getByLabel(/^From/).inputValue()).toBe('2026-03-01');
    expect(await page.getByLabel(/^Per/).inputValue()).toBe('week');
    const weeks = (await table(chart(page, 'Attention: PRK, per week'))).rows.map((r) => r[0]);
    expect(weeks).toEqual(['2026-02-23', '2026-03-02', '2026-03-09', '2026-03-16']);

    await page.getByLabel(/^Compare with/).fill('USA');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByRole('heading', { level: 1, name: 'Trends: PRK vs USA' }).waitFor();
    expect(new URL(page.url()).searchParams.get('compare')).toBe('USA');
    const both = await table(chart(page, /^Attention: articles per week — PRK, USA/));
    expect(both.head).toEqual(['day', 'PRK', 'USA']);
    expect(both.rows.some((r) => Number(r[2]) > 0)).toBe(true);
    const tone = await table(chart(page, /^Tone: mean intensity — PRK, USA/));
    expect(tone.head).toEqual(['day', 'PRK', 'USA']);
    await page.getByRole('list', { name: 'Spikes for USA' }).or(page.getByText('No spikes for USA')).first().waitFor();
    expect(page.problems).toEqual([]);
  }, 60_000);

  it('follows a keyword through the articles (no tone) and a dyad with its reciprocity', async () => {
    const page = await d.open('/ui/trends?keyword=sanctions&by=day');
    const attention = await table(chart(page, 'Attention: sanctions, per day'));
    expect(attention.head).toEqual(['day', 'articles']);
    // 2026-03-04: "The United States on Wednesday threatened new sanctions against North Korea."
    expect(attention.rows.find((r) => r[0] === '2026-03-04')?.[1]).toBe('1');
    await page.getByText('a keyword follows articles only').waitFor();
    expect(await chart(page, 'Tone:').count()).toBe(0);

    await page.goto(`${d.url}/ui/trends?dyad=PRK-USA&by=day&since=2026-03-01&until=2026-03-15`);
    const tone = await table(chart(page, 'Tone: mean intensity of PRK-USA events'));
    expect(tone.head).toEqual(['day', 'mean intensity', 'PRK → USA', 'USA → PRK']);
    await page.getByRole('heading', { name: 'Reciprocity' }).waitFor();
    expect(page.problems).toEqual([]);
  }, 60_000);

  it('fits a narrow window without horizontal page scroll', async () => {
    const page = await d.open('/ui/trends?actor=PRK&compare=USA', 'viewer', { width: 390, height: 844 });
    await chart(page, /^Attention/).locator('canvas').first().waitFor({ state: 'attached' });
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(scroll).toBeLessThanOrEqual(client);
    expect(page.problems).toEqual([]);
  }, 30_000);
});
