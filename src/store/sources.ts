// Sources: what to poll, how often, and how the last polls went.
import type { Selectable, Updateable } from 'kysely';
import { ReadoutError } from '../core/errors.js';
import type { SourceKind } from '../core/types.js';
import type { SourcesTable } from './schema.js';
import type { NewSource, Source, SourcePatch } from './types.js';
import { notFound, nowIso, parseJson, toIso, toIsoOrNull, type StoreContext } from './util.js';

export function toSource(r: Selectable<SourcesTable>): Source {
  return {
    id: r.id,
    url: r.url,
    kind: r.kind as SourceKind,
    title: r.title,
    tags: parseJson<string[]>(r.tags, []),
    intervalSeconds: r.interval_seconds,
    enabled: r.enabled === 1,
    etag: r.etag,
    lastModified: r.last_modified,
    createdAt: r.created_at,
    lastPolledAt: r.last_polled_at,
    lastSuccessAt: r.last_success_at,
    lastErrorAt: r.last_error_at,
    lastError: r.last_error,
    failureStreak: r.failure_streak,
    itemsSeen: r.items_seen,
    nextPollAt: r.next_poll_at,
  };
}

function checkInterval(seconds: number): number {
  if (!Number.isInteger(seconds) || seconds < 1) throw new ReadoutError('input', `store: a source interval must be a whole number of seconds ≥ 1, not ${seconds}`);
  return seconds;
}

/** Throws ReadoutError('input') when the URL is already a source. */
export async function addSource(ctx: StoreContext, s: NewSource): Promise<Source> {
  const row = await ctx.db
    .insertInto('sources')
    .values({
      url: s.url,
      kind: s.kind,
      title: s.title ?? null,
      tags: JSON.stringify(s.tags ?? []),
      interval_seconds: checkInterval(s.intervalSeconds),
      enabled: 1,
      failure_streak: 0,
      items_seen: 0,
      created_at: nowIso(),
    })
    .onConflict((oc) => oc.column('url').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new ReadoutError('input', `store: ${s.url} is already a source`, { hint: 'see `readout sources list`' });
  return toSource(row);
}

/** A number (or a string of digits) is an id; any other string is a URL. */
export async function getSource(ctx: StoreContext, idOrUrl: number | string): Promise<Source | null> {
  const byId = typeof idOrUrl === 'number' || /^\d+$/.test(idOrUrl);
  const row = await ctx.db
    .selectFrom('sources')
    .selectAll()
    .$if(byId, (q) => q.where('id', '=', Number(idOrUrl)))
    .$if(!byId, (q) => q.where('url', '=', String(idOrUrl)))
    .executeTakeFirst();
  return row ? toSource(row) : null;
}

export async function listSources(ctx: StoreContext): Promise<Source[]> {
  const rows = await ctx.db.selectFrom('sources').selectAll().orderBy('id').execute();
  return rows.map(toSource);
}

/** Throws ReadoutError('input') when there is no such source. */
export async function updateSource(ctx: StoreContext, id: number, patch: SourcePatch): Promise<void> {
  const set = patchColumns(patch);
  const q = Object.keys(set).length > 0
    ? ctx.db.updateTable('sources').set(set).where('id', '=', id).executeTakeFirst().then((r) => Number(r.numUpdatedRows))
    : ctx.db.selectFrom('sources').select('id').where('id', '=', id).execute().then((r) => r.length);
  if ((await q) === 0) throw notFound(`source ${id}`);
}

function patchColumns(p: SourcePatch): Updateable<SourcesTable> {
  const set: Updateable<SourcesTable> = {};
  if (p.kind !== undefined) set.kind = p.kind;
  if (p.title !== undefined) set.title = p.title;
  if (p.tags !== undefined) set.tags = JSON.stringify(p.tags);
  if (p.intervalSeconds !== undefined) set.interval_seconds = checkInterval(p.intervalSeconds);
  if (p.enabled !== undefined) set.enabled = p.enabled ? 1 : 0;
  if (p.etag !== undefined) set.etag = p.etag;
  if (p.lastModified !== undefined) set.last_modified = p.lastModified;
  if (p.lastPolledAt !== undefined) set.last_polled_at = toIsoOrNull(p.lastPolledAt, 'lastPolledAt');
  if (p.lastSuccessAt !== undefined) set.last_success_at = toIsoOrNull(p.lastSuccessAt, 'lastSuccessAt');
  if (p.lastErrorAt !== undefined) set.last_error_at = toIsoOrNull(p.lastErrorAt, 'lastErrorAt');
  if (p.lastError !== undefined) set.last_error = p.lastError;
  if (p.failureStreak !== undefined) set.failure_streak = p.failureStreak;
  if (p.itemsSeen !== undefined) set.items_seen = p.itemsSeen;
  if (p.nextPollAt !== undefined) set.next_poll_at = toIsoOrNull(p.nextPollAt, 'nextPollAt');
  return set;
}

/**
 * Deletes the source and its still-queued jobs (they could only fail). Its articles stay,
 * with source_id set to null; running and finished jobs stay, with source_id null.
 */
export async function removeSource(ctx: StoreContext, id: number): Promise<boolean> {
  return ctx.atomic(async (db) => {
    await db.deleteFrom('jobs').where('source_id', '=', id).where('status', '=', 'queued').execute();
    const r = await db.deleteFrom('sources').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  });
}

/** Enabled sources never polled or due by `now`, the longest-waiting first. */
export async function dueSources(ctx: StoreContext, now: string): Promise<Source[]> {
  const at = toIso(now, 'now');
  const rows = await ctx.db
    .selectFrom('sources')
    .selectAll()
    .where('enabled', '=', 1)
    .where((eb) => eb.or([eb('next_poll_at', 'is', null), eb('next_poll_at', '<=', at)]))
    // coalesce: NULL sorts first in SQLite but last in PostgreSQL.
    .orderBy((eb) => eb.fn.coalesce('next_poll_at', eb.val('')))
    .orderBy('id')
    .execute();
  return rows.map(toSource);
}
