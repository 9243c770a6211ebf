// Stored positions (src/opinion): an opinion piece's position per issue, written after its
// analysis is saved, and each reader comment's position and tone, written once per scorer
// version. The reads aggregate these rows (per-article GROUP BY in SQL; grouping by author and
// divergence are the pure functions of src/opinion/aggregate.ts) and never read text, except
// commentsToScore, which hands the scorer the comments it has not seen yet.
import { sql, type RawBuilder } from 'kysely';
import { ReadoutError } from '../core/errors.js';
import type { ArticlePositionRow, ReaderArticleRow } from '../opinion/aggregate.js';
import type { PositionEvidence, PositionScore } from '../opinion/score.js';
import { LEAN_THRESHOLD } from '../opinion/score.js';
import { fts5Expression, parseSearchText } from './search-text.js';
import { chunks, nowIso, parseJson, toInt, type StoreContext } from './util.js';

type Cond = RawBuilder<unknown>;

export interface NewArticlePosition extends PositionScore {
  scorerVersion: string;
}

export interface NewCommentPosition {
  commentId: number;
  issue: string;
  position: number | null;
  tone: number;
  cues: number;
  scorerVersion: string;
}

export interface CommentToScore {
  id: number;
  articleId: number;
  text: string;
}

export interface ColumnistFilter {
  issue: string;
  /** YYYY-MM-DD bounds on the article's date. */
  since?: string;
  until?: string;
  /** Only these kinds (default opinion and analysis). */
  kinds?: string[];
}

export interface ReaderFilter {
  issue: string;
  articleId?: number;
  /** Articles the full-text index matches. */
  keyword?: string;
  since?: string;
  until?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ROWS_PER_INSERT = 200;

function dateConds(f: { since?: string; until?: string }): Cond[] {
  const out: Cond[] = [];
  for (const [name, v] of [['since', f.since], ['until', f.until]] as const) {
    if (v === undefined) continue;
    if (!DAY.test(v)) throw new ReadoutError('input', `store: ${name} must be a date (YYYY-MM-DD), not "${v}"`);
    out.push(name === 'since' ? sql`a.dated_at >= ${`${v}T00:00:00.000Z`}` : sql`a.dated_at <= ${`${v}T23:59:59.999Z`}`);
  }
  return out;
}

const and = (conds: Cond[]): Cond => (conds.length ? sql.join(conds, sql` AND `) : sql`1 = 1`);
const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Replaces the article's positions (all issues) with these. */
export async function saveArticlePositions(ctx: StoreContext, articleId: number, positions: NewArticlePosition[]): Promise<void> {
  const at = nowIso();
  await ctx.atomic(async (db) => {
    await db.deleteFrom('article_positions').where('article_id', '=', articleId).execute();
    if (positions.length === 0) return;
    await db
      .insertInto('article_positions')
      .values(positions.map((p) => ({
        article_id: articleId, issue: p.issue, position: p.position, hawkish: p.hawkish, engagement: p.engagement, tone: p.tone, cues: p.cues,
        evidence: JSON.stringify(p.evidence), scorer_version: p.scorerVersion, scored_at: at,
      })))
      .execute();
  });
}

/** The article's comments without a score by this scorer version (in the order stored). */
export async function commentsToScore(ctx: StoreContext, articleId: number, scorerVersion: string): Promise<CommentToScore[]> {
  const rows = await ctx.db
    .selectFrom('comments as c')
    .select(['c.id', 'c.article_id', 'c.text'])
    .where('c.article_id', '=', articleId)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('comment_positions as cp').select('cp.comment_id').whereRef('cp.comment_id', '=', 'c.id').where('cp.scorer_version', '=', scorerVersion))),
    )
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({ id: toInt(r.id), articleId: toInt(r.article_id), text: r.text }));
}

/** Replaces the stored positions of the given (comment, issue) pairs (the last one given wins). */
export async function saveCommentPositions(ctx: StoreContext, positions: NewCommentPosition[]): Promise<void> {
  if (positions.length === 0) return;
  const at = nowIso();
  const unique = [...new Map(positions.map((p) => [`${p.commentId}\u0000${p.issue}`, p])).values()];
  await ctx.atomic(async (db) => {
    const ids = [...new Set(unique.map((p) => p.commentId))];
    const owners = new Map<number, number>();
    for (const part of chunks(ids, ROWS_PER_INSERT)) {
      for (const r of await db.selectFrom('comments').select(['id', 'article_id']).where('id', 'in', part).execute()) owners.set(toInt(r.id), toInt(r.article_id));
    }
    const missing = ids.find((id) => !owners.has(id));
    if (missing !== undefined) throw new ReadoutError('input', `store: comment ${missing} not found`);
    for (const issue of new Set(unique.map((p) => p.issue))) {
      const of = [...new Set(unique.filter((p) => p.issue === issue).map((p) => p.commentId))];
      for (const part of chunks(of, ROWS_PER_INSERT)) await db.deleteFrom('comment_positions').where('issue', '=', issue).where('comment_id', 'in', part).execute();
    }
    for (const part of chunks(unique, ROWS_PER_INSERT)) {
      await db
        .insertInto('comment_positions')
        .values(part.map((p) => ({
          comment_id: p.commentId, issue: p.issue, article_id: owners.get(p.commentId)!, position: p.position, tone: p.tone, cues: p.cues, scorer_version: p.scorerVersion, scored_at: at,
        })))
        .execute();
    }
  });
}

interface ColumnistSqlRow {
  article_id: number | string;
  url: string;
  title: string | null;
  byline: string | null;
  source_name: string | null;
  kind: string;
  dated_at: string;
  issue: string;
  position: number | string | null;
  hawkish: number | string;
  engagement: number | string;
  tone: number | string;
  cues: number | string;
  evidence: string;
}

/** Scored pieces with a byline on the issue, by date. */
export async function columnistRows(ctx: StoreContext, filter: ColumnistFilter): Promise<ArticlePositionRow[]> {
  const kinds = filter.kinds ?? ['opinion', 'analysis'];
  const conds: Cond[] = [sql`p.issue = ${filter.issue}`, sql`a.byline IS NOT NULL`, sql`a.byline <> ''`, ...dateConds(filter)];
  if (kinds.length) conds.push(sql`a.kind IN (${sql.join(kinds.map((k) => sql`${k}`))})`);
  const { rows } = await sql<ColumnistSqlRow>`
    SELECT a.id AS article_id, a.canonical_url AS url, a.title, a.byline, a.source_name, a.kind, a.dated_at,
           p.issue, p.position, p.hawkish, p.engagement, p.tone, p.cues, p.evidence
    FROM article_positions p JOIN articles a ON a.id = p.article_id
    WHERE ${and(conds)}
    ORDER BY a.dated_at, a.id`.execute(ctx.db);
  return rows.map((r) => ({
    articleId: toInt(r.article_id), url: r.url, title: r.title, byline: r.byline, sourceName: r.source_name, kind: r.kind, datedAt: r.dated_at, issue: r.issue,
    position: numOrNull(r.position), hawkish: num(r.hawkish), engagement: num(r.engagement), tone: num(r.tone), cues: toInt(r.cues),
    evidence: parseJson<PositionEvidence[]>(r.evidence, []),
  }));
}

interface ReaderSqlRow {
  article_id: number | string;
  url: string;
  title: string | null;
  byline: string | null;
  kind: string;
  dated_at: string;
  author_position: number | string | null;
  comments: number | string;
  scored: number | string;
  positioned: number | string;
  position_sum: number | string | null;
  tone_sum: number | string | null;
  hawkish: number | string | null;
  engagement: number | string | null;
}

/**
 * Per article, its comments aggregated on the issue: volume, scored and positioned counts,
 * position and tone sums, hawkish and engagement counts, and the author's stored position.
 * With articleId: that article (also with no comments); else articles with comments, matching
 * the keyword when given.
 */
export async function readerRows(ctx: StoreContext, filter: ReaderFilter): Promise<ReaderArticleRow[]> {
  const conds: Cond[] = [...dateConds(filter)];
  if (filter.articleId !== undefined) conds.push(sql`a.id = ${filter.articleId}`);
  if (filter.keyword !== undefined) {
    const terms = parseSearchText(filter.keyword);
    if (terms.length === 0) throw new ReadoutError('input', `store: the topic "${filter.keyword}" has no searchable word`);
    // DIALECT: the full-text match (SQLite FTS5, PostgreSQL tsvector), as src/store/search.ts builds it.
    if (ctx.dialect === 'sqlite') {
      conds.push(sql`a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ${fts5Expression(terms)})`);
    } else {
      const parts = terms.map((t) => (t.phrase ? sql`phraseto_tsquery('simple', ${t.text})` : sql`plainto_tsquery('simple', ${t.text})`));
      conds.push(sql`a.search_vector @@ (${sql.join(parts, sql` && `)})`);
    }
  }
  const join = filter.articleId !== undefined ? sql`LEFT JOIN` : sql`JOIN`;
  const { rows } = await sql<ReaderSqlRow>`
    SELECT a.id AS article_id, a.canonical_url AS url, a.title, a.byline, a.kind, a.dated_at, ap.position AS author_position,
           count(c.id) AS comments, count(cp.comment_id) AS scored, count(cp.position) AS positioned,
           sum(cp.position) AS position_sum, sum(cp.tone) AS tone_sum,
           sum(CASE WHEN cp.position <= ${-LEAN_THRESHOLD} THEN 1 ELSE 0 END) AS hawkish,
           sum(CASE WHEN cp.position >= ${LEAN_THRESHOLD} THEN 1 ELSE 0 END) AS engagement
    FROM articles a
    ${join} comments c ON c.article_id = a.id
    LEFT JOIN comment_positions cp ON cp.comment_id = c.id AND cp.issue = ${filter.issue}
    LEFT JOIN article_positions ap ON ap.article_id = a.id AND ap.issue = ${filter.issue}
    WHERE ${and(conds)}
    GROUP BY a.id, a.canonical_url, a.title, a.byline, a.kind, a.dated_at, ap.position
    ORDER BY a.dated_at DESC, a.id DESC`.execute(ctx.db);
  return rows.map((r) => ({
    articleId: toInt(r.article_id), url: r.url, title: r.title, byline: r.byline, kind: r.kind, datedAt: r.dated_at, authorPosition: numOrNull(r.author_position),
    comments: toInt(r.comments), scored: toInt(r.scored), positioned: toInt(r.positioned), positionSum: num(r.position_sum), toneSum: num(r.tone_sum),
    hawkish: num(r.hawkish), engagement: num(r.engagement),
  }));
}
