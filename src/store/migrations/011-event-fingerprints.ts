// Migration 11: event fingerprints (src/events/fingerprint.ts). One row per merged event with
// the matching fields and word stems of all its reports, so merging and response linking compare
// a candidate event from one row instead of reading its reports and their articles. A separate
// table, not a merged_events column, so the timeline and export reads of merged_events stay as
// small as they were. Events saved before this migration have no row and are compared from their
// reports (as before) until a merge rewrites them (no backfill: that would read every report
// inside the migration).
// Three indexes for the candidate queries migration 10's did not cover, which read every event of
// the window on a big store: a report whose source has no country (any source: type, target
// country, anchor), a responder's "aimed at an unknown target" branch (target NULL but present),
// and a responder with no source country (any event with a target).
import type { Kysely } from 'kysely';
import type { Database, Dialect } from '../schema.js';
import type { Migration } from './types.js';

export const eventFingerprintsSchema: Migration = {
  version: 11,
  name: 'event fingerprints, candidate indexes without table reads',
  async up(db: Kysely<Database>, dialect: Dialect): Promise<void> {
    await db.schema
      .createTable('event_fingerprints')
      .addColumn('event_id', dialect === 'sqlite' ? 'integer' : 'bigint', (c) => c.primaryKey().references('merged_events.id').onDelete('cascade'))
      .addColumn('reports', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('merged_events_type_target_anchor_idx').on('merged_events').columns(['type', 'target_country', 'anchor']).execute();
    await db.schema.createIndex('merged_events_target_has_sort_idx').on('merged_events').columns(['target_country', 'has_target', 'sort_date']).execute();
    await db.schema.createIndex('merged_events_has_target_sort_idx').on('merged_events').columns(['has_target', 'sort_date']).execute();
  },
};
