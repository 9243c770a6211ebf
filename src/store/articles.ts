// Articles: insert with duplicate detection (canonical URL, alias URLs, content hash),
// URL lookup, and near-duplicate candidates by MinHash LSH band keys.
//
// Every URL an article is known by (canonical, fetched, aliases) has a row in article_urls
// (unique url). Duplicate detection relies on unique constraints, not on check-then-insert:
// the insert is ON CONFLICT DO NOTHING on articles (canonical_url; content_hash of non-empty
// text), and the canonical URL must then be claimed in article_urls; whoever loses a race
// gets the winner's id back as a duplicate.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { ArticleKind } from '../core/types.js';
import { ReadoutError } from '../core/errors.js';
import type { ArticlesTable, Database } from './schema.js';
import type { ArticleInsertResult, NewArticle, SimilarCandidate, StoredArticle } from './types.js';
import { clean, cleanOrNull, nowIso, parseIso, toIso, type StoreContext } from './util.js';

interface Match {
  id: number;
  groupId: number;
}

export async function insertArticle(ctx: StoreContext, a: NewArticle): Promise<ArticleInsertResult> {
  if (!a.canonicalUrl) throw new ReadoutError('input', 'store: an article needs a canonical URL');
  if (!/^[0-9a-f]{16}$/i.test(a.simhash)) throw new ReadoutError('input', `store: a simhash must be 16 hex digits, not "${a.simhash}"`);
  const fetchedAt = toIso(a.fetchedAt, 'fetchedAt');
  const text = clean(a.text);
  const urls = [...new Set([a.canonicalUrl, a.url, ...(a.aliasUrls ?? [])].filter((u) => !!u))];
  const contentHash = text === '' ? null : a.contentHash;

  return ctx.atomic(async (db) => {
    const existing = await findExisting(db, urls, contentHash);
    if (existing) return duplicate(db, existing, urls);

    const inserted = await db
      .insertInto('articles')
      .values({
        url: a.url || a.canonicalUrl,
        canonical_url: a.canonicalUrl,
        source_id: a.sourceId,
        source_name: cleanOrNull(a.sourceName),
        title: cleanOrNull(a.title),
        byline: cleanOrNull(a.byline),
        published: cleanOrNull(a.published),
        language: a.language,
        kind: a.kind,
        section: cleanOrNull(a.section),
        text,
        content_hash: a.contentHash,
        simhash: a.simhash.toLowerCase(),
        minhash: a.minhash,
        shingle_count: a.shingleCount,
        raw_hash: a.rawHash,
        fetched_at: fetchedAt,
        dated_at: (a.published ? parseIso(a.published) : null) ?? fetchedAt,
        group_id: 0, // set to its own id below
        created_at: nowIso(),
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return duplicate(db, await mustFind(db, urls, contentHash), urls);

    const id = inserted.id;
    const claimed = await addUrls(db, id, urls);
    if (!claimed.has(a.canonicalUrl)) {
      // Another article took our canonical URL as an alias meanwhile: it wins. (Deleting
      // the row also releases the URLs just claimed: ON DELETE CASCADE.)
      await db.deleteFrom('articles').where('id', '=', id).execute();
      return duplicate(db, await mustFind(db, [a.canonicalUrl], null), urls);
    }
    await db.updateTable('articles').set({ group_id: id }).where('id', '=', id).execute();
    const bandKeys = [...new Set(a.bands)];
    if (bandKeys.length > 0) await db.insertInto('article_bands').values(bandKeys.map((band) => ({ band, article_id: id }))).execute();
    return { status: 'inserted', id, groupId: id };
  });
}

async function duplicate(db: Kysely<Database>, match: Match, urls: string[]): Promise<ArticleInsertResult> {
  await addUrls(db, match.id, urls);
  return { status: 'duplicate', id: match.id, groupId: match.groupId };
}

/**
 * Records URLs for an article, skipping those already known; returns the ones it took.
 * Sorted, in one statement: concurrent transactions claim URLs in the same order, so two
 * inserts sharing URLs wait for each other instead of deadlocking.
 */
async function addUrls(db: Kysely<Database>, articleId: number, urls: string[]): Promise<Set<string>> {
  if (urls.length === 0) return new Set();
  const created = nowIso();
  const rows = await db
    .insertInto('article_urls')
    .values([...urls].sort().map((url) => ({ url, article_id: articleId, created_at: created })))
    .onConflict((oc) => oc.column('url').doNothing())
    .returning('url')
    .execute();
  return new Set(rows.map((r) => r.url));
}

/**
 * The article known by any of these URLs or by this content hash (null = don't match on
 * content). Three indexed lookups in one UNION ALL: an OR across them would scan the table.
 */
async function findExisting(db: Kysely<Database>, urls: string[], contentHash: string | null): Promise<Match | null> {
  let q = db
    .selectFrom('articles')
    .select(['id', 'group_id'])
    .where('canonical_url', 'in', urls)
    .unionAll(db.selectFrom('article_urls as u').innerJoin('articles as a', 'a.id', 'u.article_id').select(['a.id', 'a.group_id']).where('u.url', 'in', urls));
  if (contentHash !== null) {
    // The literal `text <> ''` repeats the unique index's predicate so the planner can use it
    // (a bound parameter would not match it).
    q = q.unionAll(db.selectFrom('articles').select(['id', 'group_id']).where('content_hash', '=', contentHash).where(sql<boolean>`text <> ''`));
  }
  const row = await q.orderBy('id').limit(1).executeTakeFirst();
  return row ? { id: row.id, groupId: row.group_id } : null;
}

async function mustFind(db: Kysely<Database>, urls: string[], contentHash: string | null): Promise<Match> {
  const found = await findExisting(db, urls, contentHash);
  if (!found) throw new Error(`insert conflicted but no existing article matches ${urls[0] ?? ''}`);
  return found;
}

function toArticle(r: Selectable<ArticlesTable>, aliasUrls: string[]): StoredArticle {
  return {
    id: r.id,
    url: r.url,
    canonicalUrl: r.canonical_url,
    aliasUrls,
    sourceId: r.source_id,
    sourceName: r.source_name,
    title: r.title,
    byline: r.byline,
    published: r.published,
    language: r.language,
    kind: r.kind as ArticleKind,
    section: r.section,
    text: r.text,
    contentHash: r.content_hash,
    simhash: r.simhash,
    minhash: r.minhash,
    shingleCount: r.shingle_count,
    rawHash: r.raw_hash,
    fetchedAt: r.fetched_at,
    groupId: r.group_id,
    createdAt: r.created_at,
  };
}

async function withAliases(db: Kysely<Database>, row: Selectable<ArticlesTable> | undefined): Promise<StoredArticle | null> {
  if (!row) return null;
  const urls = await db
    .selectFrom('article_urls')
    .select('url')
    .where('article_id', '=', row.id)
    .where('url', '<>', row.canonical_url)
    .orderBy('created_at')
    .orderBy('url')
    .execute();
  return toArticle(row, urls.map((u) => u.url));
}

export async function getArticle(ctx: StoreContext, id: number): Promise<StoredArticle | null> {
  return withAliases(ctx.db, await ctx.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst());
}

/** By canonical URL or any URL the article was seen under. */
export async function findArticleByUrl(ctx: StoreContext, url: string): Promise<StoredArticle | null> {
  const { db } = ctx;
  const row = await db
    .selectFrom('articles')
    .selectAll()
    .where('canonical_url', '=', url)
    .unionAll(db.selectFrom('article_urls as u').innerJoin('articles as a', 'a.id', 'u.article_id').selectAll('a').where('u.url', '=', url))
    .limit(1)
    .executeTakeFirst();
  return withAliases(db, row);
}

/** Articles sharing LSH band keys with the given ones, most shared first. */
export async function findSimilarCandidates(ctx: StoreContext, bandKeys: number[], limit = 50): Promise<SimilarCandidate[]> {
  if (bandKeys.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('article_bands as b')
    .innerJoin('articles as a', 'a.id', 'b.article_id')
    .select((eb) => ['a.id', 'a.group_id', 'a.minhash', 'a.shingle_count', eb.fn.countAll<number>().as('shared')])
    .where('b.band', 'in', [...new Set(bandKeys)])
    .groupBy(['a.id', 'a.group_id', 'a.minhash', 'a.shingle_count'])
    .orderBy('shared', 'desc')
    .orderBy('a.id')
    .limit(Math.max(1, Math.min(limit, 500)))
    .execute();
  return rows.map((r) => ({ id: r.id, groupId: r.group_id, minhash: r.minhash, shingleCount: r.shingle_count, sharedBands: Number(r.shared) }));
}

export async function setArticleGroup(ctx: StoreContext, id: number, groupId: number): Promise<void> {
  const r = await ctx.db.updateTable('articles').set({ group_id: groupId }).where('id', '=', id).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new ReadoutError('input', `store: article ${id} not found`);
}
