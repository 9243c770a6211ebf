// Migration 2: stored analyses and the query tables derived from them (entities mentioned per
// article, role observations), and candidate actors (names the registry does not know yet).
// Derived rows are replaced whole whenever an article is (re-)analysed (src/store/analyses.ts).
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database, Dialect } from '../schema.js';
import type { Migration } from './types.js';

export const analysesSchema: Migration = {
  version: 2,
  name: 'analyses, article entities, role observations, actor candidates',
  async up(db: Kysely<Database>, dialect: Dialect): Promise<void> {
    // DIALECT: article ids are integer (SQLite rowid) / bigint (PostgreSQL identity).
    const idType = dialect === 'sqlite' ? 'integer' : 'bigint';

    // One row per analysed article: which code and registry made it, and the whole Analysis as
    // JSON minus document.text (the article's text is in articles already).
    await db.schema
      .createTable('analyses')
      .addColumn('article_id', idType, (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
      .addColumn('analyzer_version', 'text', (c) => c.notNull())
      .addColumn('registry_version', 'text', (c) => c.notNull())
      .addColumn('analyzed_at', 'text', (c) => c.notNull())
      .addColumn('analysis', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('analyses_versions_idx').on('analyses').columns(['analyzer_version', 'registry_version']).execute();

    // Entities per article: entity_key is the registry id, or "name:<normalised name>" when unknown.
    await db.schema
      .createTable('article_entities')
      .addColumn('article_id', idType, (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('entity_key', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('country', 'text')
      .addColumn('mention_count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('article_entities_pk', ['article_id', 'entity_key'])
      .execute();
    await db.schema.createIndex('article_entities_key_idx').on('article_entities').columns(['entity_key', 'article_id']).execute();

    // Titles held, gained or lost by people, as articles report them.
    await db.schema
      .createTable('role_observations')
      .addColumn('article_id', idType, (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('person_key', 'text', (c) => c.notNull())
      .addColumn('person', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('org', 'text')
      .addColumn('change', 'text', (c) => c.notNull())
      .addColumn('date', 'text')
      .addColumn('sentence', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('role_observations_pk', ['article_id', 'seq'])
      .execute();
    await db.schema.createIndex('role_observations_person_idx').on('role_observations').columns(['person_key', 'date']).execute();
    await db.schema.createIndex('role_observations_date_idx').on('role_observations').column('date').execute();

    // Names of people and organisations the registry does not know, kept so they can be
    // reviewed (confirmed ones join the registry) and counted across articles.
    await db.schema
      .createTable('actor_candidates')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('country', 'text')
      .addColumn('roles', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('affiliation', 'text')
      .addColumn('first_seen', 'text', (c) => c.notNull())
      .addColumn('last_seen', 'text', (c) => c.notNull())
      .addColumn('article_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('candidate').check(sql`status in ('candidate', 'confirmed', 'rejected')`))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('actor_candidates_status_idx').on('actor_candidates').columns(['status', 'article_count']).execute();
  },
};
