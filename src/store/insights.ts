// The insights layer's aggregate queries: attention (articles and mentions per bucket), tone
// (merged events per bucket) and role observations with their evidence. Each query groups in
// SQL (GROUP BY bucket) and returns small rows; spikes, reciprocity and personnel are the pure
// functions of src/insights/*. Nothing here reads article text (keywords go through the
// full-text index). Dialect differences live in the DIALECT section at the end of this file.
import { sql, type RawBuilder } from 'kysely';
import { ReadoutError } from '../core/errors.js';
import type { AttentionRow, PersonnelFilter, RoleRecord, ToneRow, TrendBy, TrendFilter, TrendSubject } from '../insights/types.js';
import { fts5Expression, parseSearchText, type SearchTerm } from './search-text.js';
import type { Dialect } from './schema.js';
import type { ActorMatch } from './types.js';
import { toInt, type StoreContext } from './util.js';

type Cond = RawBuilder<unknown>;

const DEFAULT_ROLE_LIMIT = 10_000;
const MAX_ROLE_LIMIT = 100_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function day(value: string | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().slice(0, 10);
  if (!DAY.test(v)) throw new ReadoutError('input', `store: ${field} must be a date (YYYY-MM-DD), not "${value}"`);
  return v;
}

const or = (conds: Cond[]): Cond => (conds.length ? sql`(${sql.join(conds, sql` OR `)})` : sql`1 = 0`);
const and = (conds: Cond[]): Cond => (conds.length ? sql.join(conds, sql` AND `) : sql`1 = 1`);
const list = (values: string[]) => sql.join(values.map((v) => sql`${v}`));

/** An article_entities row (alias e) naming the actor: by registry id or candidate key, or by name. */
function entityMatch(m: ActorMatch): Cond {
  const conds: Cond[] = [];
  const ids = m.ids ?? [];
  const names = (m.names ?? []).map((n) => n.toLowerCase());
  if (ids.length) conds.push(sql`e.entity_key IN (${list(ids)})`);
  if (names.length) conds.push(sql`lower(e.name) IN (${list(names)})`);
  return or(conds);
}

/** One side of a merged event (alias m) is the actor: entity, institution, country or name (as the timeline matches). */
function sideMatch(side: 'source' | 'target', m: ActorMatch): Cond {
  const col = (c: string) => sql.ref(`m.${side}_${c}`);
  const conds: Cond[] = [];
  const ids = m.ids ?? [];
  const countries = (m.countries ?? []).map((c) => c.toUpperCase());
  const names = (m.names ?? []).map((n) => n.toLowerCase());
  if (ids.length) conds.push(sql`${col('entity')} IN (${list(ids)})`, sql`${col('institution')} IN (${list(ids)})`);
  if (countries.length) conds.push(sql`${col('country')} IN (${list(countries)})`);
  if (names.length) conds.push(sql`lower(${col('name')}) IN (${list(names)})`);
  return or(conds);
}

/** Bounds on articles' dated_at (alias a), by day. */
function articleDates(f: TrendFilter): Cond[] {
  const out: Cond[] = [];
  const since = day(f.since, 'since');
  const until = day(f.until, 'until');
  if (since) out.push(sql`a.dated_at >= ${`${since}T00:00:00.000Z`}`);
  if (until) out.push(sql`a.dated_at <= ${`${until}T23:59:59.999Z`}`);
  return out;
}

interface AttentionSqlRow {
  bucket: string;
  articles: number | string;
  mentions: number | string | null;
}

/**
 * Articles per bucket (by the article's dated_at) about the subject, with mentions:
 * actor: articles naming it and its mention count; dyad: articles naming both sides (either
 * order) and both sides' mentions; type: articles reporting an event of the type and the
 * number of such reports; keyword: articles the full-text index matches (mentions null).
 */
export async function trendAttention(ctx: StoreContext, subject: TrendSubject, filter: TrendFilter): Promise<AttentionRow[]> {
  const bucket = bucketSql(ctx.dialect, filter.by, sql.ref('a.dated_at'));
  const dates = articleDates(filter);
  let query: RawBuilder<AttentionSqlRow>;
  switch (subject.kind) {
    case 'actor':
      query = sql<AttentionSqlRow>`
        SELECT ${bucket} AS bucket, count(DISTINCT e.article_id) AS articles, sum(e.mention_count) AS mentions
        FROM article_entities e JOIN articles a ON a.id = e.article_id
        WHERE ${and([entityMatch(subject.actor), ...dates])}
        GROUP BY 1 ORDER BY 1`;
      break;
    case 'dyad': {
      const ma = entityMatch(subject.a);
      const mb = entityMatch(subject.b);
      query = sql<AttentionSqlRow>`
        SELECT ${bucket} AS bucket, count(*) AS articles, sum(x.ma + x.mb) AS mentions
        FROM (
          SELECT e.article_id,
            sum(CASE WHEN ${ma} THEN 1 ELSE 0 END) AS ha, sum(CASE WHEN ${mb} THEN 1 ELSE 0 END) AS hb,
            sum(CASE WHEN ${ma} THEN e.mention_count ELSE 0 END) AS ma, sum(CASE WHEN ${mb} THEN e.mention_count ELSE 0 END) AS mb
          FROM article_entities e
          WHERE ${or([ma, mb])}
          GROUP BY e.article_id
        ) x JOIN articles a ON a.id = x.article_id
        WHERE ${and([sql`x.ha > 0`, sql`x.hb > 0`, ...dates])}
        GROUP BY 1 ORDER BY 1`;
      break;
    }
    case 'type':
      query = sql<AttentionSqlRow>`
        SELECT ${bucket} AS bucket, count(DISTINCT r.article_id) AS articles, count(*) AS mentions
        FROM article_events r JOIN articles a ON a.id = r.article_id
        WHERE ${and([sql`r.type = ${subject.type}`, ...dates])}
        GROUP BY 1 ORDER BY 1`;
      break;
    case 'keyword': {
      const terms = parseSearchText(subject.text);
      if (terms.length === 0) throw new ReadoutError('input', `store: the keyword "${subject.text}" has no searchable word`);
      query = keywordCounts(ctx.dialect, terms, bucket, dates);
      break;
    }
  }
  const { rows } = await query.execute(ctx.db);
  return rows.map((r) => ({ bucket: r.bucket, articles: toInt(r.articles), mentions: subject.kind === 'keyword' ? null : toInt(r.mentions) }));
}

interface ToneSqlRow {
  bucket: string;
  events: number | string;
  intensity_sum: number | string | null;
  coop: number | string | null;
  conflict: number | string | null;
}

/**
 * Merged real-world events per bucket (by sort_date): actor as source or target; dyad a → b
 * only (call twice for both directions); type. Negated and hypothetical events are left out
 * (they did not happen); cooperative = intensity > 0, conflictual = intensity < 0.
 */
export async function trendTone(ctx: StoreContext, subject: Exclude<TrendSubject, { kind: 'keyword' }>, filter: TrendFilter): Promise<ToneRow[]> {
  const where: Cond[] = [sql`m.negated = 0`, sql`m.modality <> 'hypothetical'`];
  if (subject.kind === 'actor') where.push(or([sideMatch('source', subject.actor), sideMatch('target', subject.actor)]));
  else if (subject.kind === 'dyad') where.push(sideMatch('source', subject.a), sideMatch('target', subject.b));
  else where.push(sql`m.type = ${subject.type}`);
  const since = day(filter.since, 'since');
  const until = day(filter.until, 'until');
  if (since) where.push(sql`m.sort_date >= ${since}`);
  if (until) where.push(sql`m.sort_date <= ${until}`);
  const bucket = bucketSql(ctx.dialect, filter.by, sql.ref('m.sort_date'));
  const { rows } = await sql<ToneSqlRow>`
    SELECT ${bucket} AS bucket, count(*) AS events, sum(m.intensity) AS intensity_sum,
      sum(CASE WHEN m.intensity > 0 THEN 1 ELSE 0 END) AS coop, sum(CASE WHEN m.intensity < 0 THEN 1 ELSE 0 END) AS conflict
    FROM merged_events m
    WHERE ${and(where)}
    GROUP BY 1 ORDER BY 1`.execute(ctx.db);
  return rows.map((r) => ({ bucket: r.bucket, events: toInt(r.events), intensitySum: Number(r.intensity_sum ?? 0), coop: toInt(r.coop), conflict: toInt(r.conflict) }));
}

/** The observation's day for filters: its date (a partial "YYYY-MM" counts from its first day), else its article's day. */
const OBS_DAY = sql<string>`substr(coalesce(o.date, substr(a.dated_at, 1, 10)) || '-01-01', 1, 10)`;

/** Role observations with their article, newest first (then by article and position). */
export async function roleRecords(ctx: StoreContext, filter: PersonnelFilter = {}): Promise<RoleRecord[]> {
  const asked = Math.floor(filter.limit ?? DEFAULT_ROLE_LIMIT);
  const limit = Number.isFinite(asked) ? Math.max(1, Math.min(asked, MAX_ROLE_LIMIT)) : DEFAULT_ROLE_LIMIT;
  const since = day(filter.since, 'since');
  const until = day(filter.until, 'until');
  const keys = filter.person?.keys ?? [];
  const names = (filter.person?.names ?? []).map((n) => n.toLowerCase());
  const rows = await ctx.db
    .selectFrom('role_observations as o')
    .innerJoin('articles as a', 'a.id', 'o.article_id')
    .select(['o.article_id', 'o.seq', 'o.person_key', 'o.person', 'o.title', 'o.org', 'o.change', 'o.sentence', 'a.canonical_url', 'a.source_name'])
    .select(sql<string>`coalesce(o.date, substr(a.dated_at, 1, 10))`.as('day'))
    .$if(filter.person !== undefined, (q) =>
      q.where((eb) => {
        const ors = [];
        if (keys.length) ors.push(eb('o.person_key', 'in', keys));
        if (names.length) ors.push(eb(eb.fn<string>('lower', ['o.person']), 'in', names));
        return ors.length ? eb.or(ors) : sql<boolean>`1 = 0`;
      }),
    )
    .$if(since !== undefined, (q) => q.where(OBS_DAY, '>=', since!))
    .$if(until !== undefined, (q) => q.where(OBS_DAY, '<=', until!))
    .$if(!!filter.changesOnly, (q) => q.where('o.change', '<>', 'holds'))
    .$if(filter.articleId !== undefined, (q) => q.where('o.article_id', '=', filter.articleId!))
    .orderBy(OBS_DAY, 'desc')
    .orderBy('o.article_id', 'desc')
    .orderBy('o.seq')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    articleId: Number(r.article_id), seq: Number(r.seq), personKey: r.person_key, person: r.person, title: r.title, org: r.org,
    change: r.change as RoleRecord['change'], date: r.day, url: r.canonical_url, outlet: r.source_name, sentence: r.sentence,
  }));
}

// DIALECT: date bucketing and the full-text match, the only SQL that differs between backends.

/**
 * A bucket label from a text column holding an ISO timestamp or a YYYY-MM-DD day: the day, or
 * the Monday of its ISO week. SQLite: 'weekday 0' moves to the next Sunday (the day itself on a
 * Sunday), six days back is that week's Monday; PostgreSQL: date_trunc('week') is the Monday.
 */
export function bucketSql(dialect: Dialect, by: TrendBy, column: RawBuilder<unknown> | ReturnType<typeof sql.ref>): RawBuilder<string> {
  if (by === 'day') return sql<string>`substr(${column}, 1, 10)`;
  if (dialect === 'sqlite') return sql<string>`date(substr(${column}, 1, 10), 'weekday 0', '-6 days')`;
  return sql<string>`to_char(date_trunc('week', CAST(substr(${column}, 1, 10) AS date)), 'YYYY-MM-DD')`;
}

/** Articles matching the terms per bucket: SQLite FTS5 MATCH, PostgreSQL tsvector @@ (as src/store/search.ts builds them). */
function keywordCounts(dialect: Dialect, terms: SearchTerm[], bucket: RawBuilder<string>, dates: Cond[]): RawBuilder<AttentionSqlRow> {
  if (dialect === 'sqlite') {
    return sql<AttentionSqlRow>`
      SELECT ${bucket} AS bucket, count(*) AS articles, NULL AS mentions
      FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
      WHERE ${and([sql`articles_fts MATCH ${fts5Expression(terms)}`, ...dates])}
      GROUP BY 1 ORDER BY 1`;
  }
  const parts = terms.map((t) => (t.phrase ? sql`phraseto_tsquery('simple', ${t.text})` : sql`plainto_tsquery('simple', ${t.text})`));
  return sql<AttentionSqlRow>`
    SELECT ${bucket} AS bucket, count(*) AS articles, NULL AS mentions
    FROM articles a
    WHERE ${and([sql`a.search_vector @@ (${sql.join(parts, sql` && `)})`, ...dates])}
    GROUP BY 1 ORDER BY 1`;
}
