// Spellings of one unknown person across articles ("Qasem Soleimani", "Qassem Suleimani") share
// one candidate row: a save files each person under the existing row whose variant_key (the
// romanisation-folded key, src/registry/variant-key.ts) is the name's, and the spellings become the
// row's aliases. The first spelling seen keeps the key ("name:<normalised name>"), so keys, ids of
// confirmed candidates and article_entities rows stay what they were.
import { sql, type Kysely } from 'kysely';
import type { Entity } from '../analyze/types.js';
import { normalizeName } from '../registry/normalize.js';
import { variantKey } from '../registry/variant-key.js';
import type { Database } from './schema.js';
import { chunks, clean, type StoreContext } from './util.js';

const MAX_ALIASES = 20;

/** The entity's name and the mentions that spell the same name another way (not surnames or titles). */
export function spellingsOf(e: Entity): { variant: string | null; spellings: string[] } {
  const variant = e.type === 'person' ? variantKey(e.name) : null;
  if (!variant) return { variant, spellings: [clean(e.name)] };
  const spellings = [clean(e.name)];
  for (const m of e.mentions) if (m.text && variantKey(m.text) === variant) addSpelling(spellings, clean(m.text));
  return { variant, spellings };
}

/** Adds a spelling unless the list has it up to case, accents and hyphens; keeps at most MAX_ALIASES + 1. */
export function addSpelling(list: string[], s: string): void {
  const n = normalizeName(s);
  if (list.length <= MAX_ALIASES && !list.some((x) => normalizeName(x) === n)) list.push(s);
}

/** A row's aliases after a save: those it had and the spellings seen now, none that is its name. */
export function mergedAliases(name: string, stored: readonly string[], seen: readonly string[]): string[] {
  const all = [name];
  for (const s of [...stored, ...seen]) addSpelling(all, s);
  return all.slice(1);
}

/**
 * For each variant key, the key of the candidate row already filed under it: a confirmed row
 * first, else the oldest (stable, so spellings saved in any order converge on one row). On
 * PostgreSQL a transaction-scoped advisory lock per variant key (taken in sorted order) makes a
 * concurrent save of another spelling wait, rather than open a second row.
 */
export async function rowsByVariant(ctx: StoreContext, db: Kysely<Database>, variants: Iterable<string>): Promise<Map<string, string>> {
  const keys = [...new Set(variants)].sort();
  const out = new Map<string, string>();
  if (!keys.length) return out;
  if (ctx.dialect === 'postgres') {
    for (const v of keys) await sql`SELECT pg_advisory_xact_lock(hashtext('readout:candidate:' || coalesce(current_schema(), '') || ':' || ${v}))`.execute(db);
  }
  for (const part of chunks(keys, 500)) {
    const rows = await db
      .selectFrom('actor_candidates')
      .select(['key', 'variant_key'])
      .where('type', '=', 'person')
      .where('variant_key', 'in', part)
      .orderBy(sql`case when status = 'confirmed' then 0 else 1 end`)
      .orderBy('created_at')
      .orderBy('key')
      .execute();
    for (const r of rows) if (r.variant_key && !out.has(r.variant_key)) out.set(r.variant_key, r.key);
  }
  return out;
}
