// Full-text search over articles (title + text) with filters, two orders, snippets and
// near-duplicate group sizes. Three query shapes: match-all (portable SQL), SQLite FTS5 and
// PostgreSQL tsvector; the filters and the result mapping are shared.
import { sql, type RawBuilder } from 'kysely';
import type { ArticleKind } from '../core/types.js';
import { fts5Expression, parseSearchText, type SearchTerm } from './search-text.js';
import type { SearchHit, SearchQuery } from './types.js';
import { toInt, toIso, untilIso, type StoreContext } from './util.js';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 500;
const PLAIN_SNIPPET_CHARS = 240;

interface HitRow {
  id: number;
  url: string;
  title: string | null;
  source_name: string | null;
  published: string | null;
  kind: string;
  group_id: number;
  group_size: number | string;
  snippet: string | null;
  score: number | string | null;
}

export async function search(ctx: StoreContext, q: SearchQuery): Promise<SearchHit[]> {
  const terms = parseSearchText(q.text ?? '');
  const asked = Math.floor(q.limit ?? DEFAULT_LIMIT);
  const limit = Number.isFinite(asked) ? Math.min(MAX_LIMIT, Math.max(1, asked)) : DEFAULT_LIMIT;
  const order = terms.length === 0 ? 'newest' : (q.order ?? 'relevance');
  const where = filters(q);
  let query: RawBuilder<HitRow>;
  if (terms.length === 0) query = matchAll(where, limit);
  else if (ctx.dialect === 'sqlite') query = sqliteFts(terms, where, order, limit);
  else query = postgresFts(terms, where, order, limit);
  const { rows } = await query.execute(ctx.db);
  return rows.map((r) => ({
    id: r.id,
    url: r.url,
    title: r.title,
    sourceName: r.source_name,
    published: r.published,
    kind: r.kind as ArticleKind,
    snippet: terms.length === 0 ? plainSnippet(r.snippet ?? '') : (r.snippet ?? '').trim(),
    groupId: r.group_id,
    groupSize: toInt(r.group_size),
    score: Number(r.score ?? 0),
  }));
}

/** Conditions on `a` (articles), ANDed; always at least one so the shapes can say WHERE. */
function filters(q: SearchQuery): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [sql`1 = 1`];
  const source = q.source?.trim();
  if (source) {
    const lower = source.toLowerCase();
    const byId = /^\d+$/.test(source) ? sql`a.source_id = ${Number(source)} OR ` : sql``;
    where.push(sql`(${byId}a.source_id IN (SELECT s.id FROM sources s WHERE s.url = ${source} OR lower(s.title) = ${lower})
      OR lower(a.source_name) = ${lower})`);
  }
  if (q.since) where.push(sql`a.dated_at >= ${toIso(q.since, 'since')}`);
  if (q.until) where.push(sql`a.dated_at <= ${untilIso(q.until)}`);
  if (q.kind) where.push(sql`a.kind = ${q.kind}`);
  return where;
}

const GROUP_SIZE = sql`(SELECT count(*) FROM articles g WHERE g.group_id = a.group_id)`;
const and = (where: RawBuilder<unknown>[]) => sql.join(where, sql` AND `);

function matchAll(where: RawBuilder<unknown>[], limit: number): RawBuilder<HitRow> {
  return sql<HitRow>`
    SELECT a.id, a.url, a.title, a.source_name, a.published, a.kind, a.group_id, ${GROUP_SIZE} AS group_size,
      substr(a.text, 1, ${PLAIN_SNIPPET_CHARS + 1}) AS snippet, 0 AS score
    FROM articles a
    WHERE ${and(where)}
    ORDER BY a.dated_at DESC, a.id DESC
    LIMIT ${limit}`;
}

// DIALECT: SQLite FTS5. bm25 is lower-is-better, so the score is its negation; title matches
// weigh 5× text matches. Two steps: rank and cut to the limit first, then build snippets (with
// « » around matches, from the best column) and group sizes only for the rows kept. The outer
// CROSS JOIN makes the kept rows drive the FTS lookups by rowid.
function sqliteFts(terms: SearchTerm[], where: RawBuilder<unknown>[], order: 'newest' | 'relevance', limit: number): RawBuilder<HitRow> {
  const expression = fts5Expression(terms);
  const orderBy = (t: 'a' | 'top') => sql.raw(`${order === 'relevance' ? `${t === 'top' ? 'top.' : ''}score DESC, ` : ''}${t}.dated_at DESC, ${t}.id DESC`);
  return sql<HitRow>`
    SELECT a.id, a.url, a.title, a.source_name, a.published, a.kind, a.group_id, ${GROUP_SIZE} AS group_size,
      snippet(articles_fts, -1, '«', '»', '…', 24) AS snippet, top.score
    FROM (
      SELECT a.id, a.dated_at, -bm25(articles_fts, 5.0, 1.0) AS score
      FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
      WHERE articles_fts MATCH ${expression} AND ${and(where)}
      ORDER BY ${orderBy('a')}
      LIMIT ${limit}
    ) top
    CROSS JOIN articles_fts ON articles_fts.rowid = top.id
    CROSS JOIN articles a ON a.id = top.id
    WHERE articles_fts MATCH ${expression}
    ORDER BY ${orderBy('top')}`;
}

// DIALECT: PostgreSQL tsvector ('simple' configuration, as indexed). Each term goes through
// phraseto_tsquery/plainto_tsquery, which accept any text. ts_headline is costly, so it runs
// only on the rows that survive the LIMIT.
function postgresFts(terms: SearchTerm[], where: RawBuilder<unknown>[], order: 'newest' | 'relevance', limit: number): RawBuilder<HitRow> {
  const parts = terms.map((t) => (t.phrase ? sql`phraseto_tsquery('simple', ${t.text})` : sql`plainto_tsquery('simple', ${t.text})`));
  const tsquery = sql`(${sql.join(parts, sql` && `)})`;
  const orderBy = (t: 'a' | 'h') =>
    sql.raw(`${order === 'relevance' ? `${t === 'h' ? 'h.' : ''}score DESC, ` : ''}${t}.dated_at DESC, ${t}.id DESC`);
  return sql<HitRow>`
    SELECT h.id, h.url, h.title, h.source_name, h.published, h.kind, h.group_id, h.group_size, h.score,
      ts_headline('simple', h.text, q.query,
        'StartSel=«, StopSel=», MaxWords=35, MinWords=15, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "') AS snippet
    FROM (
      SELECT a.id, a.url, a.title, a.source_name, a.published, a.kind, a.group_id, a.dated_at, a.text,
        ${GROUP_SIZE} AS group_size, ts_rank(a.search_vector, q.query) AS score
      FROM articles a, (SELECT ${tsquery} AS query) q
      WHERE a.search_vector @@ q.query AND ${and(where)}
      ORDER BY ${orderBy('a')}
      LIMIT ${limit}
    ) h, (SELECT ${tsquery} AS query) q
    ORDER BY ${orderBy('h')}`;
}

/** The start of the text, cut at a word boundary. */
function plainSnippet(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= PLAIN_SNIPPET_CHARS) return t;
  const cut = t.slice(0, PLAIN_SNIPPET_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > PLAIN_SNIPPET_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
