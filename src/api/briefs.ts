// Precedents and briefs: GET /events/{id}/precedents (the `readout precedents --json` shape),
// GET /briefs (saved briefs), GET /briefs/{id} (one saved brief, as saved or re-rendered),
// POST /briefs (analyst: build a brief for a window and focus, optionally saving it).
import { z } from '@hono/zod-openapi';
import { itemCount } from '../briefs/assemble.js';
import { makeBrief, renderBrief, windowStart } from '../briefs/make.js';
import type { Brief } from '../briefs/types.js';
import { CSP as BRIEF_CSP } from '../briefs/html.js';
import { DEFAULT_FOLLOW_DAYS, DEFAULT_PRECEDENT_LIMIT, precedentsJson } from '../insights/precedents.js';
import type { ApiApp, RouteDeps } from './app.js';
import { requireRole } from './auth.js';
import { badRequest, notFound } from './errors.js';
import { apiRoute, DAY, json, Json } from './schemas.js';
import { isCalendarDay } from '../core/days.js';

const eventParam = z.object({ id: z.string().regex(/^(?:ev)?\d+$/i, 'a merged event id like ev42').openapi({ param: { name: 'id', in: 'path' }, example: 'ev42' }) });
const idParam = z.object({ id: z.coerce.number().int().min(1).openapi({ param: { name: 'id', in: 'path' } }) });
const Format = z.enum(['md', 'html']);

const precedents = apiRoute('briefs', {
  method: 'get',
  path: '/events/{id}/precedents',
  summary: 'earlier events most like this one (same type and dyad, similar wording) and what followed each',
  request: {
    params: eventParam,
    query: z.object({
      days: z.coerce.number().int().min(1).max(3660).default(DEFAULT_FOLLOW_DAYS).openapi({ description: 'what followed: days after each precedent' }),
      limit: z.coerce.number().int().min(1).max(100).default(DEFAULT_PRECEDENT_LIMIT),
    }),
  },
  responses: { 200: json(Json.openapi('Precedents', { description: 'event, days, precedents [{event, direction, wording, score, followed}]' }), 'the precedents') },
});

const BriefSummary = Json.openapi('BriefSummary', { description: 'id, createdAt, since, until, focus, title, format, itemCount' });
const list = apiRoute('briefs', {
  method: 'get',
  path: '/briefs',
  summary: 'saved briefs, newest first',
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }) },
  responses: { 200: json(z.object({ items: z.array(BriefSummary) }).openapi('BriefList'), 'saved briefs') },
});

const get = apiRoute('briefs', {
  method: 'get',
  path: '/briefs/{id}',
  summary: 'a saved brief: the document (format md|html) or its data (format json)',
  request: { params: idParam, query: z.object({ format: z.enum(['md', 'html', 'json']).optional() }) },
  responses: { 200: { description: 'the brief', content: { 'text/markdown': { schema: z.string() }, 'text/html': { schema: z.string() }, 'application/json': { schema: Json } } } },
});

const create = apiRoute('briefs', {
  method: 'post',
  path: '/briefs',
  summary: 'build a brief for a window (and focus country); save it when asked (analyst)',
  middleware: [requireRole('analyst')] as const,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            since: z.string().refine((v) => isCalendarDay(v) || /^\d+[hdw]$/.test(v), 'expected a date YYYY-MM-DD (or YYYY-MM, YYYY) or a duration back from now: 24h, 7d, 2w').default('24h'),
            until: DAY.optional(),
            focus: z.string().regex(/^[A-Za-z]{3}$/, 'an ISO 3166 alpha-3 code').optional(),
            format: Format.default('md'),
            limit: z.number().int().min(1).max(100).default(10),
            save: z.boolean().default(false),
          }).openapi('BriefRequest'),
        },
      },
    },
  },
  responses: { 200: json(z.object({ id: z.number().int().nullable(), format: Format, content: z.string(), brief: Json }).openapi('BriefResult'), 'the brief, rendered and as data') },
});

export function registerBriefs(app: ApiApp, deps: RouteDeps): void {
  app.openapi(precedents, async (c) => {
    const { id } = c.req.valid('param');
    const { days, limit } = c.req.valid('query');
    const result = await deps.store.precedents(Number(id.replace(/^ev/i, '')), { days, limit });
    if (!result) throw notFound(`no event ${id}`);
    return c.json(precedentsJson(result), 200);
  });

  app.openapi(list, async (c) => c.json({ items: await deps.store.listBriefs(c.req.valid('query').limit) }, 200));

  app.openapi(get, async (c) => {
    const saved = await deps.store.getBrief(c.req.valid('param').id);
    if (!saved) throw notFound(`no saved brief ${c.req.valid('param').id}`);
    const as = c.req.valid('query').format ?? saved.format;
    if (as === 'json') return c.body(saved.data, 200, { 'content-type': 'application/json; charset=utf-8' });
    const content = as === saved.format ? saved.content : renderBrief(JSON.parse(saved.data) as Brief, as);
    // The HTML brief carries its CSP in a meta tag too; the header also covers a stored brief rendered before it had one.
    if (as === 'html') return c.body(content, 200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': BRIEF_CSP });
    return c.body(content, 200, { 'content-type': 'text/markdown; charset=utf-8' });
  });

  app.openapi(create, async (c) => {
    const body = c.req.valid('json');
    const now = deps.now();
    const since = windowStart(body.since, now);
    const until = body.until ?? now.toISOString().slice(0, 10);
    if (since > until) throw badRequest('since is after until', 'since');
    const registry = await deps.registry();
    const focus = body.focus?.toUpperCase() ?? null;
    if (focus && !registry.country(focus)) throw badRequest(`focus: unknown country "${body.focus}"`, 'focus');
    const brief = await makeBrief(deps.store, registry, { since, until, focus, limit: body.limit, now });
    const content = renderBrief(brief, body.format);
    const saved = body.save
      ? await deps.store.saveBrief({ since, until, focus, title: brief.title, format: body.format, itemCount: itemCount(brief), content, data: JSON.stringify(brief) })
      : null;
    return c.json({ id: saved?.id ?? null, format: body.format, content, brief: brief as unknown as Record<string, unknown> }, 200);
  });
}
