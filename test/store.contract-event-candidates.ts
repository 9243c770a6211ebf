// Store contract, part 6b: analysis cost independent of store size. Reports keep their compared
// words (computed once, when saved), and merging / re-linking read candidates through indexes
// and re-link only what a merge can change: the results must be those of linking from scratch.
import { describe, expect, it } from 'vitest';
import type { AnalysisEvent } from '../src/analyze/types.js';
import { reportWords } from '../src/events/identity.js';
import { decodeWords } from '../src/events/words.js';
import type { Store } from '../src/store/types.js';
import { fakeAnalysis } from './store.contract-analyses.js';
import { ev } from './store.contract-events.js';
import type { ContractContext } from './store.contract.js';
import { sampleArticle } from './store.contract.js';

const PRK = { name: 'North Korea', entityId: 'country:PRK', country: 'PRK' };
const USA = { name: 'the United States', entityId: 'country:USA', country: 'USA' };
const CHN = { name: 'China', entityId: 'country:CHN', country: 'CHN' };

async function report(store: Store, published: string, events: AnalysisEvent[]): Promise<number> {
  const { id } = await store.insertArticle(sampleArticle({ sourceName: 'Harbor Ledger', published }));
  await store.saveAnalysis(id, fakeAnalysis('x', [], { events }));
  return id;
}
const said = (text: string) => ({ start: 0, end: text.length, text });

/** Every response link as "first report of the answering event -> first report of the answered one". */
async function linkKeys(ctx: ContractContext): Promise<string[]> {
  const rows = await ctx.harness.query<{ a: string; b: string; rule: string; confidence: number }>(`
    SELECT (SELECT min(article_id * 100 + seq) FROM article_events WHERE merged_id = l.event_id) AS a,
           (SELECT min(article_id * 100 + seq) FROM article_events WHERE merged_id = l.responds_to) AS b, l.rule, l.confidence
    FROM event_links l`);
  return rows.map((r) => `${Number(r.a)}->${Number(r.b)} ${r.rule} ${Number(r.confidence)}`).sort();
}

export function eventCandidateContract(ctx: ContractContext): void {
  describe('events at scale', () => {
    it('saves each report\'s compared words and merges on the stored ones', async () => {
      const { store, harness } = ctx;
      const text = 'North Korea rejected the offer of talks from the United States.';
      const first = await report(store, '2026-03-02T09:00:00Z', [ev({ sentence: said(text) })]);
      await store.mergeEvents();
      const [row] = await harness.query<{ words: string | null; quote: string | null; sentence: string; trigger: string | null }>(`SELECT words, quote, sentence, trigger FROM article_events WHERE article_id = ${first}`);
      expect(decodeWords(row!.words)).toEqual(reportWords({ quote: row!.quote, sentence: row!.sentence, trigger: row!.trigger, source: { ...PRK, institution: null }, target: { ...USA, institution: null } }));
      // A STATEMENT joins another type only on nearly the same words: with the stored words it does...
      await report(store, '2026-03-02T11:00:00Z', [ev({ type: 'STATEMENT', sentence: said(text) })]);
      await store.mergeEvents();
      expect(await store.timeline()).toHaveLength(1);
      // ...and once the stored words say something else, it does not: the merge reads them, it does not re-stem.
      const later = await report(store, '2026-03-20T09:00:00Z', [ev({ date: '2026-03-20', sentence: said(text) })]);
      await store.mergeEvents();
      await harness.query(`UPDATE article_events SET words = '{"v":1,"q":[],"s":["zzzz"]}' WHERE article_id = ${later}`);
      // (Compared from its rows: an event without a fingerprint, as in a store from before migration 11; store.contract-event-fingerprints.ts has the fingerprint case.)
      await harness.query(`DELETE FROM event_fingerprints WHERE event_id = (SELECT merged_id FROM article_events WHERE article_id = ${later})`);
      await report(store, '2026-03-20T11:00:00Z', [ev({ date: '2026-03-20', type: 'STATEMENT', sentence: said(text) })]);
      await store.mergeEvents();
      expect(await store.timeline()).toHaveLength(3);
    });

    it('re-links incrementally to the same links as re-linking every event from scratch', async () => {
      const { store, harness } = ctx;
      const days = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07'];
      const articles: AnalysisEvent[][] = [
        [ev({ date: days[0], type: 'COOPERATE', source: USA, target: PRK, intensity: 4, sentence: said('The United States offered talks on the missile programme.') })],
        [ev({ date: days[1], responseCue: 'in response to', sentence: said('North Korea rejected the talks on the missile programme, in response to the offer.') }),
          ev({ id: 'e2', date: days[1], type: 'ACCUSE', source: CHN, target: USA, intensity: -2, sentence: said('China accused the United States of pressure over the missile programme.') })],
        [ev({ date: days[2], type: 'THREATEN', source: USA, target: PRK, intensity: -6, sentence: said('The United States warned North Korea over the missile programme.') })],
        [ev({ date: days[3], type: 'REJECT', source: USA, target: CHN, intensity: -4, responseCue: 'dismissed', sentence: said('Washington dismissed the Chinese accusation of pressure.') })],
        [ev({ date: days[3], type: 'THREATEN', sentence: said('North Korea threatened a response to the warning over the missile programme.'), intensity: -6 })],
        [ev({ date: days[4], type: 'COOPERATE', source: USA, target: PRK, intensity: 4, sentence: said('The United States offered new talks on the missile programme.') })],
        [ev({ date: days[5], responseCue: 'in response to', sentence: said('North Korea rejected the new talks offer, in response to the proposal.') })],
        // Out of date order: an earlier report arriving late changes links after it.
        [ev({ date: days[2], type: 'PROTEST', source: PRK, target: USA, intensity: -4, sentence: said('North Korea protested the talks offer on the missile programme.') })],
        // A reply answers a loosely worded offer until the offer it quotes arrives late, dated between them.
        [ev({ date: '2026-03-10', type: 'COOPERATE', source: USA, target: CHN, intensity: 4, sentence: said('Washington proposed dialogue with Beijing.') })],
        [ev({ date: '2026-03-13', type: 'REJECT', source: CHN, target: USA, responseCue: 'in response to', sentence: said('China rejected the offered trade talks on tariffs, in response to the offer.') })],
        [ev({ date: '2026-03-12', type: 'COOPERATE', source: USA, target: CHN, intensity: 4, sentence: said('The United States offered trade talks on tariffs.') })],
      ];
      for (const [i, events] of articles.entries()) {
        await report(store, `${events[0]!.date}T12:00:00Z`, events);
        await store.mergeEvents();
        if (i === articles.length - 2) {
          const [offer, reply] = await store.timeline({ since: '2026-03-10' });
          expect(reply!.respondsTo.map((l) => l.respondsTo)).toEqual([offer!.event.id]);
        }
      }
      const incremental = await linkKeys(ctx);
      expect(incremental.filter((l) => / (cue|reciprocity) /.test(l)).length).toBeGreaterThanOrEqual(3);
      const tl = await store.timeline({ since: '2026-03-10' });
      expect(tl.map((e) => e.event.date)).toEqual(['2026-03-10', '2026-03-12', '2026-03-13']);
      expect(tl[2]!.respondsTo.map((l) => l.respondsTo)).toEqual([tl[1]!.event.id]);
      await harness.query('UPDATE merged_events SET dirty = 1');
      await store.mergeEvents();
      expect(await linkKeys(ctx)).toEqual(incremental);
    });

    it('moves an answer to the next best event when the answered event is removed', async () => {
      const { store } = ctx;
      await report(store, '2026-03-01T09:00:00Z', [ev({ date: '2026-03-01', type: 'COOPERATE', source: USA, target: PRK, intensity: 4, sentence: said('Washington proposed dialogue with Pyongyang.') })]);
      const x = await report(store, '2026-03-03T09:00:00Z', [ev({ date: '2026-03-03', type: 'COOPERATE', source: USA, target: PRK, intensity: 4, sentence: said('The United States offered talks on the missile programme.') })]);
      await report(store, '2026-03-04T09:00:00Z', [ev({ date: '2026-03-04', responseCue: 'in response to', sentence: said('North Korea rejected the offered talks on the missile programme, in response to the offer.') })]);
      await store.mergeEvents();
      let tl = await store.timeline();
      expect(tl.map((e) => e.event.date)).toEqual(['2026-03-01', '2026-03-03', '2026-03-04']);
      expect(tl[2]!.respondsTo.map((l) => l.respondsTo)).toEqual([tl[1]!.event.id]);
      await store.saveAnalysis(x, fakeAnalysis('x', [], { events: [] }));
      await store.mergeEvents();
      tl = await store.timeline();
      expect(tl.map((e) => e.event.date)).toEqual(['2026-03-01', '2026-03-04']);
      expect(tl[1]!.respondsTo).toEqual([expect.objectContaining({ respondsTo: tl[0]!.event.id, rule: 'cue' })]);
    });
  });
}
