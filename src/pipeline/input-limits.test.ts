// Field caps and the http(s)-only rule on the way into job payloads and articles: a 9 MB feed
// title, javascript:/data:/file: links in feeds and JSON Lines imports.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIELD_LIMITS } from '../core/limits.js';
import type { ExtractedPage, FeedItem } from '../core/types.js';
import { closeServices, tempDir, testServices } from '../../test/helpers/services.js';
import { ingestFile } from './ingest-files.js';
import { parsePayload } from './jobs.js';
import { enqueueFeedItems } from './poll.js';
import type { Services } from './services.js';
import { storeArticle } from './store-article.js';

const HUGE = 'Headline '.repeat(1_000_000); // 9 MB
const TEXT = 'The foreign ministry said on Monday that talks would resume in Geneva next week. '.repeat(8);

const item = (link: string | null, over: Partial<FeedItem> = {}): FeedItem => ({
  id: link ?? 'urn:x', title: 'T', link, published: '2026-03-11T10:00:00Z', author: 'A. Writer', summary: 'S', content: null, commentsFeed: null, ...over,
});

const page = (over: Partial<ExtractedPage> = {}): ExtractedPage => ({
  url: null, canonicalUrl: null, title: 'T', byline: null, published: '2026-03-11', language: 'en', kind: 'news', section: null, text: TEXT, comments: [], ...over,
});

describe('input limits in the pipeline', () => {
  let svc: Services;
  beforeEach(async () => {
    svc = await testServices();
  });
  afterEach(() => closeServices(svc));

  it('caps a 9 MB feed title (and author, summary) before it goes into the article job payload', async () => {
    const queued = await enqueueFeedItems(svc.store, null, [item('https://news.example/a', { title: HUGE, author: HUGE, summary: HUGE, published: HUGE })], 1);
    expect(queued).toBe(1);
    const [job] = await svc.store.listJobs({ kind: 'article' });
    const hints = (job!.payload as { hints: Record<string, string> }).hints;
    expect(hints.title).toHaveLength(FIELD_LIMITS.title);
    expect(hints.author).toHaveLength(FIELD_LIMITS.byline);
    expect(hints.summary).toHaveLength(FIELD_LIMITS.summary);
    expect(JSON.stringify(job!.payload).length).toBeLessThan(15_000);
    // A payload queued before the caps existed is cut when it is read, not failed.
    expect(parsePayload('article', { url: 'https://news.example/a', sourceId: null, hints: { title: HUGE } }).hints?.title).toHaveLength(FIELD_LIMITS.title);
  });

  it('queues only http(s) feed links: javascript:, data: and file: items are skipped', async () => {
    const items = [item('javascript:alert(1)'), item('data:text/html,<b>x</b>'), item('file:///etc/passwd'), item('https://news.example/ok', { commentsFeed: 'javascript:void(0)' })];
    expect(await enqueueFeedItems(svc.store, null, items, 1)).toBe(1);
    const jobs = await svc.store.listJobs({});
    expect(jobs.map((j) => [j.kind, j.payload.url])).toEqual([['article', 'https://news.example/ok']]);
    expect(() => parsePayload('article', { url: 'javascript:alert(1)', sourceId: null })).toThrow(/javascript: URL/);
  });

  it('stores a 9 MB title, byline and outlet name cut to their caps', async () => {
    const r = await storeArticle(svc.store, { url: 'https://news.example/big', page: page({ title: HUGE, byline: HUGE, section: HUGE }), sourceId: null, sourceName: HUGE, rawHash: null, fetchedAt: '2026-03-11T10:00:00.000Z' });
    expect(r.status).toBe('inserted');
    const stored = await svc.store.getArticle(r.id!);
    expect(stored!.title).toHaveLength(FIELD_LIMITS.title);
    expect(stored!.title!.endsWith('…')).toBe(true);
    expect(stored!.byline).toHaveLength(FIELD_LIMITS.byline);
    expect(stored!.sourceName).toHaveLength(FIELD_LIMITS.name);
  });

  it('refuses to store an article under a javascript: or data: URL', async () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,hi']) {
      await expect(storeArticle(svc.store, { url, page: page(), sourceId: null, sourceName: null, rawHash: null, fetchedAt: '2026-03-11T10:00:00.000Z' })).rejects.toThrow(/only http: and https: articles are stored/);
    }
    expect((await svc.store.stats()).articles).toBe(0);
  });

  it('skips a JSONL line whose url is javascript:, naming the file and line, and ingests the rest', async () => {
    const file = join(tempDir('ingest'), 'export.jsonl');
    const line = (url: string, n: number) => JSON.stringify({ url, title: `Story ${n}`, text: `${TEXT} Story number ${n}.` });
    writeFileSync(file, [line('https://news.example/1', 1), line('javascript:alert(document.cookie)', 2), line('data:text/html,x', 3), line('https://news.example/4', 4)].join('\n'));
    const summary = await ingestFile(svc, file);
    expect(summary).toMatchObject({ read: 4, stored: 2, errors: 2 });
    expect(summary.messages[0]).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}:2: "url" "javascript:alert\\(document\\.cookie\\)" is a javascript: URL`));
    expect(summary.messages[1]).toMatch(/export\.jsonl:3: "url" "data:text\/html,x" is a data: URL/);
    const urls = (await svc.store.search({ text: '', limit: 10 })).map((h) => h.url).sort();
    expect(urls).toEqual(['https://news.example/1', 'https://news.example/4']);
  });

  it('skips a feed item whose link is javascript: when ingesting a feed file, and stores the others', async () => {
    const file = join(tempDir('ingest'), 'feed.xml');
    const entry = (link: string, n: number) => `<item><title>Story ${n}</title><link>${link}</link><guid>g${n}</guid><content:encoded><![CDATA[<p>${TEXT} Story number ${n}.</p>]]></content:encoded></item>`;
    writeFileSync(file, `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>W</title>${entry('https://news.example/1', 1)}${entry('javascript:alert(1)', 2)}</channel></rss>`);
    const summary = await ingestFile(svc, file);
    expect(summary).toMatchObject({ read: 2, stored: 1, errors: 1 });
    expect(summary.messages[0]).toMatch(/feed\.xml: item "g2": link "javascript:alert\(1\)" is a javascript: URL .*; skipped/);
  });
});
