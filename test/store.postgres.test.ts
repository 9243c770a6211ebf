// The Store contract on PostgreSQL: every test gets its own schema (search_path set through
// the connection URL), dropped afterwards, so parallel runs never collide.
// Server: READOUT_TEST_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/test.
// With CI=true an unreachable server fails the suite; otherwise the suite is skipped.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../src/core/logger.js';
import { openStore } from '../src/store/open.js';
import { redactUrl } from '../src/store/postgres.js';
import { storeContract, type StoreHarness } from './store.contract.js';

const BASE_URL = process.env.READOUT_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CI = process.env.CI === 'true';

async function probe(): Promise<string | null> {
  const client = new pg.Client({ connectionString: BASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (err) {
    return err instanceof Error ? err.message || err.name : String(err);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function withSearchPath(url: string, schema: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

async function postgresHarness(): Promise<StoreHarness> {
  const schema = `readout_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = withSearchPath(BASE_URL, schema);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  return {
    concurrentTransactions: true,
    open: () => openStore(url, silentLogger()),
    query: async <T>(sql: string) => (await admin.query(sql)).rows as T[],
    cleanup: async () => {
      try {
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      } finally {
        await admin.end();
      }
    },
  };
}

const unreachable = await probe();

if (unreachable === null) {
  storeContract('postgres', postgresHarness);
} else if (CI) {
  describe('Store contract: postgres', () => {
    it('needs a PostgreSQL server (CI=true)', () => {
      expect.fail(`PostgreSQL at ${redactUrl(BASE_URL)} is unreachable: ${unreachable}`);
    });
  });
} else {
  // eslint-disable-next-line no-console -- the one place a skipped suite must be visible
  console.warn(
    `store.postgres.test.ts skipped: no PostgreSQL at ${redactUrl(BASE_URL)} (${unreachable}). ` +
      'Start one (trust auth, database "test") or set READOUT_TEST_POSTGRES_URL; CI=true turns this skip into a failure.',
  );
  describe.skip('Store contract: postgres (no server)', () => {
    it('skipped', () => undefined);
  });
}
