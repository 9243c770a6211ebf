// Migration 12: spellings of one unknown person meet in one candidate (src/store/candidate-variants.ts).
// actor_candidates gains variant_key, the romanisation-folded key of a person's name
// (src/registry/variant-key.ts), indexed so a save finds the row another spelling opened, and
// aliases, a JSON array of the other spellings seen. Existing person rows get their key here;
// rows that two spellings opened before this migration stay apart until their articles are
// re-analysed (each save then files the name under the oldest row with the key).
import type { Kysely } from 'kysely';
import { variantKey } from '../../registry/variant-key.js';
import type { Database } from '../schema.js';
import type { Migration } from './types.js';

const PAGE = 1000;

export const candidateVariantsSchema: Migration = {
  version: 12,
  name: 'candidate actors: variant keys and aliases',
  async up(db: Kysely<Database>): Promise<void> {
    await db.schema.alterTable('actor_candidates').addColumn('variant_key', 'text').execute();
    await db.schema.alterTable('actor_candidates').addColumn('aliases', 'text', (c) => c.notNull().defaultTo('[]')).execute();
    await db.schema.createIndex('actor_candidates_variant_idx').on('actor_candidates').columns(['variant_key']).execute();
    for (let after = ''; ; ) {
      const rows = await db.selectFrom('actor_candidates').select(['key', 'name']).where('type', '=', 'person').where('key', '>', after).orderBy('key').limit(PAGE).execute();
      for (const r of rows) {
        const key = variantKey(r.name);
        if (key) await db.updateTable('actor_candidates').set({ variant_key: key }).where('key', '=', r.key).execute();
      }
      if (rows.length < PAGE) break;
      after = rows.at(-1)!.key;
    }
  },
};
