// Actor page in Chromium: North Korea by ISO3 code and by registry id, its events as source and
// as target (the fixture's tit-for-tat week), counterparts (table and graph), tone chart,
// statements with evidence links, precedents, a person's registry posts, an unknown id, and a
// narrow window.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { EARLIER_EPISODE, storyArticles } from '../helpers/desk-stories.js';
import { describeInBrowser, startDashboard, type Dashboard } from './harness.js';

/** Texts of the rows of a (virtualised) list. */
async function rows(page: Page, name: string | RegExp): Promise<string[]> {
  const list = page.getByRole('list', { name });
  await list.getByRole('listitem').first().waitFor();
  return list.getByRole('listitem').allTextContents();
}

describeInBrowser('dashboard: Actor page', () => {
  let d: Dashboard;
  beforeAll(async () => {
    d = await startDashboard(storyArticles(EARLIER_EPISODE));
  }, 120_000);
  afterAll(async () => d?.close());

  it('shows North Korea by ISO3 code: events as source and as target in a range from the URL', async () => {
    const page = await d.open('/ui/actors/PRK?since=2026-03-02&until=2026-03-09');
    await page.getByRole('heading', { level: 1, name: 'North Korea' }).waitFor();
    await expect(page.getByText('country:PRK', { exact: true }).isVisible()).resolves.toBe(true);
    const asSource = await rows(page, 'Events with North Korea as source');
    // 2026-03-09: North Korea threatened the United States with retaliation.
    expect(asSource.some((r) => /North Korea.*→.*United States.*THREATEN/.test(r))).toBe(true);
    expect(asSource.some((r) => /^2026-03-0[2-9]/.test(r))).toBe(true);
    expect(asSource.every((r) => /\(PRK\)/.test(r.split('→')[0]!))).toBe(true);
    const asTarget = await rows(page, 'Events with North Korea as target');
    // 2026-03-04: the United States threatened new sanctions against North Korea.
    expect(asTarget.some((r) => /United States.*→.*North Korea.*THREATEN/.test(r))).toBe(true);
    expect(asTarget.some((r) => /United States.*→.*North Korea.*AGREE/.test(r))).toBe(true);
    expect(asTarget.every((r) => /\(PRK\)/.test(r.split('→')[1]!))).toBe(true);
    // Nothing outside the range.
    expect([...asSource, ...asTarget].every((r) => !r.startsWith('2026-03-1'))).toBe(true);
    expect(page.problems).toEqual([]);
  }, 60_000);

  it('shows North Korea by registry id with counterparts, tone chart, statements and precedents; a counterpart link opens its page', async () => {
    const page = await d.open('/ui/actors/country:PRK');
    await page.getByRole('heading', { level: 1, name: 'North Korea' }).waitFor();

    const table = page.getByRole('table', { name: /Counterparts of North Korea/ });
    const usa = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'United States', exact: true }) });
    await usa.waitFor();
    const [from, to] = (await usa.getByRole('cell').allTextContents()).map((c) => Number(c.split(/\D/)[0]));
    expect(from).toBeGreaterThanOrEqual(4);
    expect(to).toBeGreaterThanOrEqual(4);
    await page.locator('.graph canvas').first().waitFor({ state: 'attached' });
    expect(await page.locator('.graph canvas').count()).toBeGreaterThan(0);

    const tone = page.locator('figure.chart').filter({ hasText: 'Tone: mean intensity' });
    await tone.locator('canvas').first().waitFor({ state: 'attached' });
    expect(await tone.locator('details table tbody tr').count()).toBeGreaterThan(2);

    const statements = page.getByRole('list', { name: 'Statements and quotes by North Korea' });
    await statements.getByRole('listitem').first().waitFor();
    const evidence = await statements.getByRole('link').first().getAttribute('href');
    expect(evidence).toMatch(/^\/ui\/articles\/\d+\?evidence=.+/);

    // Precedents for North Korea's threat of 2026-03-09: not the US threat of 2026-03-04 (the same
    // crisis), but the threats of the November 2025 episode, and what followed them.
    const pick = page.getByRole('combobox', { name: 'Event' });
    const threat = (await pick.locator('option').allTextContents()).find((o) => /2026-03-09 North Korea → United States THREATEN/.test(o));
    expect(threat).toBeDefined();
    await pick.selectOption({ label: threat! });
    await page.waitForURL(/event=ev\d+/);
    const precedents = page.locator('.precedents > li');
    await precedents.first().waitFor();
    expect(await precedents.first().textContent()).toMatch(/2025-11-0[35].*(?:United States|North Korea).*→.*(?:North Korea|United States).*THREATEN/);
    for (const text of await precedents.allTextContents()) expect(text).not.toMatch(/2026-03-0[4-9]/);
    expect(await precedents.first().textContent()).toMatch(/What followed within 14 days/);
    expect(await precedents.first().locator('.followed li').count()).toBeGreaterThan(2);

    await usa.getByRole('link', { name: 'United States' }).click();
    await page.getByRole('heading', { level: 1, name: 'United States' }).waitFor();
    expect(page.url()).toMatch(/\/ui\/actors\/country%3AUSA/);
    await page.getByRole('table', { name: /Counterparts of United States/ }).getByRole('link', { name: 'North Korea', exact: true }).waitFor();
    expect(page.problems).toEqual([]);
  }, 60_000);

  it("shows a person's registry posts with their dates", async () => {
    const page = await d.open('/ui/actors/person:choe-son-hui');
    await page.getByRole('heading', { level: 1, name: 'Choe Son Hui' }).waitFor();
    const posts = page.getByRole('table', { name: /Posts in the registry/ });
    const current = posts.getByRole('row').filter({ hasText: /^Minister of Foreign Affairs/ });
    await current.getByRole('link', { name: 'Ministry of Foreign Affairs (DPRK)' }).waitFor();
    expect(await current.textContent()).toMatch(/Ministry of Foreign Affairs \(DPRK\).*2022-06.*present/);
    expect(await posts.getByRole('row').filter({ hasText: 'First Vice Minister' }).textContent()).toMatch(/2019-04.*2022-06/);
    await posts.getByRole('link', { name: 'Ministry of Foreign Affairs (DPRK)' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Ministry of Foreign Affairs (DPRK)' }).waitFor();
    await page.getByRole('heading', { name: 'People with a post here' }).waitFor();
    await page.getByRole('link', { name: 'Choe Son Hui' }).waitFor();
    expect(page.problems).toEqual([]);
  }, 60_000);

  it('says so for an unknown actor', async () => {
    const page = await d.open('/ui/actors/person:nobody-at-all');
    await page.getByRole('heading', { level: 1, name: 'Actor not found' }).waitFor();
    expect(await page.getByText('The registry has no actor').textContent()).toContain('person:nobody-at-all');
    expect(page.problems).toEqual([]);
  }, 30_000);

  it('fits a narrow window without horizontal page scroll', async () => {
    const page = await d.open('/ui/actors/PRK', 'viewer', { width: 390, height: 844 });
    await page.getByRole('table', { name: /Counterparts of North Korea/ }).waitFor();
    await page.locator('figure.chart canvas').first().waitFor({ state: 'attached' });
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(scroll).toBeLessThanOrEqual(client);
    expect(page.problems).toEqual([]);
  }, 30_000);
});
