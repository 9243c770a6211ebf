// Migration 10: analysis cost independent of store size (src/store/event-candidates.ts).
// article_events.words keeps each report's compared word stems (src/events/words.ts), computed
// once when the report is saved; rows saved before this migration keep NULL and get their
// words computed when read (no backfill: that would stem the whole store inside the migration).
// The indexes serve the bounded candidate queries of merging and response linking: events of
// one source or target country in a date window, newest first.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { Migration } from './types.js';

export const eventCandidatesSchema: Migration = {
  version: 10,
  name: 'stored report words, event candidate indexes',
  async up(db: Kysely<Database>): Promise<void> {
    await db.schema.alterTable('article_events').addColumn('words', 'text').execute();
    // Merging: same dyad and type (the target's country known) or same source and type, in an anchor window.
    await db.schema.createIndex('merged_events_dyad_type_anchor_idx').on('merged_events').columns(['source_country', 'target_country', 'type', 'anchor']).execute();
    await db.schema.createIndex('merged_events_source_type_anchor_idx').on('merged_events').columns(['source_country', 'type', 'anchor']).execute();
    // ... and for a report whose source has no country (it may match any source): type, anchor window.
    await db.schema.createIndex('merged_events_type_anchor_idx').on('merged_events').columns(['type', 'anchor']).execute();
    // Response linking: events by source or target country in a sort_date window.
    await db.schema.createIndex('merged_events_source_sort_idx').on('merged_events').columns(['source_country', 'sort_date']).execute();
    await db.schema.createIndex('merged_events_target_sort_idx').on('merged_events').columns(['target_country', 'sort_date']).execute();
  },
};
