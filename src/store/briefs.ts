// Saved briefs (migration 5) and the one extra lookup briefs need: the countries of the
// entities an article names (article_entities), which tell the country of a personnel move.
// The briefs table is typed here (Kysely withTables) rather than in schema.ts: only this file
// reads or writes it.
import type { Generated, Kysely } from 'kysely';
import type { Database } from './schema.js';
import { chunks, clean, cleanOrNull, nowIso, type StoreContext } from './util.js';

interface BriefsTable {
  id: Generated<number>;
  created_at: string;
  since: string;
  until: string;
  focus: string | null;
  title: string;
  format: string;
  item_count: number;
  content: string;
  data: string;
}

export interface NewBrief {
  since: string;
  until: string;
  focus: string | null;
  title: string;
  format: 'md' | 'html';
  itemCount: number;
  /** The rendered document. */
  content: string;
  /** The assembled brief as JSON (re-rendered by --show in another format). */
  data: string;
}

export interface BriefSummary extends Omit<NewBrief, 'content' | 'data'> {
  id: number;
  createdAt: string;
}

export interface StoredBrief extends BriefSummary {
  content: string;
  data: string;
}

/** A country an article's entity belongs to. */
export interface ArticleEntityCountry {
  articleId: number;
  entityKey: string;
  country: string;
}

function briefsDb(db: Kysely<Database>): Kysely<Database & { briefs: BriefsTable }> {
  return db.withTables<{ briefs: BriefsTable }>();
}

const summaryCols = ['id', 'created_at', 'since', 'until', 'focus', 'title', 'format', 'item_count'] as const;

function toSummary(r: { id: number | string; created_at: string; since: string; until: string; focus: string | null; title: string; format: string; item_count: number | string }): BriefSummary {
  return { id: Number(r.id), createdAt: r.created_at, since: r.since, until: r.until, focus: r.focus, title: r.title, format: r.format === 'html' ? 'html' : 'md', itemCount: Number(r.item_count) };
}

export async function saveBrief(ctx: StoreContext, brief: NewBrief): Promise<BriefSummary> {
  const row = {
    created_at: nowIso(), since: brief.since, until: brief.until, focus: brief.focus, title: clean(brief.title), format: brief.format,
    item_count: brief.itemCount, content: clean(brief.content), data: clean(brief.data),
  };
  const { id } = await briefsDb(ctx.db).insertInto('briefs').values(row).returning('id').executeTakeFirstOrThrow();
  return toSummary({ ...row, id });
}

/** Saved briefs, newest first. */
export async function listBriefs(ctx: StoreContext, limit = 100): Promise<BriefSummary[]> {
  const n = Math.max(1, Math.min(Math.floor(limit) || 100, 10_000));
  const rows = await briefsDb(ctx.db).selectFrom('briefs').select(summaryCols).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(n).execute();
  return rows.map(toSummary);
}

export async function getBrief(ctx: StoreContext, id: number): Promise<StoredBrief | null> {
  if (!Number.isSafeInteger(id)) return null;
  const r = await briefsDb(ctx.db).selectFrom('briefs').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? { ...toSummary(r), content: r.content, data: r.data } : null;
}

/** Entities with a known country in these articles. */
export async function articleEntityCountries(ctx: StoreContext, articleIds: number[]): Promise<ArticleEntityCountry[]> {
  const out: ArticleEntityCountry[] = [];
  for (const part of chunks([...new Set(articleIds)], 500)) {
    const rows = await ctx.db.selectFrom('article_entities').select(['article_id', 'entity_key', 'country']).where('article_id', 'in', part).where('country', 'is not', null).orderBy('article_id').orderBy('entity_key').execute();
    for (const r of rows) {
      const country = cleanOrNull(r.country);
      if (country) out.push({ articleId: Number(r.article_id), entityKey: r.entity_key, country });
    }
  }
  return out;
}
