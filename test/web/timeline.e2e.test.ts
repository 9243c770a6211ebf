// Timeline screen in Chromium: US–North Korea events with intensity and report counts (one per
// article), filters and date range in the URL (a reload shows the same view; the type filter is
// the API's), the overview chart's counts (GET /timeline/counts) and drag-to-zoom, following a
// response arrow (mouse and keyboard) to the answered event and its evidence, a focused event
// further down or outside the filters (GET /events/{id}), the empty state and a narrow window.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { backgroundStories, storyArticles } from '../helpers/desk-stories.js';
import { describeInBrowser, startDashboard, type Dashboard } from './harness.js';

type Row = { id: string; date: string | null; sortDate: string; type: string };

describeInBrowser('dashboard: Timeline', () => {
  let d: Dashboard;
  let all: Row[];
  beforeAll(async () => {
    // A month of another dyad's events, so the store holds more than the list's first page (100).
    d = await startDashboard(storyArticles(backgroundStories(28)));
    const res = await fetch(`${d.url}/timeline?limit=500`, { headers: { authorization: `Bearer ${d.tokens.viewer}` } });
    all = ((await res.json()) as { items: Row[] }).items;
  }, 120_000);
  afterAll(async () => d?.close());

  const list = (page: Page) => page.getByRole('list', { name: 'Events' });
  const row = (page: Page, name: RegExp) => page.getByRole('article', { name });
  /** A row, scrolling the virtualised list down until it is rendered. */
  const findRow = async (page: Page, name: RegExp) => {
    const r = row(page, name);
    for (let i = 0; i < 40 && (await r.count()) === 0; i++) {
      await list(page).evaluate((el) => el.scrollBy(0, 300));
      await page.waitForTimeout(50);
    }
    return r;
  };
  const rowDates = async (page: Page) => (await list(page).locator('article .tl-date time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''))) as string[];

  it('shows PRK↔USA events with intensity, marks and report counts', async () => {
    const page = await d.open('/ui/timeline?dyad=PRK-USA');
    await list(page).getByRole('listitem').first().waitFor();
    await expect.poll(() => page.getByRole('status').filter({ hasText: /\d+ events between PRK and USA/ }).count()).toBe(1);

    const threat = row(page, /^ev\d+: THREATEN 2026-03-04$/);
    await expect.poll(() => threat.textContent()).toContain('United States (USA) → North Korea (PRK)');
    expect(await threat.locator('.intensity').textContent()).toBe('-5');
    expect(await threat.textContent()).toContain('1 report: Harbor Ledger');
    // An event reported by several outlets, a planned one (the envoy's offer of 9 March, which the 11 March report dates "two days after") and a conditional offer are marked.
    for (const text of await list(page).locator('article .tl-actors').allTextContents()) expect(text).toMatch(/\(PRK\).*\(USA\)|\(USA\).*\(PRK\)/);
    expect(await (await findRow(page, /^ev\d+: REJECT 2026-03-11$/)).textContent()).toContain('3 reports: Harbor Ledger, Peninsula Watch');
    expect(await (await findRow(page, /^ev\d+: CONSULT 2026-03-09$/)).locator('.tl-mark').allTextContents()).toEqual(['planned']);
    // "would not refuse talks if …" is a conditional offer (src/analyze/events/coding.ts), not a negated refusal.
    expect(await (await findRow(page, /^ev\d+: AGREE 2026-03-13$/)).locator('.tl-mark').allTextContents()).toEqual(['hypothetical']);
    expect(page.problems).toEqual([]);
  }, 60_000);

  it('narrows by dyad, type and dates through the URL, and a reload shows the same view', async () => {
    const page = await d.open('/ui/timeline');
    await list(page).getByRole('listitem').first().waitFor();
    await page.getByRole('status').filter({ hasText: 'more load as you scroll' }).waitFor();
    expect(await list(page).getByText('(KOR)').count()).toBeGreaterThan(0);

    await page.getByLabel('Dyad', { exact: true }).fill('PRK-USA');
    await page.getByLabel('Dyad', { exact: true }).press('Enter');
    await page.waitForURL(/\/ui\/timeline\?dyad=PRK-USA$/);
    await page.getByRole('status').filter({ hasText: 'between PRK and USA' }).waitFor();
    expect(await list(page).getByText('(KOR)').count()).toBe(0);

    await page.getByRole('combobox', { name: /^Type/ }).selectOption('THREATEN');
    await page.waitForURL(/type=THREATEN/);
    await expect.poll(async () => new Set(await list(page).locator('.etype').allTextContents())).toEqual(new Set(['THREATEN', 'THREATEN/ban']));
    await page.getByRole('combobox', { name: /^Type/ }).selectOption('');

    await page.getByLabel('Since', { exact: true }).fill('2026-03-04');
    await page.getByLabel('Until', { exact: true }).fill('2026-03-06');
    await page.waitForURL(/since=2026-03-04&until=2026-03-06/);
    await expect.poll(() => rowDates(page)).toEqual(['2026-03-04', '2026-03-05', '2026-03-06']);

    await page.reload();
    await expect.poll(() => rowDates(page)).toEqual(['2026-03-04', '2026-03-05', '2026-03-06']);
    expect(await page.getByLabel('Dyad', { exact: true }).inputValue()).toBe('PRK-USA');
    expect(await page.getByLabel('Since', { exact: true }).inputValue()).toBe('2026-03-04');
    expect(page.problems).toEqual([]);
  }, 60_000);

  it('filters types in the API and counts every event in the overview, not only the loaded ones', async () => {
    const threats = all.filter((e) => e.type === 'THREATEN' || e.type === 'SANCTION');
    expect(all.length).toBeGreaterThan(100); // more than the first page
    const page = await d.open('/ui/timeline');
    const days = page.locator('.tl-overview .tl-days li');
    await page.getByText('Events per day (all dates)').waitFor();
    const perDay = await days.evaluateAll((els) => els.map((el) => Number(el.querySelector('.muted')?.textContent ?? 0)));
    expect(perDay.reduce((n, c) => n + c, 0)).toBe(all.length);
    await page.getByRole('status').filter({ hasText: `100 of ${all.length} events; more load as you scroll.` }).waitFor();

    const asked = page.waitForRequest((r) => /\/timeline\?(.*&)?type=THREATEN%2CSANCTION/.test(r.url()));
    await page.goto(`${d.url}/ui/timeline?type=THREATEN,SANCTION`);
    await asked;
    await page.getByRole('status').filter({ hasText: `${threats.length} events of type THREATEN, SANCTION.` }).waitFor();
    expect(await list(page).locator('article').count()).toBe(threats.length);
    expect(await page.getByRole('combobox', { name: /^Type/ }).inputValue()).toBe('THREATEN,SANCTION');
    await page.getByText('Events per day, of type THREATEN, SANCTION (all dates)').waitFor();
    const threatDays = await days.evaluateAll((els) => els.map((el) => Number(el.querySelector('.muted')?.textContent ?? 0)));
    expect(threatDays.reduce((n, c) => n + c, 0)).toBe(threats.length);
    expect(page.problems).toEqual([]);
  }, 60_000);

  it('shows one speaker\'s rejection and accusation in one sentence as one occasion, one report', async () => {
    const page = await d.open('/ui/timeline?dyad=PRK-USA');
    const rejection = row(page, /^ev\d+: REJECT 2026-03-05$/);
    expect(await rejection.locator('.reports').textContent()).toBe('1 report: Daily Meridian');
    await rejection.getByRole('button', { name: 'Reports and evidence (1)' }).click();
    const reports = rejection.getByRole('list', { name: /^Reports of ev\d+$/ }).getByRole('listitem');
    expect(await reports.count()).toBe(1);
    // The accusation in the same sentence is the same occasion (src/analyze/events/happenings.ts), not a second event.
    expect(await reports.first().textContent()).not.toContain('also coded');
    expect(await reports.first().getByRole('link', { name: 'Open in the article' }).count()).toBe(1);
    expect(page.problems).toEqual([]);
  }, 60_000);

  it('sets the date range by dragging across the overview chart', async () => {
    const page = await d.open('/ui/timeline?dyad=PRK-USA');
    const over = page.locator('.tl-overview .u-over');
    await over.waitFor();
    const box = (await over.boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + 2, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.05, y, { steps: 5 });
    await page.mouse.up();
    await page.waitForURL(/since=\d{4}-\d\d-\d\d&until=\d{4}-\d\d-\d\d/);
    const q = new URL(page.url()).searchParams;
    const [since, until] = [q.get('since')!, q.get('until')!];
    expect(since <= until).toBe(true);
    await expect.poll(async () => (await rowDates(page)).length).toBeGreaterThan(0);
    for (const day of await rowDates(page)) expect(day >= since && day <= until).toBe(true);
    expect(page.problems).toEqual([]);
  }, 60_000);

  it('follows a response arrow to the answered event and the evidence of the link', async () => {
    const page = await d.open('/ui/timeline?dyad=PRK-USA');
    const rejection = row(page, /^ev\d+: REJECT 2026-03-05$/);
    const from = ((await rejection.getAttribute('aria-label')) ?? '').split(':')[0]!;
    const arrow = rejection.getByRole('link', { name: /answers ev\d+/ });
    const to = /ev\d+/.exec((await arrow.textContent()) ?? '')![0];
    await arrow.click();
    await page.waitForURL(new RegExp(`focus=${to}&link=${from}-${to}`));

    const answered = row(page, new RegExp(`^${to}: AGREE 2026-03-02$`));
    await expect.poll(() => answered.evaluate((el) => el === document.activeElement && el.classList.contains('tl-focused'))).toBe(true);
    expect(await answered.getByRole('link', { name: `answered by ${from}` }).count()).toBe(1);
    // Its reports open by themselves, each linking to its sentence in the article.
    const report = answered.getByRole('link', { name: 'Open in the article' }).first();
    expect(await report.getAttribute('href')).toMatch(/^\/ui\/articles\/\d+\?evidence=The%20United%20States%20on%20Monday%20offered/);

    const panel = page.getByRole('region', { name: 'Response link' });
    await panel.getByText('North Korea on Thursday rejected the US offer of talks').waitFor();
    expect(await panel.textContent()).toMatch(/rule reciprocity, confidence 0\.\d+/);
    await panel.getByRole('link', { name: 'Open the evidence in the article' }).click();
    await page.waitForURL(/\/ui\/articles\/\d+\?evidence=North%20Korea%20on%20Thursday%20rejected/);
    // The article opens on that sentence, highlighted and focused.
    const evidence = page.locator('#article-evidence');
    await evidence.waitFor();
    expect(await evidence.textContent()).toBe('North Korea on Thursday rejected the US offer of talks and accused Washington of hostility.');
    await page.waitForFunction(() => document.activeElement?.id === 'article-evidence');
    expect(page.problems).toEqual([]);
  }, 60_000);

  it('follows an arrow from the keyboard: Tab to it, Enter', async () => {
    const page = await d.open('/ui/timeline?dyad=PRK-USA');
    const rejection = row(page, /^ev\d+: REJECT 2026-03-05$/);
    await rejection.focus();
    let text = '';
    for (let i = 0; i < 12 && !text.includes('answers'); i++) {
      await page.keyboard.press('Tab');
      text = await page.evaluate(() => document.activeElement?.textContent ?? '');
    }
    expect(text).toMatch(/^↩ answers ev\d+$/);
    await page.keyboard.press('Enter');
    const to = /ev\d+/.exec(text)![0];
    await page.waitForURL(new RegExp(`focus=${to}`));
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toMatch(new RegExp(`^${to}: AGREE 2026-03-02$`));
    expect(page.problems).toEqual([]);
  }, 60_000);

  it('goes to a focused event further down, or shows one the filters leave out', async () => {
    const last = all[all.length - 1]!;
    expect(all.length).toBeGreaterThan(100); // past the first page
    const page = await d.open(`/ui/timeline?focus=${last.id}`);
    const target = row(page, new RegExp(`^${last.id}:`));
    await expect.poll(() => target.evaluate((el) => el === document.activeElement), { timeout: 15_000 }).toBe(true);
    expect(await target.getAttribute('class')).toContain('tl-focused');

    const agree = all.find((e) => e.type === 'AGREE' && e.date === '2026-03-02')!;
    // One event read on its own (GET /events/{id}), with every event that answers it, loaded or not.
    const asked = page.waitForRequest((r) => r.url().endsWith(`/events/${agree.id}`));
    await page.goto(`${d.url}/ui/timeline?dyad=PRK-USA&until=2026-03-01&focus=${agree.id}`);
    await asked;
    const before = page.getByRole('region', { name: `${agree.id}, outside this view` });
    await before.getByText('it is dated 2026-03-02, after 2026-03-01').waitFor();
    expect(await before.getByRole('link', { name: /^answered by ev\d+$/ }).count()).toBeGreaterThan(0);

    await page.goto(`${d.url}/ui/timeline?dyad=PRK-USA&since=2026-03-05&focus=${agree.id}`);
    const outside = page.getByRole('region', { name: `${agree.id}, outside this view` });
    await outside.getByText(`it is dated 2026-03-02, before 2026-03-05`).waitFor();
    await outside.getByRole('link', { name: 'Show it in the timeline' }).click();
    await page.waitForURL(/since=2026-03-02/);
    await expect.poll(() => list(page).getByRole('article', { name: new RegExp(`^${agree.id}:`) }).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(page.problems).toEqual([]);
  }, 60_000);

  it('says so when a dyad has no events, and fits a narrow window', async () => {
    const page = await d.open('/ui/timeline?dyad=FRA-BRA');
    await page.getByText('No events match these filters').waitFor();
    expect(await page.getByRole('link', { name: 'Show all events' }).getAttribute('href')).toBe('/ui/timeline');

    const narrow = await d.open('/ui/timeline?dyad=PRK-USA', 'viewer', { width: 390, height: 844 });
    await list(narrow).getByRole('listitem').first().waitFor();
    await narrow.getByRole('button', { name: /Reports and evidence/ }).first().click();
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect([...page.problems, ...narrow.problems]).toEqual([]);
  }, 60_000);

  it('shows the API’s refusal with a way to try again', async () => {
    const page = await d.open('/ui/timeline?since=2026-03-10&until=2026-03-01');
    const alert = page.getByRole('alert').filter({ hasText: 'Could not load this.' });
    await alert.getByText('since: 2026-03-10 is after until 2026-03-01').waitFor();
    expect(await alert.getByRole('button', { name: 'Try again' }).count()).toBe(1);
    // The browser logs the 400 response itself; nothing else may go wrong.
    expect(page.problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
  }, 60_000);
});
