// Opinion: GET /columnists (opinion pieces grouped by author with each author's position on an
// issue's hawkish ↔ engagement axis, trend and evidence; `readout columnists --json`) and GET
// /readers (reader comments per article or topic: volume, tone, position distribution and
// divergence from the author; `readout readers --json`). Both read stored positions only.
import { z } from '@hono/zod-openapi';
import { columnistsReport, readersReport } from '../opinion/report.js';
import type { ApiApp, RouteDeps } from './app.js';
import { badRequest, notFound } from './errors.js';
import { dayParam, dayRange } from './filters.js';
import { apiRoute, json, Json } from './schemas.js';

const issueParam = z.string().min(1).max(200).optional().openapi({ description: 'the issue (data/lexicon/positions.yaml); default engagement-vs-pressure' });

const columnists = apiRoute('opinion', {
  method: 'get',
  path: '/columnists',
  summary: 'opinion and analysis pieces grouped by author: mean position (−1 hawkish … +1 engagement), trend and evidence sentences',
  request: { query: z.object({ issue: issueParam, since: dayParam('pieces from this day'), until: dayParam('pieces to this day') }) },
  responses: { 200: json(Json.openapi('Columnists', { description: 'the `readout columnists --json` object: issue, since, until, columnists[]' }), 'authors and their positions') },
});

const readers = apiRoute('opinion', {
  method: 'get',
  path: '/readers',
  summary: 'reader comments per article (or pooled over a topic): volume, tone, hawkish/neutral/engagement counts and divergence from the author',
  request: {
    query: z.object({
      article: z.coerce.number().int().positive().optional().openapi({ description: 'one article id' }),
      topic: z.string().min(1).max(500).optional().openapi({ description: 'articles the full-text search matches' }),
      issue: issueParam,
      since: dayParam('articles from this day'),
      until: dayParam('articles to this day'),
    }),
  },
  responses: { 200: json(Json.openapi('Readers', { description: 'the `readout readers --json` object: issue, scope, articles[], total' }), 'reader statistics') },
});

export function registerOpinion(app: ApiApp, deps: RouteDeps): void {
  app.openapi(columnists, async (c) => {
    const q = c.req.valid('query');
    const report = await columnistsReport(deps.store, { issue: q.issue, ...dayRange(q.since, q.until) });
    return c.json(report as unknown as Record<string, unknown>, 200);
  });

  app.openapi(readers, async (c) => {
    const q = c.req.valid('query');
    if (q.article !== undefined && q.topic !== undefined) throw badRequest('give article or topic, not both', 'topic');
    if (q.article !== undefined && !(await deps.store.getArticle(q.article))) throw notFound(`no article ${q.article}`);
    const report = await readersReport(deps.store, { issue: q.issue, articleId: q.article, topic: q.topic, ...dayRange(q.since, q.until) });
    return c.json(report as unknown as Record<string, unknown>, 200);
  });
}
