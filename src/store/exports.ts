// Bulk exports: async iterators over the store that read one keyset page at a time (never the
// whole result), for `readout export` (src/cli/commands/export.ts, src/outputs/*). Each page is
// one query on an index prefix: merged events by (sort_date, id), articles by id, quotes by
// analysed article id, candidates by key. Cursors are row values ((sort_date, id) > (?, ?)) and
// joined tables repeat the bound, so each page starts at its place in the index (an OR form
// or an unbounded merge join makes PostgreSQL scan from the start: quadratic over the export). The extras of a page (first report, CAMEO root,
// response links; counts per article) are read with one query per page, bounded by the page.
// Rows written while an export runs may or may not appear (no snapshot); none appears twice.
import { sql, type SqlBool } from 'kysely';
import type { Analysis, Quote } from '../analyze/types.js';
import type { ArticleKind } from '../core/types.js';
import { toCandidate } from './analyses.js';
import type { ActorCandidate, ActorMatch, CandidateStatus } from './types.js';
import { chunks, parseJson, toIso, untilIso, wrap, type StoreContext } from './util.js';

export const DEFAULT_PAGE_SIZE = 500;
const MAX_PAGE_SIZE = 5000;
const IDS_PER_QUERY = 500;

export interface ArticleExportFilter {
  /** Bounds on the article date (published, else fetched): a bare YYYY-MM-DD until is inclusive. */
  since?: string;
  until?: string;
  /** Source id, URL, or source name (case-insensitive). */
  source?: string;
  kinds?: ArticleKind[];
  /** Articles whose analysis names the actor (article_entities: registry ids, names, or an entity of the country). */
  actor?: ActorMatch;
  /** Include the full text (not read otherwise). */
  withText?: boolean;
  pageSize?: number;
}

export interface ExportedArticle {
  id: number;
  url: string;
  canonicalUrl: string;
  sourceId: number | null;
  sourceName: string | null;
  published: string | null;
  fetchedAt: string;
  kind: ArticleKind;
  title: string | null;
  byline: string | null;
  language: string;
  section: string | null;
  groupId: number;
  /** Null when the article has not been analysed. */
  entityCount: number | null;
  quoteCount: number | null;
  eventCount: number | null;
  /** Only with withText. */
  text?: string;
}

export interface QuoteExportFilter {
  since?: string;
  until?: string;
  source?: string;
  /** Article kinds. */
  articleKinds?: ArticleKind[];
  /** Quote kinds (direct, partial, indirect). */
  kinds?: Quote['kind'][];
  /** Quotes whose speaker is the actor: entity id, name, or (through the analysis' entities) country. */
  actor?: ActorMatch;
  /** Analysed articles per query (default 500). */
  pageSize?: number;
}

export interface ExportedQuote {
  articleId: number;
  url: string;
  sourceName: string | null;
  published: string | null;
  /** Position of the quote in the article's analysis (0-based). */
  index: number;
  quote: Quote;
  /** Country of the speaker's entity in the analysis, when known. */
  speakerCountry: string | null;
}

export interface CandidateExportFilter {
  status?: CandidateStatus;
  type?: 'person' | 'organization';
  pageSize?: number;
}

export interface EntityCount {
  /** Articles naming the entity, and its mentions across them. */
  articles: number;
  mentions: number;
}

export function pageSizeOf(n: number | undefined): number {
  const v = Math.floor(n ?? DEFAULT_PAGE_SIZE);
  return Number.isFinite(v) && v >= 1 ? Math.min(v, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
}

/**
 * Wraps an export iterator: database failures become ReadoutError('store') naming the export,
 * like every other store call (see wrap()).
 */
export async function* wrapRows<T>(what: string, rows: AsyncIterable<T>): AsyncGenerator<T> {
  const it = rows[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await wrap(what, () => it.next());
      if (next.done) return;
      yield next.value;
    }
  } finally {
    await it.return?.();
  }
}

/** Articles (`a`) of a source given as id, URL or name (case-insensitive). */
export function sourceCondition(source: string) {
  const s = source.trim();
  const lower = s.toLowerCase();
  const byId = /^\d+$/.test(s) ? sql`a.source_id = ${Number(s)} OR ` : sql``;
  return sql<SqlBool>`(${byId}a.source_id IN (SELECT s.id FROM sources s WHERE s.url = ${s} OR lower(s.title) = ${lower}) OR lower(a.source_name) = ${lower})`;
}

// ---- articles -----------------------------------------------------------------------------

function entityMatches(m: ActorMatch) {
  const ids = m.ids ?? [];
  const names = (m.names ?? []).map((n) => n.toLowerCase());
  const countries = (m.countries ?? []).map((c) => c.toUpperCase());
  const ors = [];
  if (ids.length) ors.push(sql`ae.entity_key IN (${sql.join(ids)})`);
  if (names.length) ors.push(sql`lower(ae.name) IN (${sql.join(names)})`);
  if (countries.length) ors.push(sql`ae.country IN (${sql.join(countries)})`);
  if (!ors.length) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`EXISTS (SELECT 1 FROM article_entities ae WHERE ae.article_id = a.id AND (${sql.join(ors, sql` OR `)}))`;
}

/** Conditions on `a` (articles) shared by the article and quote exports. */
function articleConditions(f: { since?: string; until?: string; source?: string; kinds?: ArticleKind[]; actor?: ActorMatch }) {
  const where = [sql<SqlBool>`1 = 1`];
  if (f.since !== undefined) where.push(sql<SqlBool>`a.dated_at >= ${sinceIso(f.since)}`);
  if (f.until !== undefined) where.push(sql<SqlBool>`a.dated_at <= ${untilIso(f.until)}`);
  if (f.source !== undefined && f.source.trim() !== '') where.push(sourceCondition(f.source));
  if (f.kinds?.length) where.push(sql<SqlBool>`a.kind IN (${sql.join(f.kinds)})`);
  if (f.actor) where.push(entityMatches(f.actor));
  return sql.join(where, sql` AND `);
}

/** A lower bound: a bare date is the start of that day (UTC). */
function sinceIso(value: string): string {
  const v = value.trim();
  return /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00.000Z` : toIso(v, 'since');
}

interface ArticleRow {
  id: number | string;
  url: string;
  canonical_url: string;
  source_id: number | string | null;
  source_name: string | null;
  published: string | null;
  fetched_at: string;
  kind: string;
  title: string | null;
  byline: string | null;
  language: string;
  section: string | null;
  group_id: number | string;
  analysed: number | string | null;
  entity_count: number | string | null;
  quote_count: number | string | null;
  event_count: number | string | null;
  text?: string;
}

const nullableInt = (v: number | string | null | undefined): number | null => (v === null || v === undefined ? null : Number(v));

/** Articles matching the filter by ascending id, with entity/quote/event counts (null when not analysed). */
export async function* exportArticles(ctx: StoreContext, filter: ArticleExportFilter = {}): AsyncGenerator<ExportedArticle> {
  const size = pageSizeOf(filter.pageSize);
  const where = articleConditions(filter);
  // DIALECT: the quote count is read from the stored analysis JSON by the database's JSON functions.
  const quoteCount = ctx.dialect === 'sqlite' ? sql`json_array_length(an.analysis, '$.quotes')` : sql`json_array_length(an.analysis::json -> 'quotes')`;
  const text = filter.withText ? sql`, a.text` : sql``;
  let after = 0;
  for (;;) {
    const { rows } = await sql<ArticleRow>`
      SELECT a.id, a.url, a.canonical_url, a.source_id, a.source_name, a.published, a.fetched_at, a.kind, a.title, a.byline, a.language, a.section, a.group_id,
        an.article_id AS analysed,
        CASE WHEN an.article_id IS NULL THEN NULL ELSE (SELECT count(*) FROM article_entities x WHERE x.article_id = a.id) END AS entity_count,
        ${quoteCount} AS quote_count,
        CASE WHEN an.article_id IS NULL THEN NULL ELSE (SELECT count(*) FROM article_events x WHERE x.article_id = a.id) END AS event_count${text}
      FROM articles a LEFT JOIN analyses an ON an.article_id = a.id AND an.article_id > ${after}
      WHERE a.id > ${after} AND ${where}
      ORDER BY a.id
      LIMIT ${size}`.execute(ctx.db);
    if (rows.length === 0) return;
    for (const r of rows) {
      const analysed = r.analysed !== null;
      const out: ExportedArticle = {
        id: Number(r.id), url: r.url, canonicalUrl: r.canonical_url, sourceId: nullableInt(r.source_id), sourceName: r.source_name, published: r.published,
        fetchedAt: r.fetched_at, kind: r.kind as ArticleKind, title: r.title, byline: r.byline, language: r.language, section: r.section, groupId: Number(r.group_id),
        entityCount: nullableInt(r.entity_count), quoteCount: analysed ? (nullableInt(r.quote_count) ?? 0) : null, eventCount: nullableInt(r.event_count),
      };
      if (filter.withText) out.text = r.text ?? '';
      yield out;
    }
    if (rows.length < size) return;
    after = Number(rows[rows.length - 1]!.id);
  }
}

// ---- quotes -------------------------------------------------------------------------------

/** Quotes of analysed articles matching the filter: articles by ascending id, quotes in analysis order. */
export async function* exportQuotes(ctx: StoreContext, filter: QuoteExportFilter = {}): AsyncGenerator<ExportedQuote> {
  const size = pageSizeOf(filter.pageSize);
  const where = articleConditions({ since: filter.since, until: filter.until, source: filter.source, kinds: filter.articleKinds, actor: filter.actor });
  const kinds = filter.kinds?.length ? new Set<string>(filter.kinds) : null;
  const speaks = filter.actor ? speakerMatcher(filter.actor) : null;
  let after = 0;
  for (;;) {
    const { rows } = await sql<{ id: number | string; canonical_url: string; source_name: string | null; published: string | null; analysis: string }>`
      SELECT a.id, a.canonical_url, a.source_name, a.published, an.analysis
      FROM analyses an JOIN articles a ON a.id = an.article_id
      WHERE an.article_id > ${after} AND a.id > ${after} AND ${where}
      ORDER BY an.article_id
      LIMIT ${size}`.execute(ctx.db);
    if (rows.length === 0) return;
    for (const r of rows) {
      const analysis = parseJson<Partial<Analysis> | null>(r.analysis, null);
      const quotes = analysis?.quotes ?? [];
      if (!quotes.length) continue;
      const countries = new Map<string, string | null>();
      for (const e of analysis?.entities ?? []) if (e.id) countries.set(e.id, e.country);
      for (const [index, quote] of quotes.entries()) {
        if (kinds && !kinds.has(quote.kind)) continue;
        const speakerCountry = quote.speaker?.entityId ? (countries.get(quote.speaker.entityId) ?? null) : null;
        if (speaks && !speaks(quote, speakerCountry)) continue;
        yield { articleId: Number(r.id), url: r.canonical_url, sourceName: r.source_name, published: r.published, index, quote, speakerCountry };
      }
    }
    if (rows.length < size) return;
    after = Number(rows[rows.length - 1]!.id);
  }
}

function speakerMatcher(m: ActorMatch): (q: Quote, country: string | null) => boolean {
  const ids = new Set(m.ids ?? []);
  const countries = new Set((m.countries ?? []).map((c) => c.toUpperCase()));
  const names = new Set((m.names ?? []).map((n) => n.toLowerCase()));
  return (q, country) => {
    const s = q.speaker;
    if (!s) return false;
    return (s.entityId !== null && ids.has(s.entityId)) || (s.name !== null && names.has(s.name.toLowerCase())) || (country !== null && countries.has(country));
  };
}

// ---- candidates and mention counts --------------------------------------------------------

/** Candidate actors (every status unless filtered) by key. */
export async function* exportCandidates(ctx: StoreContext, filter: CandidateExportFilter = {}): AsyncGenerator<ActorCandidate> {
  const size = pageSizeOf(filter.pageSize);
  let after: string | null = null;
  for (;;) {
    const cursor: string | null = after;
    const rows = await ctx.db
      .selectFrom('actor_candidates')
      .selectAll()
      .$if(cursor !== null, (q) => q.where('key', '>', cursor!))
      .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status!))
      .$if(filter.type !== undefined, (q) => q.where('type', '=', filter.type!))
      .orderBy('key')
      .limit(size)
      .execute();
    if (rows.length === 0) return;
    for (const r of rows) yield toCandidate(r);
    if (rows.length < size) return;
    after = rows[rows.length - 1]!.key;
  }
}

/** Articles and mentions per article_entities key (registry id or "name:…" candidate key); absent keys are not in the map. */
export async function entityCounts(ctx: StoreContext, keys: readonly string[]): Promise<Map<string, EntityCount>> {
  const out = new Map<string, EntityCount>();
  for (const part of chunks([...new Set(keys)], IDS_PER_QUERY)) {
    const rows = await ctx.db
      .selectFrom('article_entities')
      .select((eb) => ['entity_key', eb.fn.countAll().as('articles'), eb.fn.sum<number | string>('mention_count').as('mentions')])
      .where('entity_key', 'in', part)
      .groupBy('entity_key')
      .execute();
    for (const r of rows) out.set(r.entity_key, { articles: Number(r.articles), mentions: Number(r.mentions ?? 0) });
  }
  return out;
}
