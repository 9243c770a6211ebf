// Migration 1: the initial schema. Portable tables through Kysely's schema builder;
// the dialect-specific parts (id columns, blob type, full-text search) are marked.
import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { Database, Dialect } from '../schema.js';
import type { Migration } from './types.js';

export const initialSchema: Migration = {
  version: 1,
  name: 'initial schema',
  async up(db: Kysely<Database>, dialect: Dialect): Promise<void> {
    // DIALECT: SQLite ids are rowid aliases (AUTOINCREMENT: never reused); PostgreSQL uses
    // BIGINT identity columns (the pool parses int8 to number).
    const idType = dialect === 'sqlite' ? 'integer' : 'bigint';
    const id = (c: ColumnDefinitionBuilder) =>
      dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity();

    await db.schema
      .createTable('sources')
      .addColumn('id', idType, id)
      .addColumn('url', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text')
      .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('interval_seconds', 'integer', (c) => c.notNull())
      .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1).check(sql`enabled in (0, 1)`))
      .addColumn('etag', 'text')
      .addColumn('last_modified', 'text')
      .addColumn('last_polled_at', 'text')
      .addColumn('last_success_at', 'text')
      .addColumn('last_error_at', 'text')
      .addColumn('last_error', 'text')
      .addColumn('failure_streak', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('items_seen', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_poll_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sources_due_idx').on('sources').columns(['enabled', 'next_poll_at']).execute();

    await db.schema
      .createTable('raw_responses')
      .addColumn('hash', 'text', (c) => c.primaryKey())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('final_url', 'text', (c) => c.notNull())
      .addColumn('status', 'integer', (c) => c.notNull())
      .addColumn('headers', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('fetched_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      // DIALECT: blob vs bytea. Last, being big.
      .addColumn('body', dialect === 'sqlite' ? 'blob' : 'bytea', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('articles')
      .addColumn('id', idType, id)
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('canonical_url', 'text', (c) => c.notNull().unique())
      .addColumn('source_id', idType, (c) => c.references('sources.id').onDelete('set null'))
      .addColumn('source_name', 'text')
      .addColumn('title', 'text')
      .addColumn('byline', 'text')
      .addColumn('published', 'text')
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('section', 'text')
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('simhash', 'text', (c) => c.notNull())
      .addColumn('shingle_count', 'integer', (c) => c.notNull())
      .addColumn('raw_hash', 'text')
      .addColumn('fetched_at', 'text', (c) => c.notNull())
      .addColumn('dated_at', 'text', (c) => c.notNull())
      .addColumn('group_id', idType, (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      // Big values last: SQLite reads a row's columns in order, overflow pages included.
      .addColumn('minhash', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .execute();
    // Identical non-empty text is a duplicate: unique, so concurrent inserts cannot both win.
    // Lookups must repeat the predicate (`text <> ''`) for the planner to use this index.
    await db.schema
      .createIndex('articles_content_hash_uq')
      .on('articles')
      .column('content_hash')
      .unique()
      .where(sql.ref('text'), '<>', '')
      .execute();
    await db.schema.createIndex('articles_group_idx').on('articles').column('group_id').execute();
    await db.schema.createIndex('articles_dated_idx').on('articles').columns(['dated_at', 'id']).execute();
    await db.schema.createIndex('articles_source_idx').on('articles').column('source_id').execute();
    await db.schema.createIndex('articles_source_name_idx').on('articles').column('source_name').execute();

    await db.schema
      .createTable('article_urls')
      .addColumn('url', 'text', (c) => c.primaryKey())
      .addColumn('article_id', idType, (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('article_urls_article_idx').on('article_urls').column('article_id').execute();

    // MinHash LSH index for near-duplicates: one row per (band key, article).
    await db.schema
      .createTable('article_bands')
      .addColumn('band', 'integer', (c) => c.notNull())
      .addColumn('article_id', idType, (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('article_bands_pk', ['band', 'article_id'])
      .execute();
    await db.schema.createIndex('article_bands_article_idx').on('article_bands').column('article_id').execute();

    await db.schema
      .createTable('comments')
      .addColumn('id', idType, id)
      .addColumn('article_id', idType, (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('author', 'text')
      .addColumn('published', 'text')
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('text_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('comments_article_text_uq', ['article_id', 'text_hash'])
      .execute();

    await db.schema
      .createTable('jobs')
      .addColumn('id', idType, id)
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('dedupe_key', 'text', (c) => c.unique())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('queued', 'running', 'done', 'failed')`))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('max_attempts', 'integer', (c) => c.notNull())
      .addColumn('run_after', 'text', (c) => c.notNull())
      .addColumn('lease_until', 'text')
      .addColumn('last_error', 'text')
      .addColumn('source_id', idType, (c) => c.references('sources.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text')
      .addColumn('finished_at', 'text')
      .addColumn('duration_ms', idType) // bigint in PostgreSQL: a stale lease can make it huge
      .execute();
    await db.schema.createIndex('jobs_runnable_idx').on('jobs').columns(['status', 'run_after', 'id']).execute();
    await db.schema.createIndex('jobs_lease_idx').on('jobs').columns(['status', 'lease_until']).execute();
    await db.schema.createIndex('jobs_kind_idx').on('jobs').columns(['kind', 'status']).execute();
    await db.schema.createIndex('jobs_source_idx').on('jobs').column('source_id').execute();

    // DIALECT: full-text search.
    if (dialect === 'sqlite') {
      await sql`CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2')`.execute(db);
      await sql`CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
      END`.execute(db);
      await sql`CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
      END`.execute(db);
      await sql`CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
      END`.execute(db);
    } else {
      // 'simple' = no stemming, like SQLite's unicode61. The text is capped because a
      // tsvector is limited to 1 MB; articles longer than 250k characters are indexed in part.
      await sql`ALTER TABLE articles ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A') ||
        setweight(to_tsvector('simple'::regconfig, left(text, 250000)), 'B')) STORED`.execute(db);
      await sql`CREATE INDEX articles_search_idx ON articles USING gin (search_vector)`.execute(db);
    }
  },
};
