// Articles: GET /articles (newest first, filters), GET /articles/{id} (with its analysis),
// GET /articles/{id}/raw (the archived document, article-raw.ts), GET /search (full text). Both lists read store.search(): match-all for /articles. Cursors
// are keyset positions (dated_at, id) in newest order: the next page asks for dated_at <= the
// last row's and drops the rows up to it. A relevance-ordered search pages by offset within the
// store's top 500 (bm25 scores have no stable keyset).
import { z } from '@hono/zod-openapi';
import { ARTICLE_KINDS, type ArticleKind } from '../core/types.js';
import { parseSince } from '../core/days.js';
import { parseIso } from '../store/util.js';
import { MAX_LIMIT as STORE_MAX } from '../store/search.js';
import type { SearchHit, SearchQuery, Store } from '../store/types.js';
import type { ApiApp, RouteDeps } from './app.js';
import { registerArticleRaw } from './article-raw.js';
import { badRequest, notFound } from './errors.js';
import { cursorSchema, decodeCursor, encodeCursor, limitSchema, type Page } from './pagination.js';
import { apiRoute, json, Json, pageOf } from './schemas.js';

const time = (field: string) =>
  z.string().optional().openapi({ description: `${field}: YYYY-MM-DD, an ISO date-time, or a relative 24h / 7d` });

const Filters = z.object({
  since: time('on or after'),
  until: time('on or before'),
  kind: z.enum(ARTICLE_KINDS as unknown as [ArticleKind, ...ArticleKind[]]).optional(),
  source: z.string().min(1).optional().openapi({ description: 'source id, feed URL or outlet name' }),
  limit: limitSchema().openapi({ description: 'page size (1-500, default 50); pages hold at most api.search.maxPageSize items (default 200), larger limits are clamped' }),
  cursor: cursorSchema,
});

const Hit = z
  .object({
    id: z.number().int(), url: z.string(), title: z.string().nullable(), sourceName: z.string().nullable(), published: z.string().nullable(),
    kind: z.string(), snippet: z.string(), groupId: z.number().int(), groupSize: z.number().int(), score: z.number(),
  })
  .openapi('ArticleHit');

const listArticles = apiRoute('articles', {
  method: 'get',
  path: '/articles',
  summary: 'stored articles, newest first',
  request: { query: Filters },
  responses: { 200: json(pageOf(Hit, 'ArticlePage'), 'a page of articles') },
});

const SearchPage = z
  .object({
    items: z.array(Hit),
    nextCursor: z.string().nullable().openapi({ description: 'pass as ?cursor= for the next page; null on the last page' }),
    rankCapped: z.boolean().optional().openapi({ description: 'true when relevance ranked only the newest api.search.rankCandidates matches of more' }),
  })
  .openapi('SearchPage');

const search = apiRoute('articles', {
  method: 'get',
  path: '/search',
  summary: 'full-text search: words ANDed, "quoted phrases"; snippets mark matches with « »',
  request: { query: Filters.extend({ q: z.string().max(500).default('').openapi({ description: 'the query; empty lists everything' }), order: z.enum(['relevance', 'newest']).optional() }) },
  responses: { 200: json(SearchPage, 'a page of hits') },
});

const getArticle = apiRoute('articles', {
  method: 'get',
  path: '/articles/{id}',
  summary: 'one article with its text, comments and analysis (null until analysed)',
  request: { params: z.object({ id: z.coerce.number().int().min(1).openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: json(z.object({ article: Json, analysis: Json.nullable(), comments: z.array(Json) }).openapi('ArticleDetail'), 'the article') },
});

const KeysetCursor = z.object({ d: z.string(), id: z.number().int() });
const OffsetCursor = z.object({ o: z.number().int().min(0) });

function when(value: string | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  try {
    return parseSince(value, new Date(), field);
  } catch (err) {
    // The message starts with the field's name already ("since must be …").
    throw badRequest(`${field}: ${(err as Error).message.replace(/^\S+ /, '')}`, field);
  }
}

/** One page of store.search in newest or relevance order, with the next cursor (and rankCapped for a capped relevance ranking). */
export async function searchPage(store: Store, list: string, q: Omit<SearchQuery, 'limit'>, limit: number, cursor: string | undefined): Promise<Page<SearchHit> & { rankCapped?: boolean }> {
  const order = q.text.trim() ? (q.order ?? 'relevance') : 'newest';
  if (order === 'relevance') {
    const at = decodeCursor(list, cursor, OffsetCursor)?.o ?? 0;
    if (at >= STORE_MAX) return { items: [], nextCursor: null };
    const hits = await store.search({ ...q, order, limit: Math.min(STORE_MAX, at + limit + 1) });
    const items = hits.slice(at, at + limit).map(({ rankCapped: _flag, ...hit }) => hit);
    const more = hits.length > at + limit && at + limit < STORE_MAX;
    return { items, nextCursor: more ? encodeCursor(list, { o: at + limit }) : null, rankCapped: hits.some((h) => h.rankCapped) };
  }
  const after = decodeCursor(list, cursor, KeysetCursor);
  const items: SearchHit[] = [];
  let until = after?.d ?? q.until;
  if (after && q.until && parseIso(q.until) !== null && parseIso(q.until)! < after.d) until = q.until;
  // Rows sharing the boundary's dated_at come back again and are dropped by id; ask for more when they fill a page.
  for (let ask = limit + 1; ; ask = Math.min(STORE_MAX + 1, ask * 4)) {
    const hits = await store.search({ ...q, order, until, limit: ask });
    const fresh = after ? await dropSeen(store, hits, after) : hits;
    items.push(...fresh.slice(0, limit + 1));
    if (items.length > limit || hits.length < ask || ask > STORE_MAX) break;
    items.length = 0;
  }
  const more = items.length > limit;
  const page = items.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page, nextCursor: more && last ? encodeCursor(list, { d: await datedAt(store, last), id: last.id }) : null };
}

/** dated_at of a hit: its normalised published time, else when it was fetched. */
async function datedAt(store: Store, hit: SearchHit): Promise<string> {
  const published = hit.published ? parseIso(hit.published) : null;
  if (published) return published;
  return (await store.getArticle(hit.id))?.fetchedAt ?? new Date(0).toISOString();
}

async function dropSeen(store: Store, hits: SearchHit[], after: { d: string; id: number }): Promise<SearchHit[]> {
  const out: SearchHit[] = [];
  for (const h of hits) {
    const d = await datedAt(store, h);
    if (d < after.d || (d === after.d && h.id < after.id)) out.push(h);
  }
  return out;
}

export function registerArticles(app: ApiApp, deps: RouteDeps): void {
  // Big pages cost the whole server: the store reads are synchronous, so a 500-row page holds up
  // every other request while it is built. Larger limits are clamped; nextCursor pages on.
  const pageSize = (limit: number) => Math.min(limit, deps.config.api.search.maxPageSize);
  app.openapi(listArticles, async (c) => {
    const f = c.req.valid('query');
    const q = { text: '', source: f.source, since: when(f.since, 'since'), until: when(f.until, 'until'), kind: f.kind };
    return c.json(await searchPage(deps.store, 'articles', q, pageSize(f.limit), f.cursor), 200);
  });

  app.openapi(search, async (c) => {
    const f = c.req.valid('query');
    const q = {
      text: f.q, order: f.order, source: f.source, since: when(f.since, 'since'), until: when(f.until, 'until'), kind: f.kind,
      rankCandidates: deps.config.api.search.rankCandidates,
    };
    return c.json(await searchPage(deps.store, `search:${f.q}:${f.order ?? ''}`, q, pageSize(f.limit), f.cursor), 200);
  });

  app.openapi(getArticle, async (c) => {
    const { id } = c.req.valid('param');
    const article = await deps.store.getArticle(id);
    if (!article) throw notFound(`no article ${id}`);
    const [stored, comments] = await Promise.all([deps.store.getAnalysis(id), deps.store.listComments(id)]);
    return c.json({ article, analysis: stored ? { ...stored } : null, comments }, 200);
  });

  registerArticleRaw(app, deps);
}
