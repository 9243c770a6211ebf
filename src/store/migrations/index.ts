// Ordered, append-only migrations recorded in schema_migrations. Each migration runs in its
// own transaction together with its version row, so a crash leaves either all of it or none.
// Concurrent openers serialise: SQLite transactions begin IMMEDIATE (write lock), PostgreSQL
// takes a transaction-scoped advisory lock per schema.
import { sql, type Kysely } from 'kysely';
import type { Logger } from '../../core/logger.js';
import { ReadoutError } from '../../core/errors.js';
import type { Database, Dialect } from '../schema.js';
import { nowIso } from '../util.js';
import { initialSchema } from './001-initial.js';
import { analysesSchema } from './002-analyses.js';
import { eventsSchema } from './003-events.js';
import { apiTokensSchema } from './004-api-tokens.js';
import { briefsSchema } from './005-briefs.js';
import { alertsSchema } from './006-alerts.js';
import { positionsSchema } from './007-positions.js';
import { alertKeysSchema } from './008-alert-keys.js';
import { jobOwnersSchema } from './009-job-owners.js';
import { eventCandidatesSchema } from './010-event-candidates.js';
import { eventFingerprintsSchema } from './011-event-fingerprints.js';
import { candidateVariantsSchema } from './012-candidate-variants.js';
import type { Migration } from './types.js';

export type { Migration } from './types.js';

export const MIGRATIONS: readonly Migration[] = [initialSchema, analysesSchema, eventsSchema, apiTokensSchema, briefsSchema, alertsSchema, positionsSchema, alertKeysSchema, jobOwnersSchema, eventCandidatesSchema, eventFingerprintsSchema, candidateVariantsSchema];

export const LATEST_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

/** Applies pending migrations; throws ReadoutError('schema') if the database is newer than this code. */
export async function runMigrations(db: Kysely<Database>, dialect: Dialect, logger: Logger): Promise<void> {
  checkOrder(MIGRATIONS);
  for (;;) {
    const applied = await db.transaction().execute(async (trx) => {
      const current = await lockAndReadVersion(trx, dialect);
      if (current > LATEST_VERSION) {
        throw new ReadoutError('schema', `store: the database schema is version ${current}, newer than this Readout knows (${LATEST_VERSION})`, {
          hint: 'upgrade Readout, or point --db at another database',
        });
      }
      const next = MIGRATIONS.find((m) => m.version > current);
      if (!next) return null;
      await next.up(trx, dialect);
      await trx.insertInto('schema_migrations').values({ version: next.version, name: next.name, applied_at: nowIso() }).execute();
      return next;
    });
    if (!applied) return;
    logger.info({ stage: 'store', version: applied.version }, `store: applied migration ${applied.version} (${applied.name})`);
  }
}

/** The highest applied version (0 for an empty database); creates the version table if needed. */
async function lockAndReadVersion(trx: Kysely<Database>, dialect: Dialect): Promise<number> {
  // DIALECT: PostgreSQL needs an explicit lock (CREATE TABLE IF NOT EXISTS races otherwise);
  // in SQLite the IMMEDIATE transaction already holds the write lock.
  if (dialect === 'postgres') {
    await sql`SELECT pg_advisory_xact_lock(hashtext('readout:migrate:' || coalesce(current_schema(), '')))`.execute(trx);
  }
  await trx.schema
    .createTable('schema_migrations')
    .ifNotExists()
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
  const row = await trx
    .selectFrom('schema_migrations')
    .select((eb) => eb.fn.max('version').as('version'))
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}

function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`store: migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
}
