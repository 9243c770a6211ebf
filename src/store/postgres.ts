// PostgreSQL connection: a pg Pool. BIGINT (int8: ids, count(*)) is parsed to number;
// ids stay far below 2^53. The schema is chosen by the URL (e.g. `?options=-c search_path=x`).
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Logger } from '../core/logger.js';
import type { Database } from './schema.js';

const INT8_OID = 20;

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** The URL without its password, for logs and error messages. */
export function redactUrl(location: string): string {
  try {
    const u = new URL(location);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return location.replace(/:\/\/([^:/@]+):[^@]*@/, '://$1:***@');
  }
}

export function openPostgres(url: string, logger: Logger): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', (err) => logger.warn({ stage: 'store', err: err.message }, 'store: idle PostgreSQL connection failed'));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
