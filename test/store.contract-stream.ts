// Store contract, part 11: the live feed behind GET /stream (src/store/stream.ts): articles,
// merged events and alerts after a position, ascending and paged per table, with the fields a
// live screen filters on, and the head position a new feed starts from; plus the timeline's
// newest-first window the rule dry run reads (src/alerts/dry-run.ts).
import { describe, expect, it } from 'vitest';
import { parseRuleSpec, resolveRule } from '../src/alerts/rules.js';
import { fakeAnalysis } from './store.contract-analyses.js';
import type { ContractContext } from './store.contract.js';
import { sampleArticle } from './store.contract.js';
import { ev } from './store.contract-events.js';

const ZERO = { articleId: 0, eventId: 0, alertId: 0 };

export function streamContract(ctx: ContractContext): void {
  describe('live feed (stream)', () => {
    it('starts at 0:0:0 on an empty store and reads nothing after it', async () => {
      expect(await ctx.store.streamHead()).toEqual(ZERO);
      expect(await ctx.store.streamAfter(ZERO, 10)).toEqual({ articles: [], events: [], alerts: [] });
    });

    it('reads articles, merged events and alerts after a position, ascending, at most limit of each', async () => {
      const { store } = ctx;
      const source = await store.addSource({ url: 'https://harbor.example/feed.xml', kind: 'feed', title: 'Harbor Ledger', intervalSeconds: 60 });
      const a1 = (await store.insertArticle(sampleArticle({ sourceId: source.id, sourceName: 'Harbor Ledger', published: '2026-03-02T09:00:00Z', kind: 'news' }))).id;
      const a2 = (await store.insertArticle(sampleArticle({ sourceName: 'Northern Wire', published: null, kind: 'opinion', language: 'fr' }))).id;
      await store.saveAnalysis(a1, fakeAnalysis('x', [], { events: [ev()] }));
      await store.saveAnalysis(a2, fakeAnalysis('x', [], { events: [ev({ date: '2026-03-20', type: 'THREATEN', intensity: -7, negated: true, sentence: { start: 0, end: 10, text: 'North Korea did not threaten the United States.' } })] }));
      await store.mergeEvents();
      const spec = parseRuleSpec({ name: 'rejections', match: { types: ['REJECT'] } });
      const rule = await store.createRule({ spec, resolved: resolveRule(spec, null), origin: 'api' });
      const [entry] = await store.alertCandidates(a1);
      const eventAlert = await store.recordAlert({
        rule, mergedEventId: entry!.event.id, reportKeys: [`${a1}:e1`], title: 'REJECT: North Korea → the United States',
        payload: { kind: 'event', rule: { id: rule.id, name: rule.name }, reasons: ['type REJECT'], event: { id: `ev${entry!.event.id}`, type: 'REJECT', intensity: -4 } },
      });
      const keyed = await store.recordAlert({ rule, mergedEventId: null, reportKeys: [], dedupeKey: 'spike:2026-03-02', title: 'SPIKE', payload: { reasons: ['spike'] } });

      const page = await store.streamAfter(ZERO, 10);
      expect(page.articles).toEqual([
        { id: a1, url: expect.stringMatching(/^https:\/\/news\.example\//), title: expect.any(String), sourceId: source.id, sourceName: 'Harbor Ledger', published: '2026-03-02T09:00:00Z', kind: 'news', language: 'en', fetchedAt: '2024-05-02T08:00:00.000Z' },
        { id: a2, url: expect.any(String), title: expect.any(String), sourceId: null, sourceName: 'Northern Wire', published: null, kind: 'opinion', language: 'fr', fetchedAt: '2024-05-02T08:00:00.000Z' },
      ]);
      expect(page.events).toHaveLength(2);
      const [reject, threat] = page.events;
      expect(reject).toEqual({
        id: entry!.event.id, date: '2026-03-02', sortDate: '2026-03-02', type: 'REJECT', intensity: -4, negated: false, reportCount: 1, outlets: ['Harbor Ledger'],
        source: { name: 'North Korea', entityId: 'country:PRK', country: 'PRK', institution: null },
        target: { name: 'the United States', entityId: 'country:USA', country: 'USA', institution: null },
      });
      expect(threat).toMatchObject({ type: 'THREATEN', intensity: -7, negated: true, outlets: ['Northern Wire'] });
      expect(threat!.id).toBeGreaterThan(reject!.id);
      expect(page.alerts).toEqual([
        { id: eventAlert!.alert.id, ruleId: rule.id, ruleName: 'rejections', kind: 'event', mergedEventId: entry!.event.id, title: 'REJECT: North Korea → the United States', reasons: ['type REJECT'], eventType: 'REJECT', intensity: -4, createdAt: eventAlert!.alert.createdAt },
        // No kind in the payload: the dedupe key says it is a spike alert; no event fields.
        { id: keyed!.alert.id, ruleId: rule.id, ruleName: 'rejections', kind: 'spike', mergedEventId: null, title: 'SPIKE', reasons: ['spike'], eventType: null, intensity: null, createdAt: keyed!.alert.createdAt },
      ]);

      const head = await store.streamHead();
      expect(head).toEqual({ articleId: a2, eventId: threat!.id, alertId: keyed!.alert.id });
      expect(await store.streamAfter(head, 10)).toEqual({ articles: [], events: [], alerts: [] });
      // Each table pages on its own id; limit applies per table.
      const one = await store.streamAfter({ articleId: a1, eventId: 0, alertId: eventAlert!.alert.id }, 1);
      expect([one.articles.map((a) => a.id), one.events.map((e) => e.id), one.alerts.map((a) => a.id)]).toEqual([[a2], [reject!.id], [keyed!.alert.id]]);
    });

    it('keeps the newest events of a timeline window when asked (still in date order)', async () => {
      const { store } = ctx;
      for (const day of ['2026-03-02', '2026-03-05', '2026-03-09']) {
        const { id } = await store.insertArticle(sampleArticle({ published: `${day}T09:00:00Z` }));
        await store.saveAnalysis(id, fakeAnalysis('x', [], { events: [ev({ date: day, sentence: { start: 0, end: 10, text: `North Korea rejected the offer made on ${day}.` } })] }));
        await store.mergeEvents();
      }
      const days = async (f: Parameters<typeof store.timeline>[0]) => (await store.timeline(f)).map((e) => e.event.sortDate);
      expect(await days({ limit: 2 })).toEqual(['2026-03-02', '2026-03-05']);
      expect(await days({ limit: 2, newest: true })).toEqual(['2026-03-05', '2026-03-09']);
      expect(await days({ since: '2026-03-03', limit: 1, newest: true })).toEqual(['2026-03-09']);
    });
  });
}
