// Migration 4: API tokens for `readout serve`. Only the sha256 of a token is stored; the token
// itself is shown once by `readout tokens create`. A revoked token keeps its row (revoked_at).
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { Database, Dialect } from '../schema.js';
import type { Migration } from './types.js';

export const apiTokensSchema: Migration = {
  version: 4,
  name: 'api tokens',
  async up(db: Kysely<Database>, dialect: Dialect): Promise<void> {
    const id = (c: ColumnDefinitionBuilder) =>
      dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity();
    await db.schema
      .createTable('api_tokens')
      .addColumn('id', dialect === 'sqlite' ? 'integer' : 'bigint', id)
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute();
  },
};
