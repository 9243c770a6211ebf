// Store contract, part 3: full-text search.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Source } from '../src/store/types.js';
import type { ContractContext } from './store.contract.js';
import { sampleArticle } from './store.contract.js';

export function searchContract(ctx: ContractContext): void {
  describe('search', () => {
    let yonhap: Source;
    const ids: Record<string, number> = {};

    beforeEach(async () => {
      const { store } = ctx;
      yonhap = await store.addSource({ url: 'https://yonhap.example/rss', kind: 'feed', title: 'Yonhap Wire', intervalSeconds: 300 });
      const docs = {
        talks: sampleArticle({
          sourceId: yonhap.id, sourceName: 'Yonhap', title: 'Envoys meet for nuclear talks', published: '2024-03-01T09:00:00Z',
          text: 'Envoys from both countries met in Geneva on Monday for nuclear talks that lasted six hours. Officials called the meeting constructive.',
        }),
        sanctions: sampleArticle({
          sourceName: 'Daily Planet', title: 'New sanctions announced', published: '2024-03-05T09:00:00Z', kind: 'analysis',
          text: 'The ministry announced new sanctions on shipping firms. Analysts said talks about the nuclear programme were unlikely to resume soon.',
        }),
        opinion: sampleArticle({
          sourceName: 'Daily Planet', title: 'Why dialogue matters', published: null, fetchedAt: '2024-03-10T12:00:00Z', kind: 'opinion',
          text: 'Dialogue, not pressure, is the only road. The nuclear question cannot be settled by sanctions alone.',
        }),
        weather: sampleArticle({
          sourceName: 'Weather Desk', title: 'Spring arrives early', published: '2024-02-20T09:00:00Z',
          text: 'Cherry blossoms are expected a week early this year, forecasters said.',
        }),
        copy: sampleArticle({
          sourceId: yonhap.id, sourceName: 'Yonhap', title: 'Envoys meet for nuclear talks (update)', published: '2024-03-01T12:00:00Z',
          text: 'UPDATE: Envoys from both countries met in Geneva on Monday for nuclear talks that lasted seven hours.',
        }),
      };
      for (const [name, a] of Object.entries(docs)) ids[name] = (await store.insertArticle(a)).id;
      await store.setArticleGroup(ids.copy ?? 0, ids.talks ?? 0);
    });

    const searchIds = async (text: string, more: Record<string, unknown> = {}) =>
      (await ctx.store.search({ text, order: 'newest', ...more })).map((h) => h.id);

    it('ANDs words and keeps quoted phrases', async () => {
      expect((await searchIds('nuclear')).sort()).toEqual([ids.talks, ids.sanctions, ids.opinion, ids.copy].sort());
      expect((await searchIds('nuclear sanctions')).sort()).toEqual([ids.sanctions, ids.opinion].sort());
      expect((await searchIds('"nuclear talks"')).sort()).toEqual([ids.talks, ids.copy].sort());
      expect(await searchIds('"talks nuclear" Geneva')).toEqual([]);
      expect(await searchIds('NUCLEAR Blossoms')).toEqual([]);
      expect(await searchIds('blossoms')).toEqual([ids.weather]);
    });

    it('never fails on hostile input', async () => {
      const hostile = ['"foo AND (', '"nuclear AND (', ')(*', 'NEAR(a b', 'title:nuclear', '-nuclear', "'; DROP TABLE articles; --", '\\', 'OR', '* ^', '""', '"', 'a"b"c', 'nuclear*', 'AND', '((()))', '{x}', ':', 'NOT nuclear', '\u0000'];
      for (const text of hostile) {
        for (const order of ['newest', 'relevance'] as const) {
          await expect(ctx.store.search({ text, order }), text).resolves.toBeInstanceOf(Array);
        }
      }
      expect((await searchIds('"nuclear AND (')).sort()).toEqual([ids.talks, ids.sanctions, ids.opinion, ids.copy].sort());
      expect((await ctx.store.stats()).articles).toBe(5);
    });

    it('matches everything for empty text, newest first (published, else fetched)', async () => {
      expect(await searchIds('')).toEqual([ids.opinion, ids.sanctions, ids.copy, ids.talks, ids.weather]);
      expect(await searchIds('   ', { order: 'relevance' })).toEqual([ids.opinion, ids.sanctions, ids.copy, ids.talks, ids.weather]);
      const hits = await ctx.store.search({ text: '' });
      expect(hits[0]?.snippet).toMatch(/^Dialogue, not pressure/);
      expect(hits[0]?.score).toBe(0);
    });

    it('filters by source id, URL or name, dates and kind, with a limit', async () => {
      expect((await searchIds('', { source: String(yonhap.id) })).sort()).toEqual([ids.talks, ids.copy].sort());
      expect((await searchIds('nuclear', { source: yonhap.url })).sort()).toEqual([ids.talks, ids.copy].sort());
      expect((await searchIds('', { source: 'Yonhap Wire' })).sort()).toEqual([ids.talks, ids.copy].sort());
      expect(await searchIds('', { source: 'daily planet' })).toEqual([ids.opinion, ids.sanctions]);
      expect(await searchIds('', { source: 'nobody' })).toEqual([]);
      expect(await searchIds('', { since: '2024-03-02T00:00:00Z' })).toEqual([ids.opinion, ids.sanctions]);
      expect(await searchIds('', { until: '2024-03-01' })).toEqual([ids.copy, ids.talks, ids.weather]);
      expect(await searchIds('', { since: '2024-03-01T00:00:00+09:00', until: '2024-03-05T09:00:00.000Z' })).toEqual([ids.sanctions, ids.copy, ids.talks]);
      expect(await searchIds('nuclear', { kind: 'opinion' })).toEqual([ids.opinion]);
      expect(await searchIds('', { limit: 2 })).toEqual([ids.opinion, ids.sanctions]);
      expect(await searchIds('', { limit: 0 })).toHaveLength(1);
      expect(await searchIds('', { limit: 10_000 })).toHaveLength(5);
    });

    it('orders by relevance or by date', async () => {
      const newest = await searchIds('nuclear', { order: 'newest' });
      expect(newest).toEqual([ids.opinion, ids.sanctions, ids.copy, ids.talks]);
      const best = await ctx.store.search({ text: 'nuclear talks', order: 'relevance' });
      expect(best.map((h) => h.id).slice(0, 2).sort()).toEqual([ids.talks, ids.copy].sort());
      expect(best.map((h) => h.id)).toContain(ids.sanctions);
      for (let i = 1; i < best.length; i++) expect(best[i - 1]!.score).toBeGreaterThanOrEqual(best[i]!.score);
      expect(best[0]!.score).toBeGreaterThan(0);
    });

    it('ranks only the newest rankCandidates matches by relevance, says so, and still snippets every hit', async () => {
      // 'nuclear' matches talks, sanctions, opinion and copy; the two stored last are opinion and copy.
      const capped = await ctx.store.search({ text: 'nuclear', order: 'relevance', rankCandidates: 2 });
      expect(capped.map((h) => h.id).sort()).toEqual([ids.opinion, ids.copy].sort());
      for (const h of capped) expect(h).toMatchObject({ rankCapped: true, snippet: expect.stringMatching(/«nuclear»/i) });
      for (let i = 1; i < capped.length; i++) expect(capped[i - 1]!.score).toBeGreaterThanOrEqual(capped[i]!.score);
      const all = await ctx.store.search({ text: 'nuclear', order: 'relevance', rankCandidates: 4 });
      expect(all.map((h) => h.id).sort()).toEqual([ids.talks, ids.sanctions, ids.opinion, ids.copy].sort());
      for (const h of all) expect(h.rankCapped).toBeUndefined();
      // The cap is about ranking: newest order still sees every match.
      expect(await searchIds('nuclear', { rankCandidates: 1 })).toEqual([ids.opinion, ids.sanctions, ids.copy, ids.talks]);
      // With the limit below the candidates, the best of the candidates come first.
      const [best] = await ctx.store.search({ text: 'nuclear talks', order: 'relevance', rankCandidates: 2, limit: 1 });
      expect(best?.id).toBe(ids.copy);
    });

    it('returns snippets with « » markers and group sizes', async () => {
      const hits = await ctx.store.search({ text: 'Geneva', order: 'newest' });
      expect(hits.map((h) => h.id)).toEqual([ids.copy, ids.talks]);
      const talks = hits.find((h) => h.id === ids.talks);
      expect(talks).toMatchObject({ url: expect.stringContaining('news.example'), title: 'Envoys meet for nuclear talks', sourceName: 'Yonhap', kind: 'news', published: '2024-03-01T09:00:00Z' });
      expect(talks?.snippet).toContain('«Geneva»');
      expect(talks).toMatchObject({ groupId: ids.talks, groupSize: 2 });
      const [weather] = await ctx.store.search({ text: 'blossoms' });
      expect(weather).toMatchObject({ groupId: ids.weather, groupSize: 1 });
      expect(weather?.snippet).toMatch(/«[Bb]lossoms»/);
    });
  });
}
