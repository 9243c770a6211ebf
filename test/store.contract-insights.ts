// Store contract, part 8: the insights aggregates — attention and tone per day or week bucket
// (actor, dyad, event type, keyword) and role observations with their evidence. Same answers on
// both backends (the date bucketing is the dialect-specific part).
import { describe, expect, it } from 'vitest';
import type { AnalysisEvent, Entity, RoleObservation } from '../src/analyze/types.js';
import type { Store } from '../src/store/types.js';
import { fakeAnalysis } from './store.contract-analyses.js';
import type { ContractContext } from './store.contract.js';
import { sampleArticle } from './store.contract.js';
import { ev } from './store.contract-events.js';

const PRK = { name: 'North Korea', entityId: 'country:PRK', country: 'PRK' };
const USA = { name: 'the United States', entityId: 'country:USA', country: 'USA' };
const PRK_ACTOR = { ids: ['country:PRK'], countries: ['PRK'], names: ['north korea'] };
const USA_ACTOR = { ids: ['country:USA'], countries: ['USA'], names: ['the united states'] };

function country(id: 'PRK' | 'USA', mentions: number): Entity {
  const name = id === 'PRK' ? 'North Korea' : 'the United States';
  return { id: `country:${id}`, name, type: 'country', country: id, roles: [], mentions: Array.from({ length: mentions }, (_, i) => ({ start: i, end: i + 1, text: name })) };
}

function role(over: Partial<RoleObservation>): RoleObservation {
  return { person: 'Tomas Brill', personId: null, title: 'Deputy Minister', org: 'Ministry of Fisheries', orgId: null, country: null, change: 'holds', date: null, sentence: { start: 0, end: 10, text: 'Deputy Minister Tomas Brill spoke.' }, ...over };
}

async function article(store: Store, published: string, text: string, entities: Entity[], events: AnalysisEvent[] = [], roles: RoleObservation[] = []): Promise<number> {
  const { id } = await store.insertArticle(sampleArticle({ published, text, sourceName: 'Harbor Ledger' }));
  await store.saveAnalysis(id, fakeAnalysis(text, entities, { events, roles }));
  return id;
}

/** 2026-03-02 and 2026-03-09 are Mondays. */
async function seed(store: Store): Promise<void> {
  const offer = (date: string, intensity: number, type: AnalysisEvent['type'] = 'COOPERATE') =>
    ev({ date, type, source: USA, target: PRK, intensity, sentence: { start: 0, end: 10, text: `The United States acted toward North Korea on ${date}.` } });
  const answer = (date: string, intensity: number, type: AnalysisEvent['type'] = 'REJECT') =>
    ev({ date, type, source: PRK, target: USA, intensity, sentence: { start: 0, end: 10, text: `North Korea answered the United States on ${date}.` } });
  await article(store, '2026-03-02T09:00:00Z', 'The United States offered talks to North Korea; sanctions stay.', [country('USA', 2), country('PRK', 3)], [offer('2026-03-02', 4)]);
  await article(store, '2026-03-03T23:30:00Z', 'North Korea rejected the offer and fired a missile.', [country('PRK', 2)], [answer('2026-03-03', -4)]);
  await article(store, '2026-03-08T10:00:00Z', 'Markets were calm. New sanctions were discussed.', [country('USA', 1)], [
    offer('2026-03-08', -6, 'SANCTION'),
    ev({ id: 'e2', date: '2026-03-08', type: 'AID', source: USA, target: PRK, intensity: 6, modality: 'hypothetical', sentence: { start: 0, end: 10, text: 'The US would send aid to North Korea.' } }),
    ev({ id: 'e3', date: '2026-03-08', type: 'THREATEN', source: USA, target: PRK, intensity: -7, negated: true, sentence: { start: 0, end: 10, text: 'The US did not threaten North Korea.' } }),
  ]);
  await article(store, '2026-03-10T08:00:00Z', 'North Korea and the United States met; no sanctions were mentioned.', [country('PRK', 1), country('USA', 1)], [answer('2026-03-10', 1, 'CONSULT')]);
  await store.mergeEvents();
}

export function insightsContract(ctx: ContractContext): void {
  describe('insights', () => {
    it('counts articles and mentions per day and per week for an actor and a dyad', async () => {
      const { store } = ctx;
      await seed(store);
      expect(await store.trendAttention({ kind: 'actor', actor: PRK_ACTOR }, { by: 'day' })).toEqual([
        { bucket: '2026-03-02', articles: 1, mentions: 3 },
        { bucket: '2026-03-03', articles: 1, mentions: 2 },
        { bucket: '2026-03-10', articles: 1, mentions: 1 },
      ]);
      expect(await store.trendAttention({ kind: 'actor', actor: USA_ACTOR }, { by: 'week' })).toEqual([
        { bucket: '2026-03-02', articles: 2, mentions: 3 }, // Sunday 03-08 is in the week of Monday 03-02
        { bucket: '2026-03-09', articles: 1, mentions: 1 },
      ]);
      // By name as well as id; the dyad counts articles naming both sides.
      expect(await store.trendAttention({ kind: 'actor', actor: { names: ['North Korea'] } }, { by: 'week' })).toEqual([
        { bucket: '2026-03-02', articles: 2, mentions: 5 },
        { bucket: '2026-03-09', articles: 1, mentions: 1 },
      ]);
      expect(await store.trendAttention({ kind: 'dyad', a: PRK_ACTOR, b: USA_ACTOR }, { by: 'week' })).toEqual([
        { bucket: '2026-03-02', articles: 1, mentions: 5 },
        { bucket: '2026-03-09', articles: 1, mentions: 2 },
      ]);
      expect(await store.trendAttention({ kind: 'actor', actor: PRK_ACTOR }, { by: 'day', since: '2026-03-03', until: '2026-03-09' })).toEqual([
        { bucket: '2026-03-03', articles: 1, mentions: 2 },
      ]);
      expect(await store.trendAttention({ kind: 'actor', actor: { ids: ['country:FRA'] } }, { by: 'day' })).toEqual([]);
    });

    it('counts event reports per type and full-text matches per keyword', async () => {
      const { store } = ctx;
      await seed(store);
      expect(await store.trendAttention({ kind: 'type', type: 'REJECT' }, { by: 'day' })).toEqual([{ bucket: '2026-03-03', articles: 1, mentions: 1 }]);
      expect(await store.trendAttention({ kind: 'keyword', text: 'sanctions' }, { by: 'week' })).toEqual([
        { bucket: '2026-03-02', articles: 2, mentions: null },
        { bucket: '2026-03-09', articles: 1, mentions: null },
      ]);
      expect(await store.trendAttention({ kind: 'keyword', text: '"new sanctions"' }, { by: 'day' })).toEqual([{ bucket: '2026-03-08', articles: 1, mentions: null }]);
      await expect(store.trendAttention({ kind: 'keyword', text: '""' }, { by: 'day' })).rejects.toMatchObject({ code: 'input' });
    });

    it('aggregates merged events per bucket: directed dyads, actors, types; negated and hypothetical left out', async () => {
      const { store } = ctx;
      await seed(store);
      expect(await store.trendTone({ kind: 'dyad', a: USA_ACTOR, b: PRK_ACTOR }, { by: 'day' })).toEqual([
        { bucket: '2026-03-02', events: 1, intensitySum: 4, coop: 1, conflict: 0 },
        { bucket: '2026-03-08', events: 1, intensitySum: -6, coop: 0, conflict: 1 },
      ]);
      expect(await store.trendTone({ kind: 'dyad', a: PRK_ACTOR, b: USA_ACTOR }, { by: 'week' })).toEqual([
        { bucket: '2026-03-02', events: 1, intensitySum: -4, coop: 0, conflict: 1 },
        { bucket: '2026-03-09', events: 1, intensitySum: 1, coop: 1, conflict: 0 },
      ]);
      expect(await store.trendTone({ kind: 'actor', actor: PRK_ACTOR }, { by: 'week' })).toEqual([
        { bucket: '2026-03-02', events: 3, intensitySum: -6, coop: 1, conflict: 2 },
        { bucket: '2026-03-09', events: 1, intensitySum: 1, coop: 1, conflict: 0 },
      ]);
      expect(await store.trendTone({ kind: 'type', type: 'SANCTION' }, { by: 'day', until: '2026-03-07' })).toEqual([]);
      expect(await store.trendTone({ kind: 'type', type: 'SANCTION' }, { by: 'day', since: '2026-03-08' })).toEqual([{ bucket: '2026-03-08', events: 1, intensitySum: -6, coop: 0, conflict: 1 }]);
    });

    it('lists role observations with their evidence, newest first, filtered by person, date and change', async () => {
      const { store } = ctx;
      const a1 = await article(store, '2026-01-05T10:00:00Z', 'Tomas Brill was appointed.', [], [], [role({ change: 'appointed', date: '2026-01-04' }), role({ person: 'Ivo Kern', title: 'Vice Minister' })]);
      const a2 = await article(store, '2026-02-10T10:00:00Z', 'Tomas Brill was dismissed.', [], [], [role({ change: 'dismissed', date: '2026-02' })]);
      const all = await store.roleRecords();
      expect(all.map((r) => [r.articleId, r.person, r.change, r.date])).toEqual([
        [a2, 'Tomas Brill', 'dismissed', '2026-02'],
        [a1, 'Ivo Kern', 'holds', '2026-01-05'], // no date in the sentence: the article's day
        [a1, 'Tomas Brill', 'appointed', '2026-01-04'],
      ]);
      expect(all[0]).toMatchObject({ personKey: 'name:tomas brill', title: 'Deputy Minister', org: 'Ministry of Fisheries', outlet: 'Harbor Ledger', url: expect.stringMatching(/^https:\/\/news\.example\//), sentence: 'Deputy Minister Tomas Brill spoke.' });
      expect((await store.roleRecords({ changesOnly: true })).map((r) => r.change)).toEqual(['dismissed', 'appointed']);
      expect((await store.roleRecords({ articleId: a1 })).map((r) => r.person)).toEqual(['Ivo Kern', 'Tomas Brill']);
      expect((await store.roleRecords({ articleId: a1, changesOnly: true })).map((r) => r.change)).toEqual(['appointed']);
      expect((await store.roleRecords({ person: { keys: ['name:ivo kern'] } })).map((r) => r.person)).toEqual(['Ivo Kern']);
      expect((await store.roleRecords({ person: { names: ['TOMAS BRILL'] } })).length).toBe(2);
      expect((await store.roleRecords({ since: '2026-02-01' })).map((r) => r.change)).toEqual(['dismissed']);
      expect((await store.roleRecords({ until: '2026-01-04' })).map((r) => r.change)).toEqual(['appointed']);
      expect(await store.roleRecords({ limit: 1 })).toHaveLength(1);
    });
  });
}
