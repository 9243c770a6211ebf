// GET /export/{kind}?format=csv|jsonl: the `readout export` bulk exports (events, articles,
// quotes, actors), streamed: planExport checks the filters before anything is sent, then
// writeRows pushes ~64 KB chunks through a PassThrough with backpressure into the response, so
// memory stays constant whatever the size. A client that goes away stops the export.
import { PassThrough, Readable } from 'node:stream';
import { z } from '@hono/zod-openapi';
import { EXPORT_KINDS, planExport, type ExportOptions } from '../outputs/plan.js';
import { loadRegistry } from '../registry/load.js';
import { writeRows } from '../outputs/write.js';
import type { ApiApp, RouteDeps } from './app.js';
import { apiRoute } from './schemas.js';

const route = apiRoute('exports', {
  method: 'get',
  path: '/export/{kind}',
  summary: 'stream an export as CSV (RFC 4180, header row) or JSONL; filters as in `readout export`',
  request: {
    params: z.object({ kind: z.enum(EXPORT_KINDS).openapi({ param: { name: 'kind', in: 'path' } }) }),
    query: z.object({
      format: z.enum(['csv', 'jsonl']).default('csv'),
      since: z.string().optional().openapi({ description: 'YYYY-MM-DD: events: event day; articles, quotes: article date' }),
      until: z.string().optional(),
      actor: z.string().optional().openapi({ description: 'events: source or target; articles: named in; quotes: speaker; actors: id, name or country' }),
      dyad: z.string().optional().openapi({ description: 'events between two actors (AAA-BBB or A,B)' }),
      directed: z.enum(['true', 'false']).optional(),
      type: z.string().optional().openapi({ description: 'events: PLOVER types (comma-separated); actors: actor types' }),
      source: z.string().optional().openapi({ description: 'outlet: source id, feed URL or name' }),
      kind: z.string().optional().openapi({ description: 'articles: article kinds; quotes: direct|partial|indirect; actors: organisation kind' }),
      withText: z.enum(['true', 'false']).optional().openapi({ description: 'articles: add the text column' }),
      withCounts: z.enum(['true', 'false']).optional().openapi({ description: 'actors: add article and mention counts' }),
      limit: z.coerce.number().int().min(1).optional().openapi({ description: 'stop after this many rows' }),
    }),
  },
  responses: {
    200: {
      description: 'the rows, streamed',
      content: { 'text/csv': { schema: z.string() }, 'application/x-ndjson': { schema: z.string() } },
    },
  },
});

export function registerExports(app: ApiApp, deps: RouteDeps): void {
  app.openapi(route, async (c) => {
    const { kind } = c.req.valid('param');
    const q = c.req.valid('query');
    const opts: ExportOptions = {
      since: q.since, until: q.until, actor: q.actor, dyad: q.dyad, directed: q.directed === 'true' ? true : undefined, type: q.type, source: q.source, kind: q.kind,
      withText: q.withText === 'true' ? true : undefined, withCounts: q.withCounts === 'true' ? true : undefined,
    };
    // The registry is needed synchronously by planExport; load it first when a filter may use it.
    const registry = opts.actor !== undefined || opts.dyad !== undefined || kind === 'actors' ? await deps.registry() : null;
    const plan = planExport(kind, opts, () => registry ?? loadRegistry({ files: deps.config.registry.files, userFile: deps.config.registry.userFile }));
    const out = new PassThrough();
    const items = plan.items(deps.store);
    writeRows(items, plan.spec, q.format, out, { limit: q.limit })
      .then(() => out.end())
      .catch((err: unknown) => {
        deps.logger.error({ stage: 'api', export: kind, err: String(err) }, 'api: export failed mid-stream');
        out.destroy(err instanceof Error ? err : new Error(String(err)));
      });
    const type = q.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8';
    const body = Readable.toWeb(out) as unknown as ReadableStream<Uint8Array>;
    return c.body(body, 200, { 'Content-Type': type, 'Content-Disposition': `attachment; filename="readout-${kind}.${q.format}"` }) as never;
  });
}
