// Dyad view in Chromium: both directions of PRK–USA with their cooperative and conflictual
// counts (checked against GET /trends), the reciprocity line with its pair count, turning points
// that open the timeline of that day, the inputs in the URL, the empty state and a narrow window.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, startDashboard, type Dashboard } from './harness.js';

interface Direction {
  from: string;
  to: string;
  buckets: { events: number; coop: number; conflict: number }[];
}
interface Trend {
  directions: [Direction, Direction];
  reciprocity: { value: number | null; pairs: number };
}

describeInBrowser('dashboard: Dyad', () => {
  let d: Dashboard;
  const trend = async (query: string) => (await (await fetch(`${d.url}/trends?${query}`, { headers: { authorization: `Bearer ${d.tokens.viewer}` } })).json()) as Trend;
  beforeAll(async () => {
    d = await startDashboard();
  }, 120_000);
  afterAll(async () => d?.close());

  it('shows both directions of PRK–USA, the reciprocity line and turning points that open the timeline', async () => {
    const expected = await trend('dyad=PRK-USA&by=day');
    const page = await d.open('/ui/dyad?a=PRK&b=USA');
    await page.getByRole('heading', { name: 'Dyad: PRK ↔ USA' }).waitFor();
    for (const dir of expected.directions) {
      const sum = (k: 'events' | 'coop' | 'conflict') => dir.buckets.reduce((s, b) => s + b[k], 0);
      expect(sum('events')).toBeGreaterThan(0);
      const card = page.getByRole('region', { name: `${dir.from} → ${dir.to}` });
      await card.waitFor();
      expect(await card.textContent()).toContain(`${sum('events')} events: ${sum('coop')} cooperative, ${sum('conflict')} conflictual`);
      expect(await card.getByRole('link', { name: `Timeline of ${dir.from} → ${dir.to} only` }).getAttribute('href')).toBe(`/ui/timeline?dyad=${dir.from}-${dir.to}&directed=true`);
    }

    const r = expected.reciprocity;
    expect(r.value).not.toBeNull();
    const figure = Math.abs(r.value!).toFixed(2).replace(/\.?0+$/, '');
    const line = page.getByRole('region', { name: 'Reciprocity' });
    expect(await line.textContent()).toContain(`Reciprocity ${r.value! < 0 ? '−' : ''}${figure} over ${r.pairs} pairs of days: `);

    expect(await page.getByRole('link', { name: 'Timeline of PRK and USA' }).getAttribute('href')).toBe('/ui/timeline?dyad=PRK-USA');
    const points = page.getByRole('region', { name: 'Turning points' }).getByRole('link');
    expect(await points.count()).toBeGreaterThan(0);
    const day = (await points.first().textContent())!;
    await points.first().click();
    await page.waitForURL(new RegExp(`/ui/timeline\\?dyad=PRK-USA&since=${day}&until=${day}$`));
    const list = page.getByRole('list', { name: 'Events' });
    await list.getByRole('listitem').first().waitFor();
    const days = await list.locator('article .tl-date time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')));
    expect(days.length).toBeGreaterThan(0);
    expect(new Set(days)).toEqual(new Set([day]));
    expect(page.problems).toEqual([]);
  }, 60_000);

  it('keeps its inputs in the URL and says so when a dyad has no events', async () => {
    const page = await d.open('/ui/dyad?a=PRK&b=USA');
    await page.getByRole('region', { name: 'Reciprocity' }).waitFor();
    await page.getByRole('combobox', { name: /^Per/ }).selectOption('week');
    await page.waitForURL(/by=week/);
    await page.getByRole('region', { name: 'Reciprocity' }).getByText(/pairs of weeks/).waitFor();

    await page.getByRole('textbox', { name: 'First country' }).fill('FRA');
    await page.getByRole('textbox', { name: 'Second country' }).fill('BRA');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/a=FRA&b=BRA/);
    await page.getByText('No events between FRA and BRA').waitFor();
    await page.reload();
    await page.getByText('No events between FRA and BRA').waitFor();
    expect(await page.getByRole('textbox', { name: 'First country' }).inputValue()).toBe('FRA');
    expect(await page.getByRole('region', { name: 'Reciprocity' }).count()).toBe(0);
    expect(page.problems).toEqual([]);
  }, 60_000);

  it('asks for two countries, and fits a narrow window', async () => {
    const page = await d.open('/ui/dyad');
    await page.getByText('Choose two countries').waitFor();
    const narrow = await d.open('/ui/dyad?a=PRK&b=USA', 'viewer', { width: 390, height: 844 });
    await narrow.getByRole('region', { name: 'Reciprocity' }).waitFor();
    await narrow.locator('.dy-chart canvas').waitFor();
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect([...page.problems, ...narrow.problems]).toEqual([]);
  }, 60_000);
});
