// Opens the store named by a location: a postgres:// or postgresql:// URL is PostgreSQL,
// anything else a SQLite file path (parent folders created; ':memory:' allowed). The schema is
// migrated before the store is returned.
import { resolve } from 'node:path';
import type { Logger } from '../core/logger.js';
import { KyselyStore } from './kysely-store.js';
import { isPostgresUrl, openPostgres, redactUrl } from './postgres.js';
import { openSqlite } from './sqlite.js';
import type { Store } from './types.js';
import { wrap } from './util.js';

export async function openStore(location: string, logger: Logger): Promise<Store> {
  const postgres = isPostgresUrl(location);
  const label = postgres ? redactUrl(location) : location === ':memory:' ? ':memory:' : resolve(location);
  const db = await wrap(`open the database ${label}`, async () => (postgres ? openPostgres(location, logger) : openSqlite(location)));
  const store = new KyselyStore(db, postgres ? 'postgres' : 'sqlite', logger, label);
  try {
    await store.migrate();
  } catch (err) {
    await db.destroy().catch((closeErr: unknown) => logger.warn({ stage: 'store', err: String(closeErr) }, 'store: closing after a failed open failed'));
    throw err;
  }
  logger.debug({ stage: 'store', dialect: store.dialect, db: label }, 'store: opened');
  return store;
}
