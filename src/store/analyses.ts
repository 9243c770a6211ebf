// Analyses and what is derived from them: entities per article, role observations, and
// candidate actors (unknown persons and organisations). saveAnalysis replaces an article's rows
// in one transaction; a candidate's article count and first/last seen are recomputed from
// article_entities (never incremented), so re-analysing an article cannot double-count.
//
// Candidate keys are "name:<normalised name>". A confirmed candidate joins the registry with the
// id candidateActorId(key) = "candidate:<normalised name, spaces as hyphens>" (normalised names
// contain no hyphens, so the mapping is reversible); analyses that resolve to it store that id
// as the entity_key, and the candidate's counts include both forms. A person's other spellings
// ("Qassem Suleimani" after "Qasem Soleimani") are filed under the row the first one opened, and
// kept as its aliases (candidate-variants.ts).
import type { Kysely, Selectable } from 'kysely';
import type { Analysis, Entity, RoleObservation } from '../analyze/types.js';
import type { ArticleKind } from '../core/types.js';
import { normalizeName } from '../registry/normalize.js';
import { variantKey } from '../registry/variant-key.js';
import { addSpelling, mergedAliases, rowsByVariant, spellingsOf } from './candidate-variants.js';
import type { ActorCandidatesTable, Database } from './schema.js';
import type { ActorCandidate, AnalyzeFilter, ArticleToAnalyze, CandidateFilter, CandidateStatus, StoredAnalysis } from './types.js';
import { ReadoutError } from '../core/errors.js';
import { replaceArticleEvents } from './events.js';
import { chunks, clean, cleanOrNull, notFound, nowIso, parseJson, toIso, type StoreContext } from './util.js';

export const CANDIDATE_STATUSES: readonly CandidateStatus[] = ['candidate', 'confirmed', 'rejected'];
const CANDIDATE_TYPES = new Set(['person', 'organization']);
const MAX_ROLES = 20;
const ROWS_PER_INSERT = 200;

/** The candidate key of an unknown name ("name:anna kowal"), or null when nothing is left after normalising. */
export function candidateKey(name: string): string | null {
  const n = normalizeName(name);
  return n ? `name:${n}` : null;
}

/** The registry id a confirmed candidate gets: "name:anna kowal" → "candidate:anna-kowal". */
export function candidateActorId(key: string): string {
  return `candidate:${key.replace(/^name:/, '').replaceAll(' ', '-')}`;
}

/** The candidate key behind a "candidate:…" registry id, else null. */
export function keyOfCandidateId(id: string): string | null {
  return id.startsWith('candidate:') ? `name:${id.slice('candidate:'.length).replaceAll('-', ' ')}` : null;
}

/** The article_entities key of an entity: its registry id, else its candidate key. */
export function entityKey(e: Pick<Entity, 'id' | 'name'>): string | null {
  return e.id ?? candidateKey(e.name);
}

interface CandidateSeen {
  name: string;
  type: string;
  country: string | null;
  roles: string[];
  affiliation: string | null;
  /** Persons: the name's variant key, and its spellings in this analysis (the name first). */
  variant: string | null;
  spellings: string[];
}

export async function saveAnalysis(ctx: StoreContext, articleId: number, analysis: Analysis): Promise<void> {
  const { text: _text, ...document } = analysis.document;
  const json = JSON.stringify({ ...analysis, document });
  const people = unknownPeople(analysis.entities);
  const analyzedAt = nowIso();
  await ctx.atomic(async (db) => {
    const article = await db.selectFrom('articles').select('dated_at').where('id', '=', articleId).executeTakeFirst();
    if (!article) throw notFound(`article ${articleId}`);
    // A person's spelling goes under the row another spelling opened (else the first here).
    const filed = await rowsByVariant(ctx, db, people.values());
    for (const [key, variant] of people) if (!filed.has(variant)) filed.set(variant, key);
    const personKey = (name: string): string | null => filed.get(variantKey(name) ?? '') ?? candidateKey(name);
    const keyOf = (e: Entity): string | null => (e.id === null && e.type === 'person' ? personKey(e.name) : entityKey(e));
    const entities = entityRows(articleId, analysis.entities, keyOf);
    const roles = analysis.roles.map((r, seq) => roleRow(articleId, seq, r, personKey));
    const seen = candidatesIn(analysis.entities, keyOf);
    const before = await db
      .selectFrom('article_entities')
      .select('entity_key')
      .where('article_id', '=', articleId)
      .where((w) => w.or([w('entity_key', 'like', 'name:%'), w('entity_key', 'like', 'candidate:%')]))
      .execute();
    await db.deleteFrom('article_entities').where('article_id', '=', articleId).execute();
    await db.deleteFrom('role_observations').where('article_id', '=', articleId).execute();
    const row = {
      analyzer_version: analysis.analyzer.version,
      registry_version: analysis.analyzer.registry,
      analyzed_at: analyzedAt,
      analysis: json,
    };
    await db
      .insertInto('analyses')
      .values({ article_id: articleId, ...row })
      .onConflict((oc) => oc.column('article_id').doUpdateSet(row))
      .execute();
    for (const part of chunks(entities, ROWS_PER_INSERT)) await db.insertInto('article_entities').values(part).execute();
    for (const part of chunks(roles, ROWS_PER_INSERT)) await db.insertInto('role_observations').values(part).execute();

    const affected = new Set<string>(seen.keys());
    for (const { entity_key: k } of before) affected.add(keyOfCandidateId(k) ?? k);
    for (const e of entities) {
      const k = keyOfCandidateId(e.entity_key);
      if (k) affected.add(k);
    }
    // Sorted: concurrent transactions lock candidate rows in the same order (no deadlock).
    for (const key of [...affected].sort()) await updateCandidate(ctx, db, key, seen.get(key), article.dated_at);
    // The article's event reports; merging them is mergeEvents' job (run by the analyze stage).
    await replaceArticleEvents(ctx, db, articleId, analysis.events);
  });
}

function entityRows(articleId: number, list: Entity[], keyOf: (e: Entity) => string | null) {
  const byKey = new Map<string, { article_id: number; entity_key: string; name: string; type: string; country: string | null; mention_count: number }>();
  for (const e of list) {
    const key = keyOf(e);
    if (!key) continue;
    const prev = byKey.get(key);
    if (prev) prev.mention_count += e.mentions.length;
    else byKey.set(key, { article_id: articleId, entity_key: clean(key), name: clean(e.name), type: e.type, country: e.country, mention_count: e.mentions.length });
  }
  return [...byKey.values()];
}

function roleRow(articleId: number, seq: number, r: RoleObservation, personKey: (name: string) => string | null) {
  return {
    article_id: articleId,
    seq,
    person_key: clean(r.personId ?? personKey(r.person) ?? `name:${r.person}`),
    person: clean(r.person),
    title: clean(r.title),
    org: cleanOrNull(r.org),
    change: r.change,
    date: r.date,
    sentence: clean(r.sentence.text),
  };
}

/** Candidate key → variant key of the unknown persons of one analysis that have one. */
function unknownPeople(list: Entity[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of list) {
    const variant = e.id === null && e.type === 'person' ? variantKey(e.name) : null;
    const key = variant ? candidateKey(e.name) : null;
    if (key && variant && !out.has(key)) out.set(key, variant);
  }
  return out;
}

/** Unknown persons and organisations of one analysis, by the candidate key they are filed under. */
function candidatesIn(list: Entity[], keyOf: (e: Entity) => string | null): Map<string, CandidateSeen> {
  const out = new Map<string, CandidateSeen>();
  for (const e of list) {
    if (e.id !== null || !CANDIDATE_TYPES.has(e.type)) continue;
    const key = keyOf(e);
    if (!key) continue;
    const { variant, spellings } = spellingsOf(e);
    const prev = out.get(key);
    if (prev) {
      prev.roles = mergeRoles(prev.roles, e.roles);
      prev.country ??= e.country;
      prev.affiliation ??= e.affiliation ?? null;
      for (const s of spellings) addSpelling(prev.spellings, s);
    } else {
      out.set(key, { name: clean(e.name), type: e.type, country: e.country, roles: mergeRoles([], e.roles), affiliation: cleanOrNull(e.affiliation), variant, spellings });
    }
  }
  return out;
}

function mergeRoles(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b.map(clean)])].slice(0, MAX_ROLES);
}

/** Upserts (when seen) and recounts one candidate; a plain candidate no article names any more is removed. */
async function updateCandidate(ctx: StoreContext, db: Kysely<Database>, key: string, seen: CandidateSeen | undefined, datedAt: string): Promise<void> {
  const now = nowIso();
  if (seen) {
    await db
      .insertInto('actor_candidates')
      .values({
        key, name: seen.name, type: seen.type, country: seen.country, roles: '[]', affiliation: seen.affiliation,
        first_seen: datedAt, last_seen: datedAt, article_count: 0, status: 'candidate', created_at: now, updated_at: now,
        variant_key: seen.variant, aliases: '[]',
      })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }
  // DIALECT: PostgreSQL locks the row before counting, so a concurrent save waits and then
  // counts this transaction's rows too; SQLite transactions hold the database write lock.
  const current = await db
    .selectFrom('actor_candidates')
    .select(['name', 'type', 'roles', 'country', 'affiliation', 'status', 'aliases'])
    .where('key', '=', key)
    .$if(ctx.dialect === 'postgres', (q) => q.forUpdate())
    .executeTakeFirst();
  if (!current) return;
  const counts = await db
    .selectFrom('article_entities as e')
    .innerJoin('articles as a', 'a.id', 'e.article_id')
    .select((eb) => [eb.fn.count<number>('e.article_id').distinct().as('n'), eb.fn.min('a.dated_at').as('first'), eb.fn.max('a.dated_at').as('last')])
    .where('e.entity_key', 'in', [key, candidateActorId(key)])
    .executeTakeFirst();
  const n = Number(counts?.n ?? 0);
  if (n === 0 && current.status === 'candidate') {
    await db.deleteFrom('actor_candidates').where('key', '=', key).execute();
    return;
  }
  await db
    .updateTable('actor_candidates')
    .set({
      article_count: n,
      ...(counts?.first ? { first_seen: String(counts.first), last_seen: String(counts.last) } : {}),
      ...(seen
        ? {
            roles: JSON.stringify(mergeRoles(parseJson<string[]>(current.roles, []), seen.roles)),
            country: current.country ?? seen.country,
            affiliation: current.affiliation ?? seen.affiliation,
            ...(current.type === 'person' ? { variant_key: variantKey(current.name), aliases: JSON.stringify(mergedAliases(current.name, parseJson<string[]>(current.aliases, []), seen.spellings)) } : {}),
          }
        : {}),
      updated_at: now,
    })
    .where('key', '=', key)
    .execute();
}

export async function getAnalysis(ctx: StoreContext, articleId: number): Promise<StoredAnalysis | null> {
  const row = await ctx.db
    .selectFrom('analyses as an')
    .innerJoin('articles as a', 'a.id', 'an.article_id')
    .select(['an.article_id', 'an.analyzer_version', 'an.registry_version', 'an.analyzed_at', 'an.analysis', 'a.text'])
    .where('an.article_id', '=', articleId)
    .executeTakeFirst();
  if (!row) return null;
  const analysis = JSON.parse(row.analysis) as Analysis;
  analysis.document = { ...analysis.document, text: row.text };
  return { articleId: row.article_id, analyzerVersion: row.analyzer_version, registryVersion: row.registry_version, analyzedAt: row.analyzed_at, analysis };
}

function analyzeQuery(ctx: StoreContext, filter: AnalyzeFilter) {
  const since = filter.since === undefined ? null : toIso(filter.since, 'since');
  const stale = filter.staleVersion;
  return ctx.db
    .selectFrom('articles as a')
    .leftJoin('analyses as an', 'an.article_id', 'a.id')
    .$if(since !== null, (q) => q.where('a.dated_at', '>=', since ?? ''))
    .$if(stale !== undefined, (q) =>
      q.where((w) =>
        w.or([
          w('an.article_id', 'is', null),
          w('an.analyzer_version', '<>', stale?.analyzer ?? ''),
          ...(stale?.registry === undefined ? [] : [w('an.registry_version', '<>', stale.registry)]),
        ]),
      ),
    );
}

export async function articlesToAnalyze(ctx: StoreContext, filter: AnalyzeFilter & { afterId: number; limit: number }): Promise<ArticleToAnalyze[]> {
  const limit = Math.max(1, Math.min(Math.floor(filter.limit) || 1, 10_000));
  const rows = await analyzeQuery(ctx, filter)
    .select(['a.id', 'a.text', 'a.published', 'a.title', 'a.canonical_url', 'a.byline', 'a.language', 'a.kind'])
    .where('a.id', '>', filter.afterId)
    .orderBy('a.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id, text: r.text, published: r.published, title: r.title, url: r.canonical_url, byline: r.byline, language: r.language, kind: r.kind as ArticleKind,
  }));
}

export async function countArticlesToAnalyze(ctx: StoreContext, filter: AnalyzeFilter): Promise<number> {
  const row = await analyzeQuery(ctx, filter)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function toCandidate(r: Selectable<ActorCandidatesTable>): ActorCandidate {
  return {
    key: r.key, name: r.name, type: r.type as ActorCandidate['type'], country: r.country, roles: parseJson<string[]>(r.roles, []),
    affiliation: r.affiliation, firstSeen: r.first_seen, lastSeen: r.last_seen, articleCount: Number(r.article_count), status: r.status as CandidateStatus,
    aliases: parseJson<string[]>(r.aliases, []),
  };
}

export async function listCandidates(ctx: StoreContext, filter: CandidateFilter = {}): Promise<ActorCandidate[]> {
  const limit = Math.max(1, Math.min(Math.floor(filter.limit ?? 100) || 100, 100_000));
  const rows = await ctx.db
    .selectFrom('actor_candidates')
    .selectAll()
    .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status ?? 'candidate'))
    .$if(filter.type !== undefined, (q) => q.where('type', '=', filter.type ?? 'person'))
    .$if(filter.minArticles !== undefined, (q) => q.where('article_count', '>=', filter.minArticles ?? 0))
    .orderBy('article_count', 'desc')
    .orderBy('key')
    .limit(limit)
    .execute();
  return rows.map(toCandidate);
}

export async function setCandidateStatus(ctx: StoreContext, key: string, status: CandidateStatus): Promise<void> {
  if (!CANDIDATE_STATUSES.includes(status)) throw new ReadoutError('input', `store: candidate status must be candidate, confirmed or rejected, not "${status}"`);
  const r = await ctx.db.updateTable('actor_candidates').set({ status, updated_at: nowIso() }).where('key', '=', key).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw notFound(`candidate actor "${key}"`);
}
