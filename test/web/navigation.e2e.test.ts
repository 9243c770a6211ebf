// The frame around the screens in Chromium: every screen is reached from the navigation with
// the keyboard alone, a link to an unknown screen says so, a refused token leads back to
// sign-in with the reason, and the Live screen fits a narrow window.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, startDashboard, type Dashboard } from './harness.js';

const SCREENS: [link: string, heading: RegExp][] = [
  ['Timeline', /^Timeline/],
  ['Dyad', /^Dyad/],
  ['Trends', /^Trends/],
  ['Personnel', /^Personnel/],
  ['Columnists & readers', /^Columnists and readers/],
  ['Search', /^Search/],
  ['Briefs', /^Briefs/],
  ['Sources', /^Sources/],
  ['Rules & alerts', /^Watch rules and alerts/],
  ['Live', /^Live/],
];

describeInBrowser('dashboard: navigation', () => {
  let d: Dashboard;
  beforeAll(async () => {
    d = await startDashboard();
  }, 120_000);
  afterAll(async () => d?.close());

  it('reaches every screen from the navigation with the keyboard', async () => {
    const page = await d.open();
    const nav = page.getByRole('navigation', { name: 'Screens' });
    for (const [link, heading] of SCREENS) {
      await nav.getByRole('link', { name: link, exact: true }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      expect(await nav.getByRole('link', { name: link, exact: true }).getAttribute('aria-current')).toBe('page');
    }
    // The skip link is the first stop and moves focus to the screen.
    await page.goto(`${d.url}/ui/search`);
    await page.getByRole('heading', { level: 1, name: /^Search/ }).waitFor();
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(page.problems).toEqual([]);
  }, 60_000);

  it('says when a screen does not exist and signs out to the token form', async () => {
    const page = await d.open('/ui/no-such-screen');
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API token').waitFor();
    await page.getByLabel('API token').fill('rdt_not-a-real-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('unknown or revoked token').waitFor();
    await page.getByLabel('API token').fill(d.tokens.viewer);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
    // The refused sign-in is the one console line allowed (Chromium logs the 401).
    expect(page.problems.filter((p) => !/401/.test(p))).toEqual([]);
  }, 60_000);

  it('fits a 390 px window without horizontal page scroll', async () => {
    const page = await d.open('/ui/', 'viewer', { width: 390, height: 844 });
    await page.getByRole('list', { name: 'Live feed' }).getByRole('listitem').first().waitFor();
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
