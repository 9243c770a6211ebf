// Article view in Chromium: the analysed text with entities and quotes highlighted in place, a
// listed quote shown in the text when chosen, ?evidence= highlighting (and focusing) the cited
// sentence despite whitespace differences, the raw document sanitised (no script survives), the
// no-raw state, reader comments, and a narrow window.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ingestRecords } from '../helpers/ingested-store.js';
import { describeInBrowser, startDashboard, type Dashboard } from './harness.js';

interface Detail {
  article: { id: number; url: string; title: string; rawHash: string | null };
  analysis: { analysis: { events: { sentence?: { text: string } }[] } } | null;
  comments: { author: string | null }[];
}

describeInBrowser('dashboard: Article view', () => {
  let d: Dashboard;
  let rejects: Detail;
  beforeAll(async () => {
    d = await startDashboard();
    const hits = await apiGet<{ items: { id: number; title: string }[] }>('/search?q=%22hollow+gesture%22&order=newest&limit=10');
    const id = hits.items.find((h) => h.title === 'North Korea rejects US talks offer as ‘a hollow gesture’')!.id;
    rejects = await apiGet<Detail>(`/articles/${id}`);
  }, 120_000);
  afterAll(async () => d?.close());

  async function apiGet<T>(path: string): Promise<T> {
    const res = await fetch(d.url + path, { headers: { authorization: `Bearer ${d.tokens.viewer}` } });
    return (await res.json()) as T;
  }

  it('highlights entities and quotes in the text and shows a chosen quote there', async () => {
    const page = await d.open(`/ui/articles/${rejects.article.id}`);
    await page.getByRole('heading', { level: 1, name: rejects.article.title }).waitFor();
    const link = page.getByRole('link', { name: rejects.article.url });
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await link.getAttribute('target')).toBe('_blank');

    const text = page.locator('.article-text');
    await text.locator('mark.article-entity.ent-person', { hasText: 'Ryom Chol Min' }).first().waitFor();
    await text.locator('mark.article-entity.ent-country', { hasText: 'North Korea' }).first().waitFor();
    await text.locator('.article-quote', { hasText: 'a hollow gesture' }).first().waitFor();
    await text.locator('.article-trigger', { hasText: 'rejected a renewed US offer' }).first().waitFor();
    expect(await text.textContent()).toContain('North Korea on Wednesday rejected a renewed US offer of unconditional talks');

    const panel = page.getByRole('complementary', { name: 'Analysis' });
    await panel.getByRole('button', { name: '“a hollow gesture”' }).click();
    const active = text.locator('.article-quote.is-active');
    await active.first().waitFor();
    expect(await active.allTextContents()).toEqual(['a hollow gesture']);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('a hollow gesture');
    expect(await panel.getByRole('button', { name: '“a hollow gesture”' }).getAttribute('aria-pressed')).toBe('true');

    // Entities link to their actor pages; choosing an event marks its sentence and trigger.
    await panel.getByRole('link', { name: 'North Korea: actor page' }).waitFor();
    expect(await panel.getByRole('link', { name: 'North Korea: actor page' }).getAttribute('href')).toBe('/ui/actors/country%3APRK');
    await panel.getByRole('button', { name: /^REJECT\/meet “rejected a renewed US offer”/ }).click();
    await text.locator('.article-trigger.is-active', { hasText: 'rejected a renewed US offer' }).waitFor();
    expect(page.problems).toEqual([]);
  }, 60_000);

  it('highlights and focuses the ?evidence= sentence, tolerating whitespace differences', async () => {
    const sentence = rejects.analysis!.analysis.events.map((e) => e.sentence?.text ?? '').find((s) => s.startsWith('The rebuttal came'))!;
    const sloppy = sentence.replace(/ /g, '  ').replace(', director', ',\n director');
    const page = await d.open(`/ui/articles/${rejects.article.id}?evidence=${encodeURIComponent(sloppy)}`);
    const evidence = page.locator('#article-evidence');
    await evidence.waitFor();
    expect(await evidence.textContent()).toBe(sentence);
    await page.waitForFunction(() => document.activeElement?.id === 'article-evidence');
    expect(await evidence.isVisible()).toBe(true);
    await page.getByText('Highlighted: the sentence this fact was taken from.').waitFor();

    await page.goto(`${d.url}/ui/articles/${rejects.article.id}?evidence=${encodeURIComponent('A sentence this article never had.')}`);
    await page.getByText(/The evidence sentence was not found in this article’s text/).waitFor();
    expect(await page.locator('#article-evidence').count()).toBe(0);
    expect(page.problems).toEqual([]);
  }, 60_000);

  it('shows the fetched raw HTML sanitised, without any script, and as source text', async () => {
    const raw = await apiGet<{ raw: string; contentType: string }>(`/articles/${rejects.article.id}/raw`);
    expect(raw.contentType).toMatch(/html/);
    expect(raw.raw).toMatch(/<script/i);
    expect(raw.raw).toMatch(/<form/i);

    const page = await d.open(`/ui/articles/${rejects.article.id}`);
    await page.getByRole('radio', { name: 'Raw document' }).check();
    await page.waitForURL(/view=raw/);
    const doc = page.getByRole('document', { name: 'Raw document, sanitised' });
    await doc.getByText('Independent reporting on the Korean Peninsula and the Pacific').waitFor();
    await doc.getByRole('heading', { name: 'North Korea rejects US talks offer as ‘a hollow gesture’' }).waitFor();
    expect(await page.locator('body script').count()).toBe(0);
    expect(await doc.locator('script, style, iframe, object, embed, form, link, meta, [style], [onclick], [onload], [onerror]').count()).toBe(0);
    const hrefs = await doc.locator('a[href]').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('rel')]));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const [href, rel] of hrefs) {
      expect(href).toMatch(/^https?:\/\//);
      expect(rel).toContain('noopener');
    }

    await page.getByRole('radio', { name: 'Raw source' }).check();
    await page.waitForURL(/view=source/);
    const source = page.getByLabel('Raw document source');
    expect(await source.textContent()).toContain('<script');
    expect(await page.locator('body script').count()).toBe(0);
    expect(page.problems).toEqual([]);
  }, 60_000);

  it('says so when no raw document is archived, and lists reader comments', async () => {
    await ingestRecords(d.store, [{ url: 'https://no-raw.example/2026/03/20/note', source: 'Desk Notes', published: '2026-03-20T08:00:00Z', title: 'Desk note without an original', text: 'Officials in Seoul said on Friday that the envoy would return next week.' }], 'no-raw.jsonl');
    // Text-ingested articles keep their record as the raw document; drop it from the archive to get an article without one.
    const db = new Database(d.store.env.READOUT_DB!);
    const row = db.prepare('SELECT id, raw_hash FROM articles WHERE url = ?').get('https://no-raw.example/2026/03/20/note') as { id: number; raw_hash: string };
    db.prepare('DELETE FROM raw_responses WHERE hash = ?').run(row.raw_hash);
    db.close();

    const page = await d.open(`/ui/articles/${row.id}?view=raw`);
    await page.getByRole('heading', { level: 1, name: 'Desk note without an original' }).waitFor();
    await page.getByText('No raw document is archived for this article.').waitFor();
    await page.getByRole('radio', { name: 'Extracted text' }).check();
    await page.locator('.article-text', { hasText: 'the envoy would return next week' }).waitFor();
    // Chromium logs the 404 this test set up; nothing else may appear.
    expect(page.problems.filter((p) => !/status of 404/.test(p))).toEqual([]);

    const opinion = await apiGet<{ items: { id: number }[] }>('/search?kind=opinion&limit=5');
    const withComments = await apiGet<Detail>(`/articles/${opinion.items[0]!.id}`);
    expect(withComments.comments.length).toBeGreaterThan(0);
    const commented = await d.open(`/ui/articles/${withComments.article.id}`);
    const comments = commented.getByRole('region', { name: `Reader comments (${withComments.comments.length})` });
    await comments.getByText(withComments.comments[0]!.author!, { exact: true }).waitFor();
    expect(await comments.getByRole('listitem').count()).toBe(withComments.comments.length);
    expect(commented.problems).toEqual([]);
  }, 60_000);

  it('has no horizontal page scroll in a 390 px window', async () => {
    const page = await d.open(`/ui/articles/${rejects.article.id}`, 'viewer', { width: 390, height: 844 });
    await page.locator('.article-text mark').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByRole('radio', { name: 'Raw document' }).check();
    await page.getByRole('document', { name: 'Raw document, sanitised' }).getByRole('heading').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(page.problems).toEqual([]);
  }, 30_000);
});
