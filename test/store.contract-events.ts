// Store contract, part 6: event reports saved with analyses, merging into real-world events
// (incremental, re-analysis safe), response links, and the timeline query.
import { describe, expect, it } from 'vitest';
import type { AnalysisEvent } from '../src/analyze/types.js';
import type { Store } from '../src/store/types.js';
import { fakeAnalysis } from './store.contract-analyses.js';
import type { ContractContext } from './store.contract.js';
import { sampleArticle } from './store.contract.js';

const PRK = { name: 'North Korea', entityId: 'country:PRK', country: 'PRK' };
const USA = { name: 'the United States', entityId: 'country:USA', country: 'USA' };

export function ev(over: Partial<AnalysisEvent> = {}): AnalysisEvent {
  const text = over.sentence?.text ?? 'North Korea rejected the US offer of talks without preconditions.';
  return {
    id: 'e1', date: '2026-03-02', type: 'REJECT', mode: null, source: PRK, target: USA, intensity: -4, cameo: '12', negated: false,
    modality: 'asserted', sourcing: 'official', sentence: { start: 0, end: text.length, text }, trigger: { start: 12, end: 20, text: 'rejected' },
    quote: null, respondsTo: null, responseCue: null, ...over,
  };
}

async function report(store: Store, outlet: string, published: string, events: AnalysisEvent[]): Promise<number> {
  const { id } = await store.insertArticle(sampleArticle({ sourceName: outlet, published }));
  await store.saveAnalysis(id, fakeAnalysis('x', [], { events }));
  return id;
}

export function eventContract(ctx: ContractContext): void {
  describe('events', () => {
    it('stores an article\'s events with its analysis and replaces them on re-save', async () => {
      const { store, harness } = ctx;
      const id = await report(store, 'Harbor Ledger', '2026-03-02T09:00:00Z', [ev(), ev({ id: 'e2', date: null, type: 'STATEMENT', target: null, quote: 'no talks' })]);
      const rows = await harness.query<{ event_id: string; anchor: string; source_country: string; target_country: string | null; has_target: number; sentence: string; merged_id: number | null }>(
        'SELECT event_id, anchor, source_country, target_country, has_target, sentence, merged_id FROM article_events ORDER BY seq');
      expect(rows.map((r) => [r.event_id, r.anchor, r.source_country, r.target_country, Number(r.has_target), r.merged_id])).toEqual([
        ['e1', '2026-03-02', 'PRK', 'USA', 1, null],
        ['e2', '2026-03-02', 'PRK', null, 0, null], // undated: anchored on the published day
      ]);
      expect(rows[0]!.sentence).toMatch(/offer of talks/);
      await store.saveAnalysis(id, fakeAnalysis('x', [], { events: [ev({ type: 'ACCUSE' })] }));
      expect(await harness.query('SELECT event_id, type FROM article_events')).toEqual([{ event_id: 'e1', type: 'ACCUSE' }]);
      expect(await store.mergeEvents()).toMatchObject({ reports: 1, created: 1 });
      expect(await store.mergeEvents()).toEqual({ reports: 0, created: 0, updated: 0, removed: 0, links: 0 });
    });

    it('merges reports of one event from several outlets and days into one event, and keeps other events apart', async () => {
      const { store } = ctx;
      await report(store, 'Harbor Ledger', '2026-03-02T09:00:00Z', [ev()]);
      await store.mergeEvents();
      await report(store, 'Northern Wire', '2026-03-03T07:00:00Z', [ev({ sentence: { start: 0, end: 10, text: "Pyongyang on Monday dismissed Washington's offer of talks." }, intensity: -5 })]);
      await report(store, 'Daily Meridian', '2026-03-04T07:00:00Z', [ev({ date: null, sentence: { start: 0, end: 10, text: 'North Korea has rejected an offer of talks from the United States.' } })]);
      // Same dyad and type a week later: another event. A hypothetical offer is not the offer made.
      await report(store, 'Northern Wire', '2026-03-09T07:00:00Z', [ev({ date: '2026-03-09', sentence: { start: 0, end: 10, text: 'North Korea rejected new sanctions talk.' } })]);
      await report(store, 'Daily Meridian', '2026-03-02T07:00:00Z', [
        ev({ type: 'AID', source: USA, target: PRK, intensity: 6, modality: 'hypothetical', sentence: { start: 0, end: 10, text: 'The US would provide aid if talks resumed.' } }),
        ev({ id: 'e2', type: 'AID', source: USA, target: PRK, intensity: 6, sentence: { start: 0, end: 10, text: 'The US offered food aid to North Korea.' } }),
      ]);
      await store.mergeEvents();
      const all = await store.timeline();
      expect(all).toHaveLength(4);
      const merged = all.find((e) => e.event.type === 'REJECT' && e.event.date === '2026-03-02')!;
      expect(merged.event).toMatchObject({ reportCount: 3, outlets: ['Harbor Ledger', 'Northern Wire', 'Daily Meridian'], intensity: -4.3, source: { country: 'PRK' }, target: { country: 'USA' } });
      expect(merged.event.firstSeen < merged.event.lastSeen).toBe(true);
      expect(merged.reports.map((r) => r.outlet)).toEqual(['Harbor Ledger', 'Northern Wire', 'Daily Meridian']);
      const aid = all.filter((e) => e.event.type === 'AID').map((e) => e.event.modality).sort();
      expect(aid).toEqual(['asserted', 'hypothetical']);
      expect(all.map((e) => e.event.sortDate)).toEqual([...all.map((e) => e.event.sortDate)].sort());
    });

    it('links a reply to the event it answers (explicit cue, in-article, reciprocity) and filters the timeline', async () => {
      const { store } = ctx;
      const offer = ev({ type: 'COOPERATE', source: USA, target: PRK, intensity: 4, sentence: { start: 0, end: 10, text: 'The United States offered talks with North Korea without preconditions.' } });
      await report(store, 'Harbor Ledger', '2026-03-02T09:00:00Z', [offer]);
      await store.mergeEvents();
      const reply = ev({ date: '2026-03-04', responseCue: 'in response to', sentence: { start: 0, end: 10, text: 'North Korea on Wednesday rejected talks, in response to the US offer.' } });
      const a2 = await report(store, 'Northern Wire', '2026-03-04T09:00:00Z', [reply, ev({ id: 'e2', date: '2026-03-05', type: 'THREATEN', intensity: -7, respondsTo: 'e1', responseCue: 'replied', sentence: { start: 0, end: 10, text: 'Washington replied with a warning.' }, source: USA, target: PRK })]);
      await store.mergeEvents();
      let tl = await store.timeline();
      expect(tl.map((e) => e.event.type)).toEqual(['COOPERATE', 'REJECT', 'THREATEN']);
      const [o, r, t] = tl as [typeof tl[0], typeof tl[0], typeof tl[0]];
      expect(r.respondsTo).toEqual([expect.objectContaining({ respondsTo: o.event.id, rule: 'cue', cue: 'in response to', articleId: a2 })]);
      expect(r.respondsTo[0]!.confidence).toBeGreaterThanOrEqual(0.6);
      expect(t.respondsTo).toEqual([expect.objectContaining({ respondsTo: r.event.id, rule: 'in-article', confidence: 0.95 })]);

      // Re-analysis replaces the article's reports without duplicating events or links.
      await store.saveAnalysis(a2, fakeAnalysis('x', [], { events: [reply] }));
      await store.mergeEvents();
      tl = await store.timeline();
      expect(tl.map((e) => [e.event.type, e.event.reportCount])).toEqual([['COOPERATE', 1], ['REJECT', 1]]);
      expect(tl[1]!.respondsTo.map((l) => l.respondsTo)).toEqual([tl[0]!.event.id]);
      await store.saveAnalysis(a2, fakeAnalysis('x', [], { events: [] }));
      await store.mergeEvents();
      expect((await store.timeline()).map((e) => e.event.type)).toEqual(['COOPERATE']);

      // Reciprocity without a cue: the target answers the source within days, on the same issue.
      await report(store, 'Daily Meridian', '2026-03-05T09:00:00Z', [ev({ date: '2026-03-05', sentence: { start: 0, end: 10, text: 'North Korea turned down the talks offer.' } })]);
      await store.mergeEvents();
      tl = await store.timeline();
      expect(tl[1]!.respondsTo).toEqual([expect.objectContaining({ respondsTo: tl[0]!.event.id, rule: 'reciprocity' })]);

      expect((await store.timeline({ actor: { countries: ['prk'] } })).length).toBe(2);
      expect((await store.timeline({ actor: { names: ['north korea'] } })).length).toBe(2);
      expect((await store.timeline({ dyad: { a: { countries: ['PRK'] }, b: { countries: ['USA'] } } })).length).toBe(2);
      expect((await store.timeline({ dyad: { a: { countries: ['PRK'] }, b: { countries: ['USA'] }, directed: true } })).map((e) => e.event.type)).toEqual(['REJECT']);
      expect((await store.timeline({ since: '2026-03-03' })).map((e) => e.event.type)).toEqual(['REJECT']);
      expect((await store.timeline({ until: '2026-03-02' })).map((e) => e.event.type)).toEqual(['COOPERATE']);
      expect(await store.timeline({ actor: { ids: ['country:FRA'] } })).toEqual([]);
    });
  });
}
