// GET /health (no token) and GET /openapi.json: the OpenAPI 3.0 document generated from the
// route definitions, with the bearer security scheme.
import { createRoute, z } from '@hono/zod-openapi';
import type { ApiApp, RouteDeps } from './app.js';
import { errorBody } from './errors.js';
import { healthCheck } from './health.js';

export const API_VERSION = '1.0.0';

const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['meta'],
  summary: 'liveness: the server answers and the store was reachable at its last check (no token needed; answered from memory, the article count at most 10 s old)',
  responses: {
    200: { description: 'healthy', content: { 'application/json': { schema: z.object({ status: z.literal('ok'), articles: z.number().int() }).openapi('Health') } } },
    503: { description: 'the store was unreachable at the last check' },
  },
});

export function registerOpenApi(app: ApiApp, deps: RouteDeps): void {
  const check = healthCheck(deps.store, deps.logger);
  app.openapi(health, async (c) => {
    const h = await check();
    if (!h.ok) return c.json(errorBody('unavailable', 'the store did not answer the last health check; see the server log'), 503) as never;
    return c.json({ status: 'ok' as const, articles: h.articles }, 200);
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'a token from `readout tokens create --role viewer|analyst|admin --name NAME`',
  });
  app.doc('/openapi.json', {
    openapi: '3.0.3',
    info: {
      title: 'Readout API',
      version: API_VERSION,
      description: 'Media monitoring and diplomatic-signal analysis: articles, actors, events, trends, personnel, sources, exports. See docs/api.md.',
    },
    security: [{ bearer: [] }],
  });
}
