// Sources and their health: GET /sources, GET /sources/{id} (any role); POST /sources and
// DELETE /sources/{id} (admin). The API does not fetch: a new source needs its kind (use
// `readout sources add URL` to discover it from the page).
import { z } from '@hono/zod-openapi';
import { SOURCE_KINDS, type SourceKind } from '../core/types.js';
import { parseDuration } from '../core/duration.js';
import { isHttpUrl } from '../fetch/url.js';
import type { ApiApp, RouteDeps } from './app.js';
import { requireRole } from './auth.js';
import { ApiError, badRequest, notFound } from './errors.js';
import { apiRoute, json, Json } from './schemas.js';

const IdParam = z.object({ id: z.coerce.number().int().min(1).openapi({ param: { name: 'id', in: 'path' } }) });
const Source = Json.openapi('Source', { description: 'a source with its health: lastSuccessAt, lastError, failureStreak, itemsSeen, nextPollAt …' });

const list = apiRoute('sources', {
  method: 'get',
  path: '/sources',
  summary: 'every source with its health (last success, last error, items seen, failure streak)',
  responses: { 200: json(z.object({ items: z.array(Source) }).openapi('SourceList'), 'the sources') },
});

const get = apiRoute('sources', {
  method: 'get',
  path: '/sources/{id}',
  summary: 'one source with its health',
  request: { params: IdParam },
  responses: { 200: json(Source, 'the source') },
});

const add = apiRoute('sources', {
  method: 'post',
  path: '/sources',
  summary: 'add a source (admin)',
  middleware: [requireRole('admin')] as const,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              url: z.string().url().max(2000),
              kind: z.enum(SOURCE_KINDS as unknown as [SourceKind, ...SourceKind[]]),
              title: z.string().min(1).max(300).optional(),
              tags: z.array(z.string().min(1).max(100)).max(50).default([]),
              every: z.string().optional().openapi({ description: 'poll interval such as 15m or 1h (≥ 1m; default scheduler.defaultInterval)' }),
            })
            .strict()
            .openapi('NewSource'),
        },
      },
    },
  },
  responses: { 201: json(Source, 'the new source'), 409: json(Json, 'the URL is already a source') },
});

const remove = apiRoute('sources', {
  method: 'delete',
  path: '/sources/{id}',
  summary: 'remove a source; its stored articles stay (admin)',
  middleware: [requireRole('admin')] as const,
  request: { params: IdParam },
  responses: { 200: json(z.object({ removed: z.number().int() }).openapi('SourceRemoved'), 'removed') },
});

export function registerSources(app: ApiApp, deps: RouteDeps): void {
  app.openapi(list, async (c) => c.json({ items: await deps.store.listSources() }, 200));

  app.openapi(get, async (c) => {
    const { id } = c.req.valid('param');
    const source = await deps.store.getSource(id);
    if (!source) throw notFound(`no source ${id}`);
    return c.json(source as unknown as Record<string, unknown>, 200);
  });

  app.openapi(add, async (c) => {
    const body = c.req.valid('json');
    if (!isHttpUrl(body.url)) throw badRequest('url: must be an http(s) URL', 'url');
    let intervalMs = deps.config.scheduler.defaultIntervalMs;
    if (body.every !== undefined) {
      try {
        intervalMs = parseDuration(body.every, 'every');
      } catch {
        throw badRequest(`every: "${body.every}" is not a duration (use 15m, 1h …)`, 'every');
      }
      if (intervalMs < 60_000) throw badRequest('every: poll at most once a minute', 'every');
    }
    if (await deps.store.getSource(body.url)) throw new ApiError(409, 'conflict', `${body.url} is already a source`);
    const source = await deps.store.addSource({ url: body.url, kind: body.kind, title: body.title ?? null, tags: body.tags, intervalSeconds: Math.round(intervalMs / 1000) });
    return c.json(source as unknown as Record<string, unknown>, 201);
  });

  app.openapi(remove, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await deps.store.removeSource(id))) throw notFound(`no source ${id}`);
    return c.json({ removed: id }, 200);
  });
}
