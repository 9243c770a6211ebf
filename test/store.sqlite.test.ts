// The Store contract on SQLite (a fresh file per test), plus SQLite-only behaviour.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../src/core/logger.js';
import { openStore } from '../src/store/open.js';
import { sampleArticle, storeContract, type StoreHarness } from './store.contract.js';

async function sqliteHarness(): Promise<StoreHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'readout-store-'));
  const file = join(dir, 'nested', 'folder', 'readout.db'); // parent folders are created
  return {
    concurrentTransactions: false,
    open: () => openStore(file, silentLogger()),
    query: async <T>(sql: string) => {
      const db = new Database(file);
      try {
        const stmt = db.prepare(sql);
        return (stmt.reader ? stmt.all() : (stmt.run(), [])) as T[];
      } finally {
        db.close();
      }
    },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

storeContract('sqlite', sqliteHarness);

describe('SQLite store', () => {
  it('opens an in-memory database', async () => {
    const store = await openStore(':memory:', silentLogger());
    try {
      expect(store.dialect).toBe('sqlite');
      const { id } = await store.insertArticle(sampleArticle({ text: 'in memory' }));
      expect((await store.getArticle(id))?.text).toBe('in memory');
    } finally {
      await store.close();
    }
  });

  it('uses WAL and foreign keys, and searches ignoring diacritics', async () => {
    const h = await sqliteHarness();
    const store = await h.open();
    try {
      expect(await h.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
      await store.insertArticle(sampleArticle({ text: 'Le café de Pyongyang a rouvert.' }));
      expect(await store.search({ text: 'cafe' })).toHaveLength(1);
      await expect(h.query("INSERT INTO article_urls (url, article_id, created_at) VALUES ('x', 424242, 'now')")).rejects.toThrow(/FOREIGN KEY/);
    } finally {
      await store.close();
      await h.cleanup();
    }
  });
});
