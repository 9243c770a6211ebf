// The raw archive: HTTP responses as fetched, gzip-compressed, keyed by the sha256 of the body.
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { RawResponse } from '../core/types.js';
import { nowIso, parseJson, toIso, type StoreContext } from './util.js';

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Idempotent: the same body stored twice keeps the first record. Returns the body hash. */
export async function putRaw(ctx: StoreContext, raw: RawResponse): Promise<string> {
  const hash = sha256(raw.body);
  // Unchanged pages come back often: skip compressing a body that is already stored.
  const known = await ctx.db.selectFrom('raw_responses').select('hash').where('hash', '=', hash).executeTakeFirst();
  if (known) return hash;
  await ctx.db
    .insertInto('raw_responses')
    .values({
      hash,
      url: raw.url,
      final_url: raw.finalUrl,
      status: raw.status,
      headers: JSON.stringify(raw.headers),
      body: gzipSync(raw.body),
      size: raw.body.length,
      fetched_at: toIso(raw.fetchedAt, 'fetchedAt'),
      created_at: nowIso(),
    })
    .onConflict((oc) => oc.column('hash').doNothing())
    .execute();
  return hash;
}

export async function getRaw(ctx: StoreContext, hash: string): Promise<RawResponse | null> {
  const row = await ctx.db.selectFrom('raw_responses').selectAll().where('hash', '=', hash.toLowerCase()).executeTakeFirst();
  if (!row) return null;
  return {
    url: row.url,
    finalUrl: row.final_url,
    status: row.status,
    headers: parseJson<Record<string, string>>(row.headers, {}),
    body: gunzipSync(row.body),
    fetchedAt: row.fetched_at,
  };
}
