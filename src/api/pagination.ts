// Cursor pagination. A cursor is opaque to clients: base64url of a small JSON object saying
// where the previous page ended (a keyset position where the store's order allows one), tagged
// with the list it belongs to so a cursor from another list is refused.
import { z } from '@hono/zod-openapi';
import { badRequest } from './errors.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

export function limitSchema(max = MAX_LIMIT, def = DEFAULT_LIMIT) {
  return z.coerce.number().int().min(1).max(max).default(def).openapi({ description: `page size (1-${max}, default ${def})` });
}

export const cursorSchema = z.string().min(1).max(2000).optional().openapi({ description: 'opaque cursor from the previous page\'s nextCursor' });

export function encodeCursor(list: string, position: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify({ l: list, ...position }), 'utf8').toString('base64url');
}

/** The position a cursor holds, checked against the list and a shape; 400 naming `cursor` otherwise. */
export function decodeCursor<T>(list: string, cursor: string | undefined, shape: z.ZodType<T>): T | null {
  if (cursor === undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badRequest('cursor: not a cursor this API made', 'cursor');
  }
  if (!parsed || typeof parsed !== 'object' || (parsed as { l?: unknown }).l !== list) throw badRequest(`cursor: not a cursor of ${list}`, 'cursor');
  const r = shape.safeParse(parsed);
  if (!r.success) throw badRequest('cursor: not a cursor this API made', 'cursor');
  return r.data;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
