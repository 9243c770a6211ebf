// What the HTTP API (src/api/) needs of the store beyond the other modules: API tokens (only
// the sha256 of a token is kept; see migration 004). The `/stream` feed is in stream.ts. The
// api_tokens table is typed here (withTables) so the shared schema file stays untouched.
import { createHash } from 'node:crypto';
import type { Generated, Kysely } from 'kysely';
import { ReadoutError } from '../core/errors.js';
import type { Database } from './schema.js';
import type { ApiRole, ApiToken, NewApiToken } from './types.js';
import { nowIso, type StoreContext } from './util.js';

export const API_ROLES: readonly ApiRole[] = ['viewer', 'analyst', 'admin'];

interface ApiTokensTable {
  id: Generated<number>;
  name: string;
  role: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

type Db = Kysely<Database & { api_tokens: ApiTokensTable }>;
const tokensDb = (ctx: StoreContext): Db => ctx.db.withTables<{ api_tokens: ApiTokensTable }>();

/** The stored form of a token: its sha256 in hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function toToken(r: { id: number | string; name: string; role: string; created_at: string; last_used_at: string | null; revoked_at: string | null }): ApiToken {
  return { id: Number(r.id), name: r.name, role: r.role as ApiRole, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at };
}

export async function createApiToken(ctx: StoreContext, token: NewApiToken): Promise<ApiToken> {
  if (!API_ROLES.includes(token.role)) throw new ReadoutError('input', `store: token role must be one of ${API_ROLES.join(', ')}, not "${String(token.role)}"`);
  if (!token.name.trim()) throw new ReadoutError('input', 'store: a token needs a name');
  if (!/^[0-9a-f]{64}$/.test(token.hash)) throw new ReadoutError('input', 'store: a token hash must be 64 hex digits (sha256)');
  const row = await tokensDb(ctx)
    .insertInto('api_tokens')
    .values({ name: token.name.trim(), role: token.role, token_hash: token.hash, created_at: nowIso(), last_used_at: null, revoked_at: null })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toToken(row);
}

/** The active (not revoked) token with this hash. */
export async function findApiToken(ctx: StoreContext, hash: string): Promise<ApiToken | null> {
  const row = await tokensDb(ctx).selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).where('revoked_at', 'is', null).executeTakeFirst();
  return row ? toToken(row) : null;
}

export async function listApiTokens(ctx: StoreContext): Promise<ApiToken[]> {
  const rows = await tokensDb(ctx).selectFrom('api_tokens').selectAll().orderBy('id').execute();
  return rows.map(toToken);
}

/** Revokes the active token(s) with this id or name; returns how many. */
export async function revokeApiToken(ctx: StoreContext, idOrName: number | string): Promise<number> {
  const q = tokensDb(ctx).updateTable('api_tokens').set({ revoked_at: nowIso() }).where('revoked_at', 'is', null);
  const r = await (typeof idOrName === 'number' ? q.where('id', '=', idOrName) : q.where('name', '=', idOrName)).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function touchApiToken(ctx: StoreContext, id: number, at: string): Promise<void> {
  await tokensDb(ctx).updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}
