import type { Kysely } from 'kysely';
import type { Database, Dialect } from '../schema.js';

/** One schema step. Append-only: never edit a released migration, add the next one. */
export interface Migration {
  version: number;
  name: string;
  /** Runs inside a transaction; branch on dialect where the SQL differs. */
  up(db: Kysely<Database>, dialect: Dialect): Promise<void>;
}
