// Migration 3: the event layer. article_events holds every event of every analysed article (a
// "report", replaced with the article's analysis); merged_events the real-world events the
// reports are merged into; event_links the response links between merged events. Merging runs
// after each saved analysis (src/store/events.ts, src/events/*).
import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';
import type { Database, Dialect } from '../schema.js';
import type { Migration } from './types.js';

export const eventsSchema: Migration = {
  version: 3,
  name: 'article events, merged events, response links',
  async up(db: Kysely<Database>, dialect: Dialect): Promise<void> {
    const idType = dialect === 'sqlite' ? 'integer' : 'bigint';
    const id = (c: ColumnDefinitionBuilder) =>
      dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity();

    await db.schema
      .createTable('merged_events')
      .addColumn('id', idType, id)
      .addColumn('date', 'text')
      .addColumn('sort_date', 'text', (c) => c.notNull())
      .addColumn('anchor', 'text', (c) => c.notNull())
      .addColumn('last_anchor', 'text', (c) => c.notNull())
      .$call(codedEventColumns)
      .addColumn('negated', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('modality', 'text', (c) => c.notNull())
      .addColumn('quote', 'text')
      .addColumn('report_count', 'integer', (c) => c.notNull())
      .addColumn('outlets', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('first_seen', 'text', (c) => c.notNull())
      .addColumn('last_seen', 'text', (c) => c.notNull())
      // 1 when a report left it (re-analysis): its fields and links are recomputed by the next merge.
      .addColumn('dirty', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('merged_events_anchor_idx').on('merged_events').columns(['anchor', 'last_anchor']).execute();
    await db.schema.createIndex('merged_events_sort_idx').on('merged_events').columns(['sort_date', 'id']).execute();
    await db.schema.createIndex('merged_events_source_idx').on('merged_events').columns(['source_country', 'target_country']).execute();
    await db.schema.createIndex('merged_events_dirty_idx').on('merged_events').column('dirty').execute();

    await db.schema
      .createTable('article_events')
      .addColumn('article_id', idType, (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('date', 'text')
      .addColumn('anchor', 'text', (c) => c.notNull())
      .$call(codedEventColumns)
      .addColumn('cameo', 'text')
      .addColumn('negated', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('modality', 'text', (c) => c.notNull())
      .addColumn('sourcing', 'text')
      .addColumn('trigger', 'text')
      .addColumn('quote', 'text')
      .addColumn('responds_to', 'text')
      .addColumn('response_cue', 'text')
      // Not a foreign key: merged events are rebuilt around reports, never the other way.
      .addColumn('merged_id', idType)
      .addColumn('sentence', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('article_events_pk', ['article_id', 'seq'])
      .execute();
    await db.schema.createIndex('article_events_merged_idx').on('article_events').column('merged_id').execute();
    await db.schema.createIndex('article_events_anchor_idx').on('article_events').column('anchor').execute();

    await db.schema
      .createTable('event_links')
      .addColumn('event_id', idType, (c) => c.notNull().references('merged_events.id').onDelete('cascade'))
      .addColumn('responds_to', idType, (c) => c.notNull().references('merged_events.id').onDelete('cascade'))
      .addColumn('rule', 'text', (c) => c.notNull())
      .addColumn('confidence', 'real', (c) => c.notNull())
      .addColumn('article_id', idType, (c) => c.notNull())
      .addColumn('cue', 'text')
      .addColumn('sentence', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('event_links_pk', ['event_id', 'responds_to'])
      .execute();
    await db.schema.createIndex('event_links_target_idx').on('event_links').column('responds_to').execute();
  },
};

/** What both a report and a merged event say: type, mode, source, target, intensity. */
function codedEventColumns<T extends string, C extends string>(t: CreateTableBuilder<T, C>) {
  return t
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('mode', 'text')
    .addColumn('source_name', 'text')
    .addColumn('source_entity', 'text')
    .addColumn('source_country', 'text')
    .addColumn('source_institution', 'text')
    .addColumn('target_name', 'text')
    .addColumn('target_entity', 'text')
    .addColumn('target_country', 'text')
    .addColumn('target_institution', 'text')
    .addColumn('has_target', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('intensity', 'real', (c) => c.notNull());
}
