// Bearer tokens with roles. A token is 32 random bytes (base64url, prefixed "rdt_"); the store
// keeps only its sha256 (src/store/api-tokens.ts). Every route but /health and /openapi.json
// needs `Authorization: Bearer <token>`; roles nest: viewer (read) < analyst (+ confirm/reject
// candidates) < admin (+ sources and tokens).
import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { hashToken } from '../store/api-tokens.js';
import type { ApiRole, ApiToken, Store } from '../store/types.js';
import { ApiError } from './errors.js';

export interface ApiEnv {
  Variables: { token: ApiToken };
}

const RANK: Record<ApiRole, number> = { viewer: 0, analyst: 1, admin: 2 };

/** Paths anyone may read. */
export const PUBLIC_PATHS: ReadonlySet<string> = new Set(['/health', '/openapi.json']);

/** Paths that check their own query-string token when no bearer token is given. */
export const FEED_PATH = /^\/rules\/\d+\/atom$/;

/** A new token: what the user keeps, and the hash the store keeps. */
export function generateToken(): { token: string; hash: string } {
  const token = `rdt_${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token) };
}

/** Resolves the bearer token to a stored, active token (401 otherwise); records its use at most once a minute. */
export function authenticate(store: Store, now: () => Date = () => new Date()): MiddlewareHandler<ApiEnv> {
  const lastTouched = new Map<number, number>();
  return async (c, next) => {
    if (PUBLIC_PATHS.has(c.req.path)) return next();
    const header = c.req.header('authorization');
    // A rule's Atom feed may be read with its feed token instead (checked by src/api/rules.ts).
    if (!header && FEED_PATH.test(c.req.path) && c.req.query('token')) return next();
    const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!m) throw new ApiError(401, 'unauthorized', header ? 'the Authorization header must be "Bearer <token>"' : 'missing Authorization: Bearer <token> (create one with `readout tokens create`)');
    const token = await store.findApiToken(hashToken(m[1]!));
    if (!token) throw new ApiError(401, 'unauthorized', 'unknown or revoked token');
    const t = now().getTime();
    if (t - (lastTouched.get(token.id) ?? 0) > 60_000) {
      lastTouched.set(token.id, t);
      await store.touchApiToken(token.id, new Date(t).toISOString());
    }
    c.set('token', token);
    return next();
  };
}

/** Lets the request through when its token's role is at least `role` (403 otherwise). */
export function requireRole(role: ApiRole): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const token = c.get('token');
    if (RANK[token.role] < RANK[role]) throw new ApiError(403, 'forbidden', `this needs the ${role} role; the token "${token.name}" is ${token.role}`);
    return next();
  };
}
