// Store contract, part 6c: event fingerprints (migration 11, src/events/fingerprint.ts). Every
// merged event keeps one row with its reports' matching fields and stems; merging compares
// candidate events from it, and falls back to the report rows when an event has none (stores from
// before migration 11, dirty events): both must merge and link the same.
import { describe, expect, it } from 'vitest';
import type { AnalysisEvent } from '../src/analyze/types.js';
import { decodeFingerprint } from '../src/events/fingerprint.js';
import { reportWords } from '../src/events/identity.js';
import { decodeWords, wordsOf } from '../src/events/words.js';
import type { Store } from '../src/store/types.js';
import { fakeAnalysis } from './store.contract-analyses.js';
import { ev } from './store.contract-events.js';
import type { ContractContext } from './store.contract.js';
import { sampleArticle } from './store.contract.js';

const USA = { name: 'the United States', entityId: 'country:USA', country: 'USA' };
const said = (text: string) => ({ start: 0, end: text.length, text });

async function report(store: Store, published: string, events: AnalysisEvent[]): Promise<number> {
  const { id } = await store.insertArticle(sampleArticle({ sourceName: 'Harbor Ledger', published }));
  await store.saveAnalysis(id, fakeAnalysis('x', [], { events }));
  return id;
}

async function fingerprintOf(ctx: ContractContext, articleId: number): Promise<string | null> {
  const rows = await ctx.harness.query<{ reports: string }>(
    `SELECT f.reports FROM event_fingerprints f JOIN article_events e ON e.merged_id = f.event_id WHERE e.article_id = ${articleId}`);
  return rows[0]?.reports ?? null;
}

/** Timeline and links as plain values, events named by their place in the timeline (the two runs give them different ids). */
async function outcome(store: Store): Promise<string[]> {
  const tl = await store.timeline();
  const index = new Map(tl.map((e, i) => [e.event.id, i]));
  return tl.map((e) => `${e.event.date} ${e.event.type} ${e.event.reportCount} -> ${e.respondsTo.map((l) => `${index.get(l.respondsTo)} ${l.rule} ${l.confidence}`).join(',')}`);
}

const TEXT = 'North Korea rejected the offer of talks from the United States.';
const ARTICLES: [string, AnalysisEvent[]][] = [
  ['2026-03-02T09:00:00Z', [ev({ date: '2026-03-02', type: 'COOPERATE', source: USA, target: { name: 'North Korea', entityId: 'country:PRK', country: 'PRK' }, intensity: 4, sentence: said('The United States offered talks to North Korea.') })]],
  ['2026-03-03T09:00:00Z', [ev({ date: '2026-03-03', responseCue: 'in response to', sentence: said(TEXT) })]],
  ['2026-03-03T11:00:00Z', [ev({ date: '2026-03-03', sentence: said(TEXT) })]],
  ['2026-03-03T12:00:00Z', [ev({ date: '2026-03-03', type: 'STATEMENT', sentence: said(TEXT) })]],
  ['2026-03-04T12:00:00Z', [ev({ type: 'REJECT', sentence: said('Pyongyang again rejected the talks offer.') })]],
];

export function eventFingerprintContract(ctx: ContractContext): void {
  describe('event fingerprints', () => {
    it('keeps each event\'s reports and stored words in its fingerprint, and compares candidates from it', async () => {
      const { store, harness } = ctx;
      const first = await report(store, '2026-03-02T09:00:00Z', [ev({ sentence: said(TEXT) })]);
      await report(store, '2026-03-02T11:00:00Z', [ev({ sentence: said(TEXT) })]);
      await store.mergeEvents();
      const light = decodeFingerprint(await fingerprintOf(ctx, first), 0)!;
      const rows = await harness.query<{ words: string }>(`SELECT words FROM article_events ORDER BY article_id, seq`);
      expect(light).toHaveLength(2);
      expect(light.map((r) => wordsOf(r, reportWords))).toEqual(rows.map((r) => decodeWords(r.words)));
      // A STATEMENT joins another type only on nearly the same words: the merge reads them from the fingerprint.
      const later = await report(store, '2026-03-20T09:00:00Z', [ev({ date: '2026-03-20', sentence: said(TEXT) })]);
      await store.mergeEvents();
      const stored = (await fingerprintOf(ctx, later))!;
      const tampered = JSON.parse(stored) as { r: unknown[][] };
      tampered.r[0]![12] = [];
      tampered.r[0]![13] = ['zzzz'];
      const cell = JSON.stringify(tampered).replace(/'/g, "''");
      await harness.query(`UPDATE event_fingerprints SET reports = '${cell}' WHERE event_id = (SELECT merged_id FROM article_events WHERE article_id = ${later})`);
      expect(wordsOf(decodeFingerprint(await fingerprintOf(ctx, later), 0)![0]!, reportWords).sentence).toEqual(new Set(['zzzz']));
      await report(store, '2026-03-20T11:00:00Z', [ev({ date: '2026-03-20', type: 'STATEMENT', sentence: said(TEXT) })]);
      await store.mergeEvents();
      expect(await store.timeline()).toHaveLength(3);
    });

    it('drops the fingerprint of an event a re-analysis leaves, and writes it again with the merge', async () => {
      const { store } = ctx;
      const a = await report(store, '2026-03-02T09:00:00Z', [ev({ sentence: said(TEXT) })]);
      const b = await report(store, '2026-03-02T11:00:00Z', [ev({ sentence: said(TEXT) })]);
      await store.mergeEvents();
      expect(decodeFingerprint(await fingerprintOf(ctx, b), 0)).toHaveLength(2);
      await store.saveAnalysis(a, fakeAnalysis('x', [], { events: [] }));
      expect(await fingerprintOf(ctx, b)).toBeNull();
      await store.mergeEvents();
      expect(decodeFingerprint(await fingerprintOf(ctx, b), 0)!.map((r) => r.articleId)).toEqual([b]);
    });

    it('merges and links the same when events have no fingerprint (a store from before migration 11)', async () => {
      const { store, harness } = ctx;
      for (const [published, events] of ARTICLES) {
        await report(store, published, events);
        await store.mergeEvents();
      }
      const withFingerprints = await outcome(store);
      expect(withFingerprints.some((l) => / cue /.test(l))).toBe(true);
      expect(withFingerprints.length).toBeLessThan(ARTICLES.length);
      // The same articles again, on events stripped of their fingerprints before every merge.
      await harness.query('DELETE FROM event_links');
      await harness.query('DELETE FROM event_fingerprints');
      await harness.query('DELETE FROM article_events');
      await harness.query('DELETE FROM merged_events');
      for (const [published, events] of ARTICLES) {
        await report(store, published, events);
        await harness.query('DELETE FROM event_fingerprints');
        await store.mergeEvents();
      }
      expect(await outcome(store)).toEqual(withFingerprints);
    });
  });
}
