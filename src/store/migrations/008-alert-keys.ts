// Migration 8: alerts without a merged event (personnel moves and attention spikes,
// src/alerts/evaluate.ts). alerts.merged_event_id becomes nullable and alerts gain a nullable
// dedupe_key, unique per rule ("personnel:<person>|<title>|<change>|<date>", "spike:<bucket>"),
// so such an alert fires once however often its article is re-ingested or re-analysed. Event
// alerts keep dedupe_key null (they are unique on rule × merged event, and per report key).
// SQLite cannot drop a NOT NULL constraint: the table is rebuilt and its rows copied, inside
// this migration's transaction (alerts is referenced by no foreign key).
import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { Database, Dialect } from '../schema.js';
import type { Migration } from './types.js';

export const alertKeysSchema: Migration = {
  version: 8,
  name: 'alerts without a merged event (dedupe keys)',
  async up(db: Kysely<Database>, dialect: Dialect): Promise<void> {
    if (dialect === 'postgres') {
      await sql`ALTER TABLE alerts ALTER COLUMN merged_event_id DROP NOT NULL`.execute(db);
      await db.schema.alterTable('alerts').addColumn('dedupe_key', 'text').execute();
    } else {
      const id = (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement();
      await db.schema
        .createTable('alerts_new')
        .addColumn('id', 'integer', id)
        .addColumn('rule_id', 'integer', (c) => c.notNull())
        .addColumn('merged_event_id', 'integer')
        .addColumn('dedupe_key', 'text')
        .addColumn('report_key', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('alerts_rule_event_uq', ['rule_id', 'merged_event_id'])
        .execute();
      await sql`INSERT INTO alerts_new (id, rule_id, merged_event_id, dedupe_key, report_key, title, payload, created_at)
        SELECT id, rule_id, merged_event_id, NULL, report_key, title, payload, created_at FROM alerts`.execute(db);
      // Keep the id sequence, so ids of removed alerts are not handed out again.
      await sql`DELETE FROM sqlite_sequence WHERE name = 'alerts_new'`.execute(db);
      await sql`INSERT INTO sqlite_sequence (name, seq) SELECT 'alerts_new', seq FROM sqlite_sequence WHERE name = 'alerts'`.execute(db);
      await db.schema.dropTable('alerts').execute();
      await sql`ALTER TABLE alerts_new RENAME TO alerts`.execute(db);
      await db.schema.createIndex('alerts_rule_idx').on('alerts').columns(['rule_id', 'id']).execute();
    }
    // NULL keys (event alerts) are distinct on both backends.
    await db.schema.createIndex('alerts_rule_key_uq').on('alerts').columns(['rule_id', 'dedupe_key']).unique().execute();
  },
};
