// SQLite connection: one better-sqlite3 handle per Store (Kysely serialises its use), WAL
// journal, a busy timeout for other processes, foreign keys on, synchronous=FULL (a commit
// survives kill -9 and power loss). Transactions begin IMMEDIATE: they take the write lock up
// front, so a read-then-write transaction never fails with SQLITE_BUSY half-way.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';
import type { Database } from './schema.js';

export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

/** Opens (creating parent folders) a SQLite database file, or ':memory:'. */
export function openSqlite(path: string): Kysely<Database> {
  const memory = path === ':memory:' || path === '';
  if (!memory) mkdirSync(dirname(resolve(path)), { recursive: true });
  const handle = new BetterSqlite3(memory ? ':memory:' : path);
  try {
    if (!memory) handle.pragma('journal_mode = WAL');
    handle.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    handle.pragma('foreign_keys = ON');
    handle.pragma('synchronous = FULL');
  } catch (err) {
    handle.close();
    throw err;
  }
  return new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: handle }) });
}
