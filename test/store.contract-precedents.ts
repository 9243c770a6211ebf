// Store contract, part 9: the precedents query (earlier events of the same type and dyad,
// ranked, and what followed each), saved briefs, and the countries of article entities.
import { describe, expect, it } from 'vitest';
import type { AnalysisEvent, Entity } from '../src/analyze/types.js';
import type { Store } from '../src/store/types.js';
import { fakeAnalysis } from './store.contract-analyses.js';
import type { ContractContext } from './store.contract.js';
import { sampleArticle } from './store.contract.js';
import { ev } from './store.contract-events.js';

const PRK = { name: 'North Korea', entityId: 'country:PRK', country: 'PRK' };
const USA = { name: 'the United States', entityId: 'country:USA', country: 'USA' };
const CHN = { name: 'China', entityId: 'country:CHN', country: 'CHN' };
const OFFER_QUOTE = 'We reject the offer of talks, a hostile trick';

async function article(store: Store, outlet: string, day: string, events: AnalysisEvent[], entities: Entity[] = []): Promise<number> {
  const { id } = await store.insertArticle(sampleArticle({ sourceName: outlet, published: `${day}T10:00:00Z` }));
  await store.saveAnalysis(id, fakeAnalysis('x', entities, { events }));
  return id;
}

const reject = (date: string, over: Partial<AnalysisEvent> = {}) => ev({ date, type: 'REJECT', source: PRK, target: USA, quote: OFFER_QUOTE, ...over });

async function idOf(store: Store, date: string, type: string, source: string): Promise<number> {
  const found = (await store.timeline({ since: date, until: date })).find((x) => x.event.type === type && x.event.source.country === source);
  expect(found, `${date} ${type} ${source}`).toBeDefined();
  return found!.event.id;
}

export function precedentsContract(ctx: ContractContext): void {
  describe('precedents and briefs', () => {
    it('ranks earlier events of the same type and dyad and lists what followed each', async () => {
      const { store } = ctx;
      await article(store, 'Harbor Ledger', '2026-01-05', [reject('2026-01-05')]);
      await article(store, 'Northern Wire', '2026-01-07', [ev({ date: '2026-01-07', type: 'THREATEN', source: USA, target: PRK, intensity: -6, sentence: { start: 0, end: 20, text: 'The US threatened sanctions.' } })]);
      await article(store, 'Daily Meridian', '2026-01-06', [reject('2026-01-06', { target: CHN })]);
      await article(store, 'Capital Courier', '2026-01-25', [ev({ date: '2026-01-25', type: 'CONSULT', source: PRK, target: USA, intensity: 1, sentence: { start: 0, end: 20, text: 'North Korea met US envoys.' } })]);
      await article(store, 'Harbor Ledger', '2026-01-30', [reject('2026-01-30', { source: USA, target: PRK })]);
      await article(store, 'Tidewater Post', '2026-02-05', [reject('2026-02-05', { quote: 'The sanctions resolution is unacceptable', sentence: { start: 0, end: 40, text: 'North Korea rejected the sanctions resolution.' } })]);
      // Nine days before the event, same words: the same crisis (within CRISIS_DAYS), never a precedent.
      await article(store, 'Northern Wire', '2026-03-01', [reject('2026-03-01')]);
      await article(store, 'Capital Courier', '2026-03-10', [reject('2026-03-10', { quote: 'We reject the offer of talks as a hostile trick' })]);
      await store.mergeEvents();

      const now = await idOf(store, '2026-03-10', 'REJECT', 'PRK');
      const first = await idOf(store, '2026-01-05', 'REJECT', 'PRK');
      const reverse = await idOf(store, '2026-01-30', 'REJECT', 'USA');
      const other = await idOf(store, '2026-02-05', 'REJECT', 'PRK');
      const threat = await idOf(store, '2026-01-07', 'THREATEN', 'USA');

      const result = await store.precedents(now);
      expect(result?.event.event.id).toBe(now);
      expect(result!.days).toBe(14);
      expect(result!.precedents.map((p) => [p.entry.event.id, p.direction])).toEqual([[first, 'same'], [reverse, 'reverse'], [other, 'same']]);
      expect(result!.precedents[0]!.entry.reports[0]).toMatchObject({ outlet: 'Harbor Ledger', url: expect.stringMatching(/^https:/) });
      // What followed the first rejection: the US threat two days later; the meeting on day 20 is outside 14 days; China is another dyad.
      expect(result!.precedents[0]!.followed.map((f) => [f.id, f.daysAfter, f.type, f.intensity])).toEqual([[threat, 2, 'THREATEN', -6]]);
      const wide = await store.precedents(now, { days: 20, limit: 1 });
      expect(wide!.precedents).toHaveLength(1);
      expect(wide!.precedents[0]!.followed.map((f) => f.type)).toEqual(['THREATEN', 'CONSULT']);
      expect((await store.precedents(first))!.precedents).toEqual([]);
      expect(await store.precedents(999_999)).toBeNull();
    });

    it('saves, lists and reads briefs; reads the countries of article entities', async () => {
      const { store } = ctx;
      const a = await store.saveBrief({ since: '2026-03-01', until: '2026-03-07', focus: 'PRK', title: 'Brief one', format: 'md', itemCount: 3, content: '# Brief one', data: '{"title":"Brief one"}' });
      const b = await store.saveBrief({ since: '2026-03-08', until: '2026-03-14', focus: null, title: 'Brief two', format: 'html', itemCount: 0, content: '<!DOCTYPE html>', data: '{}' });
      expect(a).toMatchObject({ id: expect.any(Number), title: 'Brief one', focus: 'PRK', format: 'md', itemCount: 3, since: '2026-03-01', until: '2026-03-07' });
      expect((await store.listBriefs()).map((x) => x.id)).toEqual([b.id, a.id]);
      expect(await store.listBriefs(1)).toHaveLength(1);
      expect(await store.getBrief(a.id)).toMatchObject({ ...a, content: '# Brief one', data: '{"title":"Brief one"}' });
      expect(await store.getBrief(999_999)).toBeNull();

      const person: Entity = { id: 'name:pak chol jun', name: 'Pak Chol-jun', type: 'person', country: null, roles: [], mentions: [{ start: 0, end: 1, text: 'Pak' }] };
      const prk: Entity = { id: 'country:PRK', name: 'North Korea', type: 'country', country: 'PRK', roles: [], mentions: [{ start: 0, end: 1, text: 'North Korea' }] };
      const id = await article(store, 'Capital Courier', '2026-03-02', [], [person, prk]);
      expect(await store.articleEntityCountries([id, 999_999])).toEqual([{ articleId: id, entityKey: 'country:PRK', country: 'PRK' }]);
    });
  });
}
