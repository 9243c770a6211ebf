// GET /health (no token) and GET /openapi.json: the OpenAPI 3.0 document generated from the
// route definitions, with the bearer security scheme.
import { createRoute, z } from '@hono/zod-openapi';
import type { ApiApp, RouteDeps } from './app.js';

export const API_VERSION = '1.0.0';

const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['meta'],
  summary: 'liveness: the server answers and the store is reachable (no token needed)',
  responses: {
    200: { description: 'healthy', content: { 'application/json': { schema: z.object({ status: z.literal('ok'), articles: z.number().int() }).openapi('Health') } } },
    500: { description: 'the store is unreachable' },
  },
});

export function registerOpenApi(app: ApiApp, deps: RouteDeps): void {
  app.openapi(health, async (c) => {
    // One query: under load every store query waits its turn on the shared connection.
    return c.json({ status: 'ok' as const, articles: await deps.store.countArticles() }, 200);
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
