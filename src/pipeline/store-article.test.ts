import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExtractedPage } from '../core/types.js';
import { closeServices, testServices } from '../../test/helpers/services.js';
import type { Services } from './services.js';
import { chooseCanonical, storeArticle } from './store-article.js';

const sentences = Array.from({ length: 30 }, (_, i) =>
  `The vice minister said on day ${i} that the offer of talks number ${i * 7} was a hollow gesture aimed at the region.`,
);

function page(text: string, over: Partial<ExtractedPage> = {}): ExtractedPage {
  return { url: null, canonicalUrl: null, title: 'T', byline: null, published: '2026-03-11', language: 'en', kind: 'news', section: null, text, comments: [], ...over };
}

describe('storeArticle', () => {
  let svc: Services;
  beforeEach(async () => {
    svc = await testServices();
  });
  afterEach(() => closeServices(svc));

  const store = (url: string, p: ExtractedPage) =>
    storeArticle(svc.store, { url, page: p, sourceId: null, sourceName: 'Wire', rawHash: null, fetchedAt: '2026-03-11T10:00:00.000Z' });

  it('groups a shortened, lightly rewritten copy with the original, and keeps other stories apart', async () => {
    const original = await store('https://a.example/story', page(sentences.join(' ')));
    const rewrite = sentences.slice(0, 20).map((s, i) => (i % 6 === 0 ? s.replace('The vice minister said', 'She stated') : s)).join(' ');
    const copy = await store('https://b.example/copy', page(`${rewrite} Reporting by a partner agency.`));
    const other = await store('https://c.example/other', page(Array.from({ length: 30 }, (_, i) => `Grain prices rose ${i} percent in province ${i * 3} after the rains.`).join(' ')));
    expect(copy).toMatchObject({ status: 'inserted', groupId: original.id });
    expect(other.status).toBe('inserted');
    expect(other.groupId).toBe(other.id);
    const hits = await svc.store.search({ text: 'hollow gesture', limit: 10 });
    expect(hits.every((h) => h.groupSize === 2)).toBe(true);
  });

  it('stores the same article under two URLs once, and its reader comments apart from the body', async () => {
    const p = page(sentences.join(' '), { comments: [{ author: 'reader1', published: null, text: 'Talks are pointless.' }], canonicalUrl: 'https://a.example/story' });
    const first = await store('https://a.example/story?utm_source=rss', p);
    const second = await store('https://a.example/story?fbclid=abc', p);
    expect(first.status).toBe('inserted');
    expect(second).toMatchObject({ status: 'duplicate', id: first.id, newComments: 0 });
    expect(first.newComments).toBe(1);
    expect(await svc.store.listComments(first.id!)).toEqual([{ author: 'reader1', published: null, text: 'Talks are pointless.' }]);
    expect((await svc.store.getArticle(first.id!))!.text).not.toContain('pointless');
  });

  it('does not store a page without text', async () => {
    expect((await store('https://a.example/empty', page('  '))).status).toBe('empty');
  });

  it('ignores a canonical URL that points at the home page', () => {
    expect(chooseCanonical('https://a.example/news/1?utm_source=x', 'https://a.example/')).toBe('https://a.example/news/1');
    expect(chooseCanonical('https://a.example/news/1', 'https://a.example/news/one')).toBe('https://a.example/news/one');
  });
});
