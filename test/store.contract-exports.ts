// Store contract, part 7: the bulk-export iterators (src/store/exports.ts): keyset pages that
// cover every row once in a stable order, whatever the page size, with per-page extras (first
// report, CAMEO root, response links; per-article counts; quotes from the stored analyses) and filters.
import { describe, expect, it } from 'vitest';
import type { Entity, Quote } from '../src/analyze/types.js';
import type { Store } from '../src/store/types.js';
import { fakeAnalysis } from './store.contract-analyses.js';
import type { ContractContext } from './store.contract.js';
import { sampleArticle } from './store.contract.js';
import { ev } from './store.contract-events.js';

const USA = { name: 'the United States', entityId: 'country:USA', country: 'USA' };
const PRK = { name: 'North Korea', entityId: 'country:PRK', country: 'PRK' };

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

function entity(name: string, id: string | null, country: string | null, mentions = 1): Entity {
  return { id, name, type: id?.startsWith('country:') ? 'country' : 'person', country, roles: [], mentions: Array.from({ length: mentions }, () => ({ start: 0, end: name.length, text: name, via: 'name' as const })) };
}

function quote(text: string, speaker: Quote['speaker'], kind: Quote['kind'] = 'direct'): Quote {
  return { start: 0, end: text.length, text, kind, speaker, cue: { start: 0, end: 4, text: 'said' } };
}

async function seed(store: Store): Promise<{ a1: number; a2: number; a3: number; a4: number }> {
  const art = async (sourceName: string, published: string, kind: 'news' | 'opinion' = 'news') =>
    (await store.insertArticle(sampleArticle({ sourceName, published, kind }))).id;
  const a1 = await art('Harbor Ledger', '2026-03-02T09:00:00Z');
  const a2 = await art('Northern Wire', '2026-03-03T09:00:00Z');
  const a3 = await art('Daily Meridian', '2026-03-04T09:00:00Z', 'opinion');
  const a4 = await art('Daily Meridian', '2026-03-05T09:00:00Z'); // never analysed
  const offer = ev({ type: 'COOPERATE', source: USA, target: PRK, intensity: 4, cameo: null, sentence: { start: 0, end: 1, text: 'The United States offered talks with North Korea.' } });
  await store.saveAnalysis(a1, fakeAnalysis('x', [entity('North Korea', 'country:PRK', 'PRK', 2), entity('Odile Marchetti', null, null)], {
    events: [offer], quotes: [quote('We are ready to talk.', { name: 'Odile Marchetti', entityId: null, anonymous: false, description: null })],
  }));
  await store.mergeEvents();
  await store.saveAnalysis(a2, fakeAnalysis('x', [entity('North Korea', 'country:PRK', 'PRK')], { events: [{ ...offer, cameo: '03' }] }));
  await store.saveAnalysis(a3, fakeAnalysis('x', [entity('North Korea', 'country:PRK', 'PRK', 3)], {
    events: [ev({ id: 'e1', date: '2026-03-04', responseCue: 'in response to', sentence: { start: 0, end: 1, text: 'North Korea on Wednesday rejected the offer, in response to the US.' } })],
    quotes: [
      quote('The offer is a trick.', { name: 'Ministry of Foreign Affairs (DPRK)', entityId: 'country:PRK', anonymous: false, description: null }),
      quote('talks were unlikely', { name: null, entityId: null, anonymous: true, description: 'an official' }, 'indirect'),
    ],
  }));
  await store.mergeEvents();
  return { a1, a2, a3, a4 };
}

export function exportContract(ctx: ContractContext): void {
  describe('exports', () => {
    it('streams merged events in date order with first report, CAMEO root and response links, on any page size, with filters', async () => {
      const { store } = ctx;
      await seed(store);
      const all = await collect(store.exportEvents());
      expect(all.map((e) => [e.event.type, e.event.reportCount])).toEqual([['COOPERATE', 2], ['REJECT', 1]]);
      const [offer, reject] = all as [typeof all[0], typeof all[0]];
      expect(offer.firstUrl).toMatch(/^https:\/\/news\.example\/story\/\d+$/);
      expect(offer.evidence).toBe('The United States offered talks with North Korea.');
      expect(offer.cameo).toBe('03'); // the first report has none: the next one's
      expect(offer.event.outlets).toEqual(['Harbor Ledger', 'Northern Wire']);
      expect(reject.respondsTo).toEqual([offer.event.id]);
      expect(reject.cameo).toBe('12');
      expect((await collect(store.exportEvents({ pageSize: 1 }))).map((e) => e.event.id)).toEqual(all.map((e) => e.event.id));

      const types = async (f: Parameters<Store['exportEvents']>[0]) => (await collect(store.exportEvents({ pageSize: 1, ...f }))).map((e) => e.event.type);
      expect(await types({ since: '2026-03-03' })).toEqual(['REJECT']);
      expect(await types({ until: '2026-03-02' })).toEqual(['COOPERATE']);
      expect(await types({ types: ['REJECT', 'ACCUSE'] })).toEqual(['REJECT']);
      expect(await types({ actor: { countries: ['prk'] } })).toEqual(['COOPERATE', 'REJECT']);
      expect(await types({ actor: { ids: ['country:FRA'] } })).toEqual([]);
      expect(await types({ dyad: { a: { countries: ['PRK'] }, b: { countries: ['USA'] }, directed: true } })).toEqual(['REJECT']);
      expect(await types({ source: 'northern wire' })).toEqual(['COOPERATE']);
      expect(await types({ source: 'Nobody' })).toEqual([]);
    });

    it('streams articles by id with counts (null when not analysed), text only on request, with filters', async () => {
      const { store } = ctx;
      const { a1, a2, a3, a4 } = await seed(store);
      const all = await collect(store.exportArticles({ pageSize: 3 }));
      expect(all.map((a) => a.id)).toEqual([a1, a2, a3, a4]);
      expect(all.map((a) => [a.entityCount, a.quoteCount, a.eventCount])).toEqual([[2, 1, 1], [1, 0, 1], [1, 2, 1], [null, null, null]]);
      expect(all[0]).toMatchObject({ sourceName: 'Harbor Ledger', kind: 'news', language: 'en', groupId: a1 });
      expect(all[0]!.text).toBeUndefined();
      expect((await collect(store.exportArticles({ withText: true, pageSize: 1 })))[0]!.text).toMatch(/^Article body number/);

      const ids = async (f: Parameters<Store['exportArticles']>[0]) => (await collect(store.exportArticles({ pageSize: 1, ...f }))).map((a) => a.id);
      expect(await ids({ since: '2026-03-03', until: '2026-03-04' })).toEqual([a2, a3]);
      expect(await ids({ source: 'DAILY MERIDIAN' })).toEqual([a3, a4]);
      expect(await ids({ kinds: ['opinion'] })).toEqual([a3]);
      expect(await ids({ actor: { names: ['odile marchetti'] } })).toEqual([a1]);
      expect(await ids({ actor: { ids: ['country:PRK'] } })).toEqual([a1, a2, a3]);
      expect(await ids({ actor: { countries: ['prk'] } })).toEqual([a1, a2, a3]);
      expect(await ids({ actor: { ids: ['country:FRA'], names: ['france'], countries: ['FRA'] } })).toEqual([]);
    });

    it('streams quotes from the stored analyses, filtered by speaker and kind', async () => {
      const { store } = ctx;
      const { a1, a3 } = await seed(store);
      const all = await collect(store.exportQuotes({ pageSize: 1 }));
      expect(all.map((q) => [q.articleId, q.index, q.quote.kind, q.quote.text])).toEqual([
        [a1, 0, 'direct', 'We are ready to talk.'],
        [a3, 0, 'direct', 'The offer is a trick.'],
        [a3, 1, 'indirect', 'talks were unlikely'],
      ]);
      expect(all[1]).toMatchObject({ sourceName: 'Daily Meridian', speakerCountry: 'PRK', url: expect.stringMatching(/^https:/) });
      expect((await collect(store.exportQuotes({ kinds: ['indirect'] }))).map((q) => q.quote.speaker?.description)).toEqual(['an official']);
      expect((await collect(store.exportQuotes({ actor: { countries: ['PRK'] } }))).map((q) => q.quote.text)).toEqual(['The offer is a trick.']);
      expect((await collect(store.exportQuotes({ actor: { names: ['odile marchetti'] } }))).map((q) => q.articleId)).toEqual([a1]);
      expect(await collect(store.exportQuotes({ since: '2026-03-05' }))).toEqual([]);
    });

    it('streams candidate actors by key and counts entity mentions', async () => {
      const { store } = ctx;
      await seed(store);
      const cands = await collect(store.exportCandidates({ pageSize: 1 }));
      expect(cands.map((c) => [c.key, c.status, c.articleCount])).toEqual([['name:odile marchetti', 'candidate', 1]]);
      await store.setCandidateStatus('name:odile marchetti', 'rejected');
      expect(await collect(store.exportCandidates({ status: 'candidate' }))).toEqual([]);
      expect((await collect(store.exportCandidates({ status: 'rejected', type: 'person' }))).length).toBe(1);
      const counts = await store.entityCounts(['country:PRK', 'name:odile marchetti', 'country:FRA']);
      expect(counts.get('country:PRK')).toEqual({ articles: 3, mentions: 6 });
      expect(counts.get('name:odile marchetti')).toEqual({ articles: 1, mentions: 1 });
      expect(counts.has('country:FRA')).toBe(false);
    });

    it('walks every row exactly once across many pages', async () => {
      const { store } = ctx;
      const ids: number[] = [];
      for (let i = 0; i < 23; i++) ids.push((await store.insertArticle(sampleArticle({ published: `2026-01-${String((i % 28) + 1).padStart(2, '0')}T00:00:00Z` }))).id);
      for (const [i, id] of ids.entries()) {
        // Same day for pairs of events: the keyset tie-break on id must not skip or repeat.
        const date = `2026-02-${String(Math.floor(i / 2) + 1).padStart(2, '0')}`;
        await store.saveAnalysis(id, fakeAnalysis('x', [], { events: [ev({ date, type: i % 2 ? 'ACCUSE' : 'REJECT', sentence: { start: 0, end: 1, text: `Event ${i}.` } })] }));
      }
      await store.mergeEvents();
      expect((await collect(store.exportArticles({ pageSize: 4 }))).map((a) => a.id)).toEqual(ids);
      const events = await collect(store.exportEvents({ pageSize: 4 }));
      const whole = await collect(store.exportEvents({ pageSize: 1000 }));
      expect(events.map((e) => e.event.id)).toEqual(whole.map((e) => e.event.id));
      expect(new Set(events.map((e) => e.event.id)).size).toBe(events.length);
      expect(events.length).toBe((await store.timeline({ limit: 1000 })).length);
      expect(events.map((e) => e.event.sortDate)).toEqual([...events.map((e) => e.event.sortDate)].sort());
    });
  });
}
