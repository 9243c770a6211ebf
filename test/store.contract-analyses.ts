// Store contract, part 5: analyses, their query tables, and candidate actors.
import { describe, expect, it } from 'vitest';
import type { Analysis, Entity } from '../src/analyze/types.js';
import type { Store } from '../src/store/types.js';
import type { ContractContext } from './store.contract.js';
import { sampleArticle } from './store.contract.js';

function person(name: string, over: Partial<Entity> = {}): Entity {
  return { id: null, name, type: 'person', country: null, roles: [], mentions: [{ start: 0, end: name.length, text: name, via: 'name' }], ...over };
}

/** A hand-made analysis (the analyzer itself is not under test here). */
export function fakeAnalysis(text: string, entities: Entity[], over: Partial<Analysis> = {}): Analysis {
  return {
    document: { title: 'T', published: '2024-05-01', language: 'en', url: null, byline: null, kind: 'news', text },
    entities,
    quotes: [],
    events: [],
    dates: [{ start: 0, end: 6, text: 'Monday', value: '2024-04-29', granularity: 'day' }],
    roles: [],
    analyzer: { version: 'a1', registry: 'r1' },
    ...over,
  };
}

async function article(store: Store, published: string): Promise<number> {
  return (await store.insertArticle(sampleArticle({ published }))).id;
}

export function analysisContract(ctx: ContractContext): void {
  describe('analyses', () => {
    it('saves and reads back an analysis (text from the article), replacing the query rows on re-save', async () => {
      const { store, harness } = ctx;
      const id = await article(store, '2024-05-01T10:00:00Z');
      const text = (await store.getArticle(id))!.text;
      const kowal = person('Anna Kowal', { roles: ['Deputy Minister'], affiliation: 'Ministry of Ports' });
      const roles: Analysis['roles'] = [{
        person: 'Anna Kowal', personId: null, title: 'Deputy Minister', org: null, orgId: null, country: null, change: 'holds', date: '2024-05-01',
        sentence: { start: 0, end: 10, text: 'Deputy Minister Anna Kowal said' },
      }];
      const country: Entity = { id: 'country:POL', name: 'Poland', type: 'country', country: 'POL', roles: [], mentions: [{ start: 1, end: 2, text: 'P' }, { start: 3, end: 4, text: 'P' }] };
      const a = fakeAnalysis(text, [kowal, country], { roles });
      await store.saveAnalysis(id, a);
      const back = await store.getAnalysis(id);
      expect(back).toMatchObject({ articleId: id, analyzerVersion: 'a1', registryVersion: 'r1' });
      expect(back?.analysis).toEqual(a);
      expect(Date.parse(back?.analyzedAt ?? '')).not.toBeNaN();
      const stored = await harness.query<{ analysis: string }>('SELECT analysis FROM analyses');
      expect(JSON.parse(stored[0]!.analysis).document.text).toBeUndefined();
      const entities = await harness.query<{ entity_key: string; mention_count: number }>('SELECT entity_key, mention_count FROM article_entities ORDER BY entity_key');
      expect(entities.map((e) => [e.entity_key, Number(e.mention_count)])).toEqual([['country:POL', 2], ['name:anna kowal', 1]]);
      const obs = await harness.query<{ person_key: string; change: string }>('SELECT person_key, change FROM role_observations');
      expect(obs).toEqual([{ person_key: 'name:anna kowal', change: 'holds' }]);

      await store.saveAnalysis(id, fakeAnalysis(text, [country], { analyzer: { version: 'a2', registry: 'r1' } }));
      expect(await store.getAnalysis(id)).toMatchObject({ analyzerVersion: 'a2', analysis: { entities: [country], roles: [] } });
      expect(await harness.query('SELECT entity_key FROM article_entities')).toEqual([{ entity_key: 'country:POL' }]);
      expect(await harness.query('SELECT * FROM role_observations')).toEqual([]);
      expect(await harness.query('SELECT article_id FROM analyses')).toHaveLength(1);
      expect(await store.getAnalysis(id + 1000)).toBeNull();
      await expect(store.saveAnalysis(id + 1000, a)).rejects.toMatchObject({ code: 'input' });
    });

    it('keeps unknown persons and organisations as candidates, counted once per article however often re-analysed', async () => {
      const { store } = ctx;
      const a1 = await article(store, '2024-05-01T10:00:00Z');
      const a2 = await article(store, '2024-05-03T10:00:00Z');
      const a3 = await article(store, '2024-05-02T10:00:00Z');
      const org: Entity = { ...person('Baltic Ports Authority'), type: 'organization' };
      const place: Entity = { ...person('Gdynia'), type: 'place' };
      await store.saveAnalysis(a1, fakeAnalysis('x', [person('Anna Kowal', { roles: ['Deputy Minister'] }), person('ANNA  KOWAL'), org, place]));
      await store.saveAnalysis(a2, fakeAnalysis('x', [person('Anna Kowal', { roles: ['Minister'], country: 'POL' })]));
      await store.saveAnalysis(a1, fakeAnalysis('x', [person('Anna Kowal', { roles: ['Deputy Minister'] }), org, place]));
      await store.saveAnalysis(a2, fakeAnalysis('x', [person('Anna Kowal', { roles: ['Minister'], country: 'POL' })]));
      let list = await store.listCandidates();
      expect(list.map((c) => [c.key, c.articleCount])).toEqual([['name:anna kowal', 2], ['name:baltic ports authority', 1]]);
      expect(list[0]).toMatchObject({
        name: 'Anna Kowal', type: 'person', country: 'POL', roles: ['Deputy Minister', 'Minister'], status: 'candidate',
        firstSeen: '2024-05-01T10:00:00.000Z', lastSeen: '2024-05-03T10:00:00.000Z',
      });
      expect(list[1]).toMatchObject({ type: 'organization', articleCount: 1 });

      // An article resolving to the confirmed candidate's registry id still counts for it.
      await store.setCandidateStatus('name:anna kowal', 'confirmed');
      await store.saveAnalysis(a3, fakeAnalysis('x', [person('Anna Kowal', { id: 'candidate:anna-kowal' })]));
      expect((await store.listCandidates({ status: 'confirmed' }))[0]).toMatchObject({ articleCount: 3, status: 'confirmed' });

      // Re-analyses that no longer find a name take it back; a plain candidate left in no article goes.
      await store.saveAnalysis(a1, fakeAnalysis('x', []));
      await store.saveAnalysis(a2, fakeAnalysis('x', []));
      await store.saveAnalysis(a3, fakeAnalysis('x', []));
      list = await store.listCandidates();
      expect(list.map((c) => [c.key, c.articleCount, c.status])).toEqual([['name:anna kowal', 0, 'confirmed']]);
    });

    it('lists candidates by status, type and article count, most articles first', async () => {
      const { store } = ctx;
      const ids = [await article(store, '2024-05-01'), await article(store, '2024-05-02'), await article(store, '2024-05-03')];
      const org: Entity = { ...person('Harbour Board'), type: 'organization' };
      await store.saveAnalysis(ids[0]!, fakeAnalysis('x', [person('Jan Nowak'), person('Ewa Lis'), org]));
      await store.saveAnalysis(ids[1]!, fakeAnalysis('x', [person('Jan Nowak'), person('Ewa Lis')]));
      await store.saveAnalysis(ids[2]!, fakeAnalysis('x', [person('Jan Nowak')]));
      expect((await store.listCandidates()).map((c) => c.key)).toEqual(['name:jan nowak', 'name:ewa lis', 'name:harbour board']);
      expect((await store.listCandidates({ type: 'organization' })).map((c) => c.key)).toEqual(['name:harbour board']);
      expect((await store.listCandidates({ minArticles: 2 })).map((c) => c.key)).toEqual(['name:jan nowak', 'name:ewa lis']);
      expect((await store.listCandidates({ limit: 1 })).map((c) => c.key)).toEqual(['name:jan nowak']);
      await store.setCandidateStatus('name:ewa lis', 'rejected');
      expect((await store.listCandidates({ status: 'rejected' })).map((c) => c.key)).toEqual(['name:ewa lis']);
      expect((await store.listCandidates({ status: 'candidate' })).map((c) => c.key)).toEqual(['name:jan nowak', 'name:harbour board']);
      await expect(store.setCandidateStatus('name:nobody', 'confirmed')).rejects.toMatchObject({ code: 'input' });
    });

    it('pages through articles to analyse: all, since a date, or only those with a stale or missing analysis', async () => {
      const { store } = ctx;
      const ids: number[] = [];
      for (let i = 1; i <= 5; i++) ids.push(await article(store, `2024-05-0${i}T00:00:00Z`));
      await store.saveAnalysis(ids[0]!, fakeAnalysis('x', [], { analyzer: { version: 'a1', registry: 'r1' } }));
      await store.saveAnalysis(ids[1]!, fakeAnalysis('x', [], { analyzer: { version: 'a0', registry: 'r1' } }));
      await store.saveAnalysis(ids[2]!, fakeAnalysis('x', [], { analyzer: { version: 'a1', registry: 'r0' } }));
      const pages: number[][] = [];
      for (let after = 0; ; ) {
        const page = await store.articlesToAnalyze({ afterId: after, limit: 2 });
        if (page.length === 0) break;
        pages.push(page.map((p) => p.id));
        after = page.at(-1)!.id;
      }
      expect(pages).toEqual([[ids[0], ids[1]], [ids[2], ids[3]], [ids[4]]]);
      const [first] = await store.articlesToAnalyze({ afterId: 0, limit: 1 });
      const stored = (await store.getArticle(ids[0]!))!;
      expect(first).toEqual({
        id: stored.id, text: stored.text, published: stored.published, title: stored.title, url: stored.canonicalUrl,
        byline: stored.byline, language: stored.language, kind: stored.kind,
      });
      const staleVersion = { analyzer: 'a1', registry: 'r1' };
      expect((await store.articlesToAnalyze({ staleVersion, afterId: 0, limit: 10 })).map((a) => a.id)).toEqual(ids.slice(1));
      expect((await store.articlesToAnalyze({ since: '2024-05-03', afterId: 0, limit: 10 })).map((a) => a.id)).toEqual(ids.slice(2));
      expect((await store.articlesToAnalyze({ since: '2024-05-03', staleVersion, afterId: ids[2]!, limit: 10 })).map((a) => a.id)).toEqual(ids.slice(3));
      expect(await store.countArticlesToAnalyze({})).toBe(5);
      expect(await store.countArticlesToAnalyze({ staleVersion })).toBe(4);
      expect(await store.countArticlesToAnalyze({ since: '2024-05-02', staleVersion })).toBe(4);
      expect(await store.countArticlesToAnalyze({ since: '2099-01-01' })).toBe(0);
    });

    it('files spellings of one unknown person under one candidate, keeping each spelling as an alias', async () => {
      const { store, harness } = ctx;
      const a1 = await article(store, '2024-05-01T10:00:00Z');
      const a2 = await article(store, '2024-05-02T10:00:00Z');
      const a3 = await article(store, '2024-05-03T10:00:00Z');
      const mention = (text: string) => ({ start: 0, end: text.length, text, via: 'name' as const });
      await store.saveAnalysis(a1, fakeAnalysis('x', [person('Qasem Haddadi', { roles: ['General'] })]));
      // Another outlet's spelling, a third in the same article, and a surname-only mention (not an alias).
      const other = person('Qassem Hadadi', { mentions: [mention('Qassem Hadadi'), mention('Ghasem Haddadi'), { ...mention('Hadadi'), via: 'surname' }] });
      const role: Analysis['roles'][number] = {
        person: 'Ghasem Haddadi', personId: null, title: 'Commander', org: null, orgId: null, country: null, change: 'holds', date: '2024-05-02',
        sentence: { start: 0, end: 10, text: 'Commander Ghasem Haddadi said' },
      };
      await store.saveAnalysis(a2, fakeAnalysis('x', [other, person('Qasem Haddad')], { roles: [role] }));
      // Two entities spelling one name in one article count once; an organisation spelt alike stays apart.
      const org: Entity = { ...person('Kasem Hadadi'), type: 'organization' };
      await store.saveAnalysis(a3, fakeAnalysis('x', [person('Qasim Haddadi'), person('Qasem Haddadi', { roles: ['Commander'] }), org]));

      const people = await store.listCandidates({ type: 'person' });
      expect(people.map((c) => [c.key, c.articleCount, c.aliases])).toEqual([
        ['name:qasem haddadi', 3, ['Qassem Hadadi', 'Ghasem Haddadi', 'Qasim Haddadi']],
        ['name:qasem haddad', 1, []],
      ]);
      expect(people[0]).toMatchObject({ name: 'Qasem Haddadi', roles: ['General', 'Commander'] });
      expect((await store.listCandidates({ type: 'organization' })).map((c) => [c.key, c.aliases])).toEqual([['name:kasem hadadi', []]]);
      const keys = await harness.query<{ article_id: number; entity_key: string; mention_count: number }>(
        "SELECT article_id, entity_key, mention_count FROM article_entities WHERE entity_key LIKE 'name:qas%' ORDER BY article_id, entity_key",
      );
      expect(keys.map((k) => [Number(k.article_id), k.entity_key, Number(k.mention_count)])).toEqual([
        [a1, 'name:qasem haddadi', 1], [a2, 'name:qasem haddad', 1], [a2, 'name:qasem haddadi', 3], [a3, 'name:qasem haddadi', 2],
      ]);
      expect(await harness.query('SELECT person_key FROM role_observations')).toEqual([{ person_key: 'name:qasem haddadi' }]);
      const exported = [];
      for await (const c of store.exportCandidates({ type: 'person' })) exported.push([c.key, c.aliases]);
      expect(exported).toEqual([['name:qasem haddad', []], ['name:qasem haddadi', ['Qassem Hadadi', 'Ghasem Haddadi', 'Qasim Haddadi']]]);

      // The first spelling's article re-analysed without the name: the row stays (others name it), under its key.
      await store.saveAnalysis(a1, fakeAnalysis('x', []));
      expect((await store.listCandidates({ type: 'person' })).map((c) => [c.key, c.articleCount])).toEqual([['name:qasem haddadi', 2], ['name:qasem haddad', 1]]);
    });

    it('gives candidate rows from before the variant keys their key when migrating', async () => {
      const { harness } = ctx;
      // Back to schema 11: no variant_key or aliases columns, one person and one organisation row.
      await harness.query('DROP INDEX actor_candidates_variant_idx');
      await harness.query('ALTER TABLE actor_candidates DROP COLUMN variant_key');
      await harness.query('ALTER TABLE actor_candidates DROP COLUMN aliases');
      await harness.query('DELETE FROM schema_migrations WHERE version >= 12');
      for (const [key, name, type] of [['name:lee chol kwon', 'Lee Chol-kwon', 'person'], ['name:harbour board', 'Harbour Board', 'organization']]) {
        await harness.query(`INSERT INTO actor_candidates (key, name, type, roles, first_seen, last_seen, article_count, status, created_at, updated_at)
          VALUES ('${key}', '${name}', '${type}', '[]', '2024-05-01', '2024-05-01', 1, 'candidate', '2024-05-01', '2024-05-01')`);
      }
      await ctx.store.migrate();
      const rows = await harness.query<{ key: string; variant_key: string | null; aliases: string }>('SELECT key, variant_key, aliases FROM actor_candidates ORDER BY key');
      expect(rows).toEqual([
        { key: 'name:harbour board', variant_key: null, aliases: '[]' },
        { key: 'name:lee chol kwon', variant_key: 'i julgwun', aliases: '[]' },
      ]);
    });

    it('files two spellings saved by two stores at the same time under one candidate', async () => {
      if (!ctx.harness.concurrentTransactions) return;
      const other = await ctx.openAnother();
      const ids: number[] = [];
      for (let i = 0; i < 12; i++) ids.push(await article(ctx.store, '2024-05-01'));
      const spellings = ['Qasem Haddadi', 'Qassem Hadadi', 'Ghasem Haddadi'];
      await Promise.all(ids.map((id, i) => (i % 2 ? other : ctx.store).saveAnalysis(id, fakeAnalysis('x', [person(spellings[i % 3]!), person('Jan Nowak')]))));
      const list = await ctx.store.listCandidates();
      expect(list.map((c) => c.articleCount)).toEqual([12, 12]);
      const qasem = list.find((c) => c.name !== 'Jan Nowak')!;
      expect([qasem.name, ...qasem.aliases].sort()).toEqual([...spellings].sort());
    });

    it('counts a candidate right when two stores save analyses naming it at the same time', async () => {
      if (!ctx.harness.concurrentTransactions) return;
      const other = await ctx.openAnother();
      const ids: number[] = [];
      for (let i = 0; i < 12; i++) ids.push(await article(ctx.store, '2024-05-01'));
      const names = [person('Anna Kowal'), person('Jan Nowak')];
      await Promise.all(ids.map((id, i) => (i % 2 ? other : ctx.store).saveAnalysis(id, fakeAnalysis('x', i % 3 ? names : [...names].reverse()))));
      expect((await ctx.store.listCandidates()).map((c) => c.articleCount)).toEqual([12, 12]);
    });
  });
}
