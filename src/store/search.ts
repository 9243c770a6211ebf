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
/** Relevance ranks at most this many of the newest matches unless the query says otherwise. */
export const RANK_CANDIDATES = 1000;
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
  /** 1/true when relevance ranking left older matches out. */
  capped?: number | boolean | null;
}

export async function search(ctx: StoreContext, q: SearchQuery): Promise<SearchHit[]> {
  const terms = parseSearchText(q.text ?? '');
  const asked = Math.floor(q.limit ?? DEFAULT_LIMIT);
  // One over a page is allowed, so a pager asking for limit + 1 can tell whether more follow.
  const limit = Number.isFinite(asked) ? Math.min(MAX_LIMIT + 1, Math.max(1, asked)) : DEFAULT_LIMIT;
  const wanted = Math.floor(q.rankCandidates ?? RANK_CANDIDATES);
  const candidates = Number.isFinite(wanted) ? Math.max(1, wanted) : RANK_CANDIDATES;
  const order = terms.length === 0 ? 'newest' : (q.order ?? 'relevance');
  const where = filters(q);
  let query: RawBuilder<HitRow>;
  if (terms.length === 0) query = matchAll(where, limit);
  else if (ctx.dialect === 'sqlite') query = sqliteFts(terms, where, order, limit, candidates);
  else query = postgresFts(terms, where, order, limit, candidates);
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
    ...(r.capped === true || Number(r.capped) === 1 ? { rankCapped: true as const } : {}),
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
// weigh 5× text matches. Work is bounded for common words: relevance ranks only the newest
// `candidates` matches (FTS5 walks its doclists by descending rowid and stops), then cuts to the
// limit; snippets (« » around matches, from the best column) and group sizes are made only for
// the rows kept. The snippets come from ONE pass over the matches between the kept rows' lowest
// and highest id: looking each kept row up by rowid would re-run the MATCH per row, which cost
// more than the ranking itself (6 ms for 50 hits, 80 ms for 500, on 3,000 articles).
function sqliteFts(terms: SearchTerm[], where: RawBuilder<unknown>[], order: 'newest' | 'relevance', limit: number, candidates: number): RawBuilder<HitRow> {
  const expression = fts5Expression(terms);
  const matches = sql`FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ${expression} AND ${and(where)}`;
  const top =
    order === 'relevance'
      ? sql`cand AS MATERIALIZED (
          SELECT a.id, a.dated_at, -bm25(articles_fts, 5.0, 1.0) AS score ${matches}
          ORDER BY articles_fts.rowid DESC LIMIT ${candidates + 1}),
        top AS MATERIALIZED (
          SELECT id, dated_at, score, (SELECT count(*) FROM cand) > ${candidates} AS capped
          FROM (SELECT * FROM cand ORDER BY id DESC LIMIT ${candidates})
          ORDER BY score DESC, dated_at DESC, id DESC LIMIT ${limit})`
      : sql`top AS MATERIALIZED (
          SELECT a.id, a.dated_at, 0 AS score, 0 AS capped ${matches}
          ORDER BY a.dated_at DESC, a.id DESC LIMIT ${limit})`;
  // (rowid + 0) keeps the planner from turning the IN into one MATCH lookup per kept row.
  return sql<HitRow>`
    WITH ${top},
    snip AS MATERIALIZED (
      SELECT rowid AS id, snippet(articles_fts, -1, '«', '»', '…', 24) AS snippet
      FROM articles_fts
      WHERE articles_fts MATCH ${expression} AND rowid >= (SELECT min(id) FROM top) AND rowid <= (SELECT max(id) FROM top)
        AND (rowid + 0) IN (SELECT id FROM top))
    SELECT a.id, a.url, a.title, a.source_name, a.published, a.kind, a.group_id, ${GROUP_SIZE} AS group_size,
      snip.snippet, top.score, top.capped
    FROM top JOIN articles a ON a.id = top.id LEFT JOIN snip ON snip.id = top.id
    ORDER BY ${sql.raw(order === 'relevance' ? 'top.score DESC, ' : '')}top.dated_at DESC, top.id DESC`;
}

// DIALECT: PostgreSQL tsvector ('simple' configuration, as indexed). Each term goes through
// phraseto_tsquery/plainto_tsquery, which accept any text. Relevance ranks (ts_rank) only the
// newest `candidates` matches by id, computed after that cut; ts_headline is costly, so it runs
// only on the rows that survive the LIMIT.
function postgresFts(terms: SearchTerm[], where: RawBuilder<unknown>[], order: 'newest' | 'relevance', limit: number, candidates: number): RawBuilder<HitRow> {
  const parts = terms.map((t) => (t.phrase ? sql`phraseto_tsquery('simple', ${t.text})` : sql`plainto_tsquery('simple', ${t.text})`));
  const tsquery = sql`(${sql.join(parts, sql` && `)})`;
  const matches = sql`FROM articles a, q WHERE a.search_vector @@ q.query AND ${and(where)}`;
  const top =
    order === 'relevance'
      ? sql`cand AS MATERIALIZED (SELECT a.id ${matches} ORDER BY a.id DESC LIMIT ${candidates + 1}),
        top AS MATERIALIZED (
          SELECT a.id, a.dated_at, ts_rank(a.search_vector, q.query) AS score, (SELECT count(*) FROM cand) > ${candidates} AS capped
          FROM (SELECT id FROM cand ORDER BY id DESC LIMIT ${candidates}) c JOIN articles a ON a.id = c.id, q
          ORDER BY score DESC, a.dated_at DESC, a.id DESC LIMIT ${limit})`
      : sql`top AS MATERIALIZED (
          SELECT a.id, a.dated_at, 0::real AS score, false AS capped ${matches}
          ORDER BY a.dated_at DESC, a.id DESC LIMIT ${limit})`;
  return sql<HitRow>`
    WITH q AS (SELECT ${tsquery} AS query), ${top}
    SELECT a.id, a.url, a.title, a.source_name, a.published, a.kind, a.group_id, ${GROUP_SIZE} AS group_size, top.score, top.capped,
      ts_headline('simple', a.text, q.query,
        'StartSel=«, StopSel=», MaxWords=35, MinWords=15, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "') AS snippet
    FROM top JOIN articles a ON a.id = top.id, q
    ORDER BY ${sql.raw(order === 'relevance' ? 'top.score DESC, ' : '')}top.dated_at DESC, top.id DESC`;
}

/** The start of the text, cut at a word boundary. */
function plainSnippet(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= PLAIN_SNIPPET_CHARS) return t;
  const cut = t.slice(0, PLAIN_SNIPPET_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > PLAIN_SNIPPET_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
