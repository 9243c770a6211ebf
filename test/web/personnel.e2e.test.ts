// Personnel in Chromium: post holders per institution from the registry and the demo articles,
// the change feed with evidence sentences linking to the article (sentence highlighted there),
// filters in the URL (person, country) that narrow both, and a narrow window without sideways
// scrolling.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, startDashboard, type Dashboard } from './harness.js';

interface ChangePage { items: { person: string; change: string; evidence: { articleId: number; sentence: string } }[] }

describeInBrowser('dashboard: Personnel', () => {
  let d: Dashboard;
  beforeAll(async () => {
    d = await startDashboard();
  }, 120_000);
  afterAll(async () => d?.close());

  it('shows holders per institution and the changes with their evidence', async () => {
    // What the fixture holds, from the API the screen reads.
    const api = (await (await fetch(`${d.url}/personnel/changes?limit=100`, { headers: { authorization: `Bearer ${d.tokens.viewer}` } })).json()) as ChangePage;
    const kept = api.items.find((c) => c.change === 'kept');
    expect(kept).toBeDefined();

    const page = await d.open('/ui/personnel');
    await page.getByRole('heading', { name: 'Personnel' }).waitFor();
    // A registry holder, grouped under the institution, linking to the person's actor page.
    const wpk = page.getByRole('region', { name: 'Central Committee of the Workers\' Party of Korea' });
    const kimYoJong = wpk.getByRole('link', { name: 'Kim Yo Jong' });
    await kimYoJong.waitFor();
    expect(await kimYoJong.getAttribute('href')).toBe('/ui/actors/person%3Akim-yo-jong');
    expect(await wpk.textContent()).toContain('Vice Department Director of the WPK Central Committee');
    // A post only articles report, with the sentence it was read in.
    const hanbit = page.getByRole('region', { name: 'Hanbit University in Seoul' });
    await hanbit.getByRole('link', { name: 'Kim Yun-seo', exact: true }).waitFor();
    expect(await hanbit.getByRole('link', { name: /professor of international relations at Hanbit University/ }).getAttribute('href')).toMatch(/^\/ui\/articles\/\d+\?evidence=Kim%20Yun-seo/);

    // The change feed: every change of the fixture, the "kept" one with its evidence link.
    const feed = page.getByRole('list', { name: 'Personnel changes, newest first' });
    await feed.getByRole('listitem').first().waitFor();
    expect(await feed.getByRole('listitem').count()).toBe(api.items.length);
    const evidence = feed.getByRole('link', { name: kept!.evidence.sentence });
    expect(await evidence.first().getAttribute('href')).toBe(`/ui/articles/${kept!.evidence.articleId}?evidence=${encodeURIComponent(kept!.evidence.sentence)}`);
    expect(await feed.locator('.tag').allTextContents()).toContain('kept');
    expect(page.problems).toEqual([]);
  }, 60_000);

  it('narrows holders and changes by person and by country through the URL', async () => {
    const page = await d.open('/ui/personnel');
    const filters = page.getByRole('search', { name: 'Personnel filters' });
    await filters.getByLabel('Person').fill('Richard Coyle');
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/\?person=Richard\+Coyle$/);
    const feed = page.getByRole('list', { name: 'Personnel changes, newest first' });
    await feed.getByRole('listitem').first().waitFor();
    const people = await feed.getByRole('listitem').evaluateAll((items) => items.map((li) => li.querySelector('a')?.textContent));
    expect(people.length).toBeGreaterThan(1);
    expect(new Set(people)).toEqual(new Set(['Richard Coyle']));

    // Country: only the registry's North Korean institutions and people.
    await page.goto(`${d.url}/ui/personnel?country=PRK`);
    await page.getByRole('link', { name: 'Kim Jong Un' }).first().waitFor();
    expect(await page.getByRole('link', { name: 'Ursula von der Leyen' }).count()).toBe(0);
    expect(await page.getByRole('search', { name: 'Personnel filters' }).getByLabel('Country').inputValue()).toBe('PRK');
    expect(page.problems).toEqual([]);
  }, 60_000);

  it('has no horizontal page scroll in a 390 px window', async () => {
    const page = await d.open('/ui/personnel', 'viewer', { width: 390, height: 844 });
    await page.getByRole('list', { name: 'Personnel changes, newest first' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(page.problems).toEqual([]);
  }, 30_000);
});
