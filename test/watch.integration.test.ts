// `watch` against a local fixture server: feeds that change between polls, 304s, a 500, a
// timeout, a redirect loop, a huge body, a malformed feed and a non-UTF-8 page.
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureServer } from '../src/demo/fixture-server.js';
import { pollOnce, watch } from '../src/pipeline/scheduler.js';
import type { Services } from '../src/pipeline/services.js';
import type { Source } from '../src/store/types.js';
import { closeServices, testServices } from './helpers/services.js';
import { articleHtml, conditionalRoute, rssFeed, storyParagraphs } from './helpers/pages.js';

const RSS = 'application/rss+xml; charset=utf-8';
const HTML = 'text/html; charset=utf-8';

describe('watch against a fixture server', () => {
  let server: FixtureServer;
  let svc: Services;
  const ids: Record<string, number> = {};
  const source = async (name: string): Promise<Source> => (await svc.store.getSource(ids[name]!))!;

  beforeAll(async () => {
    server = await FixtureServer.start();
    const base = server.baseUrl;
    server.route('/robots.txt', { body: 'User-agent: *\nDisallow: /private/\n', headers: { 'content-type': 'text/plain' } });
    const items = [
      { slug: 'a1', title: 'Envoy renews offer of talks', published: '2026-03-01T09:00:00Z' },
      { slug: 'a2', title: 'Ministry rebukes envoy offer', published: '2026-03-03T09:00:00Z' },
      { slug: 'secret', title: 'Disallowed by robots', published: '2026-03-03T10:00:00Z' },
    ];
    server.route('/news/feed.xml', conditionalRoute(rssFeed(base, items), RSS));
    for (const i of items) server.route(`/news/${i.slug}.html`, { body: articleHtml({ title: i.title, paragraphs: storyParagraphs(i.title), published: i.published }), headers: { 'content-type': HTML } });
    server.route('/news/secret.html', { status: 301, headers: { location: `${base}/private/secret.html` } });
    server.route('/broken/feed.xml', { status: 500, body: 'internal error' });
    server.route('/slow/feed.xml', { handler: () => undefined }); // never answers
    server.route('/loop/a', { status: 302, headers: { location: '/loop/b' } });
    server.route('/loop/b', { status: 302, headers: { location: '/loop/a' } });
    server.route('/huge/feed.xml', { body: Buffer.alloc(3 * 1024 * 1024, 'a'), headers: { 'content-type': RSS } });
    server.route('/malformed/feed.xml', { body: '<<<this is not a feed at all>>>', headers: { 'content-type': RSS } });
    const korean = articleHtml({
      title: '외교부 대변인 정례 브리핑',
      charset: 'euc-kr',
      paragraphs: Array.from({ length: 4 }, (_, i) => `외교부 대변인은 ${i + 1}일 정례 브리핑에서 대화의 문은 열려 있다고 말했다. 정부는 관련국과 긴밀히 협의하고 있다고 밝혔다.`),
    });
    server.route('/kr/briefing.html', { body: iconv.encode(korean, 'euc-kr'), headers: { 'content-type': 'text/html' } });

    svc = await testServices({ fetch: { readTimeout: '700ms', connectTimeout: '700ms', maxBodyBytes: 1024 * 1024 } });
    const add = async (name: string, path: string, kind: Source['kind']) => {
      ids[name] = (await svc.store.addSource({ url: `${base}${path}`, kind, title: name, intervalSeconds: 300 })).id;
    };
    await add('news', '/news/feed.xml', 'feed');
    await add('broken', '/broken/feed.xml', 'feed');
    await add('slow', '/slow/feed.xml', 'feed');
    await add('loop', '/loop/a', 'feed');
    await add('huge', '/huge/feed.xml', 'feed');
    await add('malformed', '/malformed/feed.xml', 'feed');
    await add('korean', '/kr/briefing.html', 'page');
  });

  afterAll(async () => {
    await closeServices(svc);
    await server.close();
  });

  it('stores new feed items and records health for every source on the first poll', async () => {
    await pollOnce(svc);
    const news = await source('news');
    expect(news).toMatchObject({ failureStreak: 0, lastError: null, itemsSeen: 3 });
    expect(news.lastSuccessAt).not.toBeNull();
    const titles = (await svc.store.search({ text: '', limit: 50 })).map((h) => h.title);
    expect(titles).toEqual(expect.arrayContaining(['Envoy renews offer of talks', 'Ministry rebukes envoy offer']));
    expect(titles).not.toContain('Disallowed by robots');
    const failed = await svc.store.listJobs({ status: 'failed' });
    expect(failed.map((j) => j.lastError).join('\n')).toMatch(/robots/i);

    expect((await source('broken')).lastError).toMatch(/500/);
    expect((await source('slow')).lastError).toMatch(/time/i);
    expect((await source('loop')).lastError).toMatch(/redirect/i);
    expect((await source('huge')).lastError).toMatch(/large|limit|size/i);
    expect((await source('malformed')).lastError).toMatch(/feed|parse|xml/i);
    for (const name of ['broken', 'slow', 'loop', 'huge', 'malformed']) expect((await source(name)).failureStreak).toBe(1);
  });

  it('decodes a non-UTF-8 (EUC-KR) page into correct text', async () => {
    const [hit] = await svc.store.search({ text: '대변인', limit: 5 });
    const article = await svc.store.getArticle(hit!.id);
    expect(article!.title).toContain('외교부 대변인');
    expect(article!.text).toContain('대화의 문은 열려 있다고');
  });

  it('costs a 304 when the feed has not changed, and picks up new items when it has', async () => {
    const before = (await svc.store.stats()).articles;
    await pollOnce(svc);
    const feedHits = server.requests.filter((r) => r.path === '/news/feed.xml');
    expect(feedHits.at(-1)!.headers['if-none-match']).toBeTruthy();
    expect((await svc.store.stats()).articles).toBe(before);
    expect((await source('news')).itemsSeen).toBe(3);

    const base = server.baseUrl;
    const items = [
      { slug: 'a1', title: 'Envoy renews offer of talks', published: '2026-03-01T09:00:00Z' },
      { slug: 'a2', title: 'Ministry rebukes envoy offer', published: '2026-03-03T09:00:00Z' },
      { slug: 'a3', title: 'Spokesperson answers the rebuke', published: '2026-03-05T09:00:00Z' },
    ];
    server.route('/news/feed.xml', conditionalRoute(rssFeed(base, items), RSS));
    server.route('/news/a3.html', { body: articleHtml({ title: items[2]!.title, paragraphs: storyParagraphs('answer'), published: items[2]!.published }), headers: { 'content-type': HTML } });
    await pollOnce(svc);
    expect((await svc.store.stats()).articles).toBe(before + 1);
    expect((await source('news')).itemsSeen).toBe(4);
    expect((await source('broken')).failureStreak).toBe(3);
  });

  it('backs off failing sources while polling healthy ones on their interval', async () => {
    const broken = await source('broken');
    const news = await source('news');
    const gap = (s: Source) => Date.parse(s.nextPollAt!) - Date.parse(s.lastPolledAt!);
    expect(gap(broken)).toBeGreaterThan(gap(news) * 4);
  });

  it('runs the scheduler loop until stopped', async () => {
    const fresh = await svc.store.addSource({ url: `${server.baseUrl}/news/feed.xml?via=watch`, kind: 'feed', title: 'watch', intervalSeconds: 300 });
    const controller = new AbortController();
    const running = watch(svc, { tickMs: 50, signal: controller.signal });
    for (let i = 0; i < 100 && !(await svc.store.getSource(fresh.id))!.lastSuccessAt; i++) await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    await running;
    expect((await svc.store.getSource(fresh.id))!.lastSuccessAt).not.toBeNull();
  });
});
