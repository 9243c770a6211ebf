// Briefs screen in Chromium: an analyst builds a PRK brief over the fixture's March 2026 dates,
// reads ranked items with evidence links into the article view, saves it, finds it in the list
// and reopens it by ?id=, downloads it as Markdown, prints only the brief; a viewer is told
// that building briefs needs the analyst role; a narrow window does not scroll sideways.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, startDashboard, type Dashboard } from './harness.js';

const TITLE = 'Readout brief: PRK, 2026-03-01 – 2026-03-20';

describeInBrowser('dashboard: Briefs', () => {
  let d: Dashboard;
  let savedId = '';
  beforeAll(async () => {
    d = await startDashboard();
  }, 120_000);
  afterAll(async () => d?.close());

  it('generates a saved PRK brief with ranked items and evidence links, lists it and reopens it by ?id=', async () => {
    const page = await d.open('/ui/briefs', 'analyst');
    await page.getByText('Generate a brief with the form, or open a saved one from the list.').waitFor();
    await page.getByText('No saved briefs yet.', { exact: false }).waitFor();
    await page.getByLabel('Window').selectOption('dates');
    await page.getByLabel('From', { exact: true }).fill('2026-03-01');
    await page.getByLabel('To', { exact: true }).fill('2026-03-20');
    await page.getByLabel(/Focus country/).fill('prk');
    expect(await page.getByLabel('Save it to the list').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Generate brief' }).click();
    await page.waitForURL(/\/ui\/briefs\?.*id=(\d+)/);
    savedId = new URL(page.url()).searchParams.get('id')!;
    expect(new URL(page.url()).searchParams.get('focus')).toBe('PRK');

    const brief = page.getByRole('article', { name: TITLE });
    await brief.waitFor();
    const statements = brief.getByRole('region', { name: 'Key statements and responses' });
    const items = statements.getByRole('listitem').filter({ has: page.locator('.brief-item-head') });
    expect(await items.count()).toBeGreaterThan(2);
    // Items come in score order (src/briefs/rank.ts: outlets, the speaker's rank, novelty, not
    // intensity); the top one is a North Korean answer to the US offer ("a hollow gesture").
    await items.first().locator('.brief-item-head').waitFor();
    const scores = (await items.allTextContents()).map((t) => Number(/score (\d(?:\.\d+)?)/.exec(t)?.[1]));
    expect(scores.every((s, i) => Number.isFinite(s) && (i === 0 || s <= scores[i - 1]!)), String(scores)).toBe(true);
    expect(await items.first().textContent()).toMatch(/\(PRK\)[\s\S]*hollow gesture/);
    const evidence = brief.getByRole('link', { name: /^Evidence in / });
    expect(await evidence.count()).toBeGreaterThan(2);
    const href = (await evidence.first().getAttribute('href'))!;
    expect(href).toMatch(/^\/ui\/articles\/\d+\?evidence=.+/);
    await brief.getByRole('region', { name: 'Who answered whom' }).getByText(/answered ev\d+/).first().waitFor();
    await brief.getByRole('region', { name: 'Trend lines' }).getByRole('img', { name: /^PRK: \d+ articles/ }).waitFor();

    const list = page.getByRole('region', { name: 'Saved briefs' });
    const saved = list.getByRole('link', { name: TITLE });
    await saved.waitFor();
    expect(await saved.getAttribute('aria-current')).toBe('page');

    // The evidence link lands on the sentence in the article view.
    const sentence = new URL(href, d.url).searchParams.get('evidence')!;
    await evidence.first().click();
    await page.waitForURL(/\/ui\/articles\/\d+\?evidence=/);
    await page.locator('#article-evidence').waitFor();
    expect((await page.locator('#article-evidence').textContent())!.replace(/\s+/g, ' ')).toBe(sentence.replace(/\s+/g, ' '));

    const reopened = await d.open(`/ui/briefs?id=${savedId}`, 'viewer');
    await reopened.getByRole('article', { name: TITLE }).getByRole('region', { name: 'Key statements and responses' }).getByRole('link', { name: /^Evidence in / }).first().waitFor();
    await reopened.getByText(`Saved brief #${savedId}.`).waitFor();
    expect(page.problems).toEqual([]);
    expect(reopened.problems).toEqual([]);
  }, 90_000);

  it('downloads the brief as Markdown and prints only the brief', async () => {
    const page = await d.open(`/ui/briefs?id=${savedId}`, 'viewer');
    const brief = page.getByRole('article', { name: TITLE });
    await brief.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Markdown' }).click()]);
    expect(download.suggestedFilename()).toBe('readout-brief-prk-2026-03-01-2026-03-20.md');
    const markdown = readFileSync((await download.path())!, 'utf8');
    expect(markdown).toContain(`# ${TITLE}`);
    expect(markdown).toContain('## Key statements and responses');

    const [html] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download HTML' }).click()]);
    expect(html.suggestedFilename()).toMatch(/\.html$/);
    expect(readFileSync((await html.path())!, 'utf8')).toContain('Key statements and responses');

    const nav = page.getByRole('navigation', { name: 'Screens' });
    expect(await nav.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await nav.isVisible()).toBe(false);
    expect(await page.getByRole('region', { name: 'Saved briefs' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await brief.isVisible()).toBe(true);
    expect(await brief.locator('.brief-item').first().evaluate((el) => getComputedStyle(el).breakInside)).toBe('avoid');
    await page.emulateMedia({ media: 'screen' });
    expect(await nav.isVisible()).toBe(true);
    expect(page.problems).toEqual([]);
  }, 60_000);

  it('shows an unsaved brief and exports it by building it again', async () => {
    const page = await d.open('/ui/briefs?since=2026-03-01&until=2026-03-20', 'analyst');
    await page.getByLabel('Save it to the list').uncheck();
    await page.getByRole('button', { name: 'Generate brief' }).click();
    const brief = page.getByRole('article', { name: 'Readout brief, 2026-03-01 – 2026-03-20' });
    await brief.getByRole('link', { name: /^Evidence in / }).first().waitFor();
    await page.getByText('Not saved: tick “Save it to the list” to keep it.').waitFor();
    expect(new URL(page.url()).searchParams.get('id')).toBeNull();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Markdown' }).click()]);
    expect(download.suggestedFilename()).toBe('readout-brief-2026-03-01-2026-03-20.md');
    expect(readFileSync((await download.path())!, 'utf8')).toContain('# Readout brief, 2026-03-01 – 2026-03-20');
    expect(await page.getByRole('region', { name: 'Saved briefs' }).getByRole('listitem').count()).toBe(1);
    expect(page.problems).toEqual([]);
  }, 60_000);

  it('tells a viewer that generating briefs needs the analyst role', async () => {
    const page = await d.open('/ui/briefs', 'viewer');
    await page.getByText('Generating briefs needs the analyst role.').waitFor();
    expect(await page.getByRole('button', { name: 'Generate brief' }).count()).toBe(0);
    await page.getByRole('region', { name: 'Saved briefs' }).getByRole('link', { name: TITLE }).waitFor();
    expect(page.problems).toEqual([]);
  }, 30_000);

  it('has no horizontal page scroll in a 390 px window', async () => {
    const page = await d.open(`/ui/briefs?id=${savedId}`, 'analyst', { width: 390, height: 844 });
    await page.getByRole('article', { name: TITLE }).getByRole('region', { name: 'Trend lines' }).getByRole('img').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(page.problems).toEqual([]);
  }, 30_000);
});
