// Store contract, part 2: articles, duplicates, near-duplicates, comments.
import { describe, expect, it } from 'vitest';
import type { ContractContext } from './store.contract.js';
import { sampleArticle } from './store.contract.js';

export function articleContract(ctx: ContractContext): void {
  describe('articles', () => {
    it('inserts and reads back every field; its group is itself', async () => {
      const { store } = ctx;
      const source = await store.addSource({ url: 'https://news.example/feed', kind: 'feed', intervalSeconds: 60 });
      const input = sampleArticle({ sourceId: source.id, aliasUrls: ['https://m.news.example/story/x'], published: '2024-05-01', title: 'Ünïcode “title”' });
      const r = await store.insertArticle(input);
      expect(r).toEqual({ status: 'inserted', id: r.id, groupId: r.id });
      const back = await store.getArticle(r.id);
      const { aliasUrls: _aliases, bands: _bands, ...fields } = input;
      expect(back).toMatchObject({ ...fields, id: r.id, groupId: r.id });
      expect(back?.aliasUrls?.sort()).toEqual([input.url, 'https://m.news.example/story/x'].sort());
      expect(Date.parse(back?.createdAt ?? '')).not.toBeNaN();
      expect(await store.getArticle(r.id + 1000)).toBeNull();
      for (const url of [input.canonicalUrl, input.url, 'https://m.news.example/story/x']) {
        expect((await store.findArticleByUrl(url))?.id).toBe(r.id);
      }
      expect(await store.findArticleByUrl('https://news.example/unknown')).toBeNull();
    });

    it('reports a duplicate by canonical URL and records the new URL as an alias', async () => {
      const { store } = ctx;
      const first = await store.insertArticle(sampleArticle());
      const a = (await store.getArticle(first.id))!;
      const again = await store.insertArticle(sampleArticle({ canonicalUrl: a.canonicalUrl, url: 'https://news.example/amp/1', text: 'changed text' }));
      expect(again).toEqual({ status: 'duplicate', id: first.id, groupId: first.groupId });
      expect((await store.findArticleByUrl('https://news.example/amp/1'))?.id).toBe(first.id);
      expect((await store.getArticle(first.id))?.text).toBe(a.text);
      expect((await store.stats()).articles).toBe(1);
      expect(await store.countArticles()).toBe(1);
    });

    it('reports a duplicate when the canonical URL is a known alias', async () => {
      const { store } = ctx;
      const first = await store.insertArticle(sampleArticle({ aliasUrls: ['https://news.example/?p=123'] }));
      const dup = await store.insertArticle(sampleArticle({ canonicalUrl: 'https://news.example/?p=123', url: 'https://news.example/?p=123&x=1' }));
      expect(dup).toMatchObject({ status: 'duplicate', id: first.id });
      expect((await store.findArticleByUrl('https://news.example/?p=123&x=1'))?.id).toBe(first.id);
      const viaAlias = await store.insertArticle(sampleArticle({ aliasUrls: ['https://news.example/?p=123&x=1'] }));
      expect(viaAlias).toMatchObject({ status: 'duplicate', id: first.id });
    });

    it('reports a duplicate by identical content hash, except for empty text', async () => {
      const { store } = ctx;
      const first = await store.insertArticle(sampleArticle({ text: 'The very same wire story.' }));
      const copy = sampleArticle({ text: 'The very same wire story.' });
      expect(await store.insertArticle(copy)).toMatchObject({ status: 'duplicate', id: first.id });
      expect((await store.findArticleByUrl(copy.canonicalUrl))?.id).toBe(first.id);
      const e1 = await store.insertArticle(sampleArticle({ text: '' }));
      const e2 = await store.insertArticle(sampleArticle({ text: '' }));
      expect([e1.status, e2.status]).toEqual(['inserted', 'inserted']);
    });

    it('is safe under concurrent inserts of the same article', async () => {
      const { store, harness } = ctx;
      const other = harness.concurrentTransactions ? await ctx.openAnother() : store;
      const base = sampleArticle();
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => (i % 2 ? other : store).insertArticle({ ...base, url: `${base.canonicalUrl}?v=${i}`, aliasUrls: [`https://alias.example/${i}`] })),
      );
      expect(results.filter((r) => r.status === 'inserted')).toHaveLength(1);
      expect(new Set(results.map((r) => r.id)).size).toBe(1);
      const sameText = sampleArticle({ text: 'concurrent identical text' });
      const byHash = await Promise.all(
        Array.from({ length: 8 }, (_, i) => (i % 2 ? other : store).insertArticle({ ...sameText, canonicalUrl: `https://c.example/${i}`, url: `https://c.example/${i}` })),
      );
      expect(byHash.filter((r) => r.status === 'inserted')).toHaveLength(1);
      expect((await store.stats()).articles).toBe(2);
      expect(await store.countArticles()).toBe(2);
      for (let i = 0; i < 12; i++) expect((await store.findArticleByUrl(`https://alias.example/${i}`))?.id).toBe(results[0]?.id);
    });

    it('finds near-duplicate candidates by shared LSH band keys, most shared first', async () => {
      const { store } = ctx;
      const a = await store.insertArticle(sampleArticle({ bands: [1, 2, 3, 4] }));
      const b = await store.insertArticle(sampleArticle({ bands: [3, 4, 5, -6] }));
      await store.insertArticle(sampleArticle({ bands: [7, 8] }));
      const found = await store.findSimilarCandidates([2, 3, 4, -6]);
      expect(found.map((c) => [c.id, c.sharedBands])).toEqual([
        [a.id, 3],
        [b.id, 3],
      ]);
      expect(found[0]).toMatchObject({ groupId: a.id, shingleCount: 10 });
      expect(found[0]!.minhash).toHaveLength(128);
      expect((await store.findSimilarCandidates([4, -6])).map((c) => c.id)).toEqual([b.id, a.id]);
      expect(await store.findSimilarCandidates([])).toEqual([]);
      expect(await store.findSimilarCandidates([999])).toEqual([]);
    });

    it('moves an article to another group', async () => {
      const { store } = ctx;
      const a = await store.insertArticle(sampleArticle());
      const b = await store.insertArticle(sampleArticle());
      await store.setArticleGroup(b.id, a.id);
      expect((await store.getArticle(b.id))?.groupId).toBe(a.id);
      await expect(store.setArticleGroup(99999, a.id)).rejects.toMatchObject({ code: 'input' });
    });
  });

  describe('comments', () => {
    it('adds only new comments and lists them in order', async () => {
      const { store } = ctx;
      const { id } = await store.insertArticle(sampleArticle());
      const c1 = { author: 'kim', published: '2024-05-01T11:00:00Z', text: 'First comment' };
      const c2 = { author: null, published: null, text: 'Second  comment\nwith lines' };
      expect(await store.addComments(id, [c1, c2, c1])).toBe(2);
      expect(await store.addComments(id, [c1, { ...c2, text: '  Second comment with   lines ' }])).toBe(0);
      expect(await store.addComments(id, [c2, { author: 'lee', published: null, text: 'Third' }, { author: 'x', published: null, text: '   ' }])).toBe(1);
      expect(await store.listComments(id)).toEqual([c1, c2, { author: 'lee', published: null, text: 'Third' }]);
      const other = await store.insertArticle(sampleArticle());
      expect(await store.addComments(other.id, [c1])).toBe(1);
      expect(await store.addComments(other.id, [])).toBe(0);
      expect((await store.stats()).comments).toBe(4);
    });
  });
}
