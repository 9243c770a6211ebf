// Migration 6: watch rules and alerts (src/alerts/, src/store/alerts.ts). alert_rules holds the
// rule as JSON (spec) with its actors resolved against the registry when saved (resolved);
// alerts holds one row per rule × merged event (unique), and alert_reports the report keys
// ("articleId:eventId") each alert covered, so re-analysis that moves reports to a new merged
// event id does not alert again; alert_deliveries is one row per alert × push delivery with its
// status, attempts, last error and next attempt (the retries themselves are `deliver` jobs).
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { Database, Dialect } from '../schema.js';
import type { Migration } from './types.js';

export const alertsSchema: Migration = {
  version: 6,
  name: 'watch rules and alerts',
  async up(db: Kysely<Database>, dialect: Dialect): Promise<void> {
    const idType = dialect === 'sqlite' ? 'integer' : 'bigint';
    const id = (c: ColumnDefinitionBuilder) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity());
    await db.schema
      .createTable('alert_rules')
      .addColumn('id', idType, id)
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('spec', 'text', (c) => c.notNull())
      .addColumn('resolved', 'text', (c) => c.notNull())
      .addColumn('feed_token', 'text', (c) => c.notNull().unique())
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('alerts')
      .addColumn('id', idType, id)
      .addColumn('rule_id', idType, (c) => c.notNull())
      .addColumn('merged_event_id', idType, (c) => c.notNull())
      .addColumn('report_key', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('alerts_rule_event_uq', ['rule_id', 'merged_event_id'])
      .execute();
    await db.schema.createIndex('alerts_rule_idx').on('alerts').columns(['rule_id', 'id']).execute();
    await db.schema
      .createTable('alert_reports')
      .addColumn('rule_id', idType, (c) => c.notNull())
      .addColumn('report_key', 'text', (c) => c.notNull())
      .addColumn('alert_id', idType, (c) => c.notNull())
      .addPrimaryKeyConstraint('alert_reports_pk', ['rule_id', 'report_key'])
      .execute();
    await db.schema
      .createTable('alert_deliveries')
      .addColumn('id', idType, id)
      .addColumn('alert_id', idType, (c) => c.notNull())
      .addColumn('rule_id', idType, (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('response_status', 'integer')
      .addColumn('next_attempt_at', 'text')
      .addColumn('delivered_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('alert_deliveries_uq', ['alert_id', 'seq'])
      .execute();
    await db.schema.createIndex('alert_deliveries_rule_idx').on('alert_deliveries').columns(['rule_id', 'id']).execute();
  },
};
