// Migration 5: saved briefs (`readout brief --save`). One row per brief: its window, focus,
// the format it was rendered in, the rendered document, and the assembled brief as JSON (so
// `readout brief --show ID --format html` can render it again in another format). Version 4 is
// the API's tokens table; the runner applies migrations in version order.
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { Database, Dialect } from '../schema.js';
import type { Migration } from './types.js';

export const briefsSchema: Migration = {
  version: 5,
  name: 'saved briefs',
  async up(db: Kysely<Database>, dialect: Dialect): Promise<void> {
    const idType = dialect === 'sqlite' ? 'integer' : 'bigint';
    const id = (c: ColumnDefinitionBuilder) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity());
    await db.schema
      .createTable('briefs')
      .addColumn('id', idType, id)
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('since', 'text', (c) => c.notNull())
      .addColumn('until', 'text', (c) => c.notNull())
      .addColumn('focus', 'text')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('item_count', 'integer', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('briefs_created_idx').on('briefs').columns(['created_at', 'id']).execute();
  },
};
