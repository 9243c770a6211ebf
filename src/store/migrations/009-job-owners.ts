// Migration 9: jobs remember who holds their lease and how often a holder died.
// lease_owner ("<hostname>:<pid>:<random>") lets a restarted process take back the jobs of its
// dead predecessor at once instead of waiting for the lease to expire; reclaims counts those
// take-overs apart from attempts (handler runs), so a kill never uses up a job's attempts but a
// job that kills its worker every time still stops (src/store/jobs.ts). host (the host a job fetches
// from) lets a worker pass over jobs for a host busy in its process and run other hosts' work.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { Migration } from './types.js';

export const jobOwnersSchema: Migration = {
  version: 9,
  name: 'job lease owners, reclaim counts and hosts',
  async up(db: Kysely<Database>): Promise<void> {
    await db.schema.alterTable('jobs').addColumn('lease_owner', 'text').execute();
    await db.schema.alterTable('jobs').addColumn('reclaims', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('jobs').addColumn('host', 'text').execute();
    await db.schema.createIndex('jobs_owner_idx').on('jobs').columns(['status', 'lease_owner']).execute();
  },
};
