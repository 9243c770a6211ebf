// GET /stream: server-sent events of new articles and merged events. The handler polls the
// store every second (streamPollMs) for rows with ids above the last ones sent (the store has
// no change feed, and serve runs the pipeline in the same process, so polling an indexed
// primary key is cheap and also sees rows written by other processes). Each message's id is
// "<articleId>:<eventId>", the position after it: a client reconnecting with Last-Event-ID (or
// ?after=) resumes there. Without either, the stream starts at the newest rows (only what
// arrives from now on). A ": ping" comment every 15 s keeps proxies from closing the stream.
import { z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import type { ApiApp, RouteDeps } from './app.js';
import { badRequest } from './errors.js';
import { apiRoute } from './schemas.js';

const PAGE = 200;
const PING_MS = 15_000;

const route = apiRoute('stream', {
  method: 'get',
  path: '/stream',
  summary: 'server-sent events: `article` and `event` messages as rows are stored (polled every second)',
  request: {
    query: z.object({
      after: z.string().regex(/^\d+:\d+$/, 'expected "<articleId>:<eventId>"').optional().openapi({ description: 'resume after these ids (as Last-Event-ID); 0:0 replays everything' }),
      types: z.string().regex(/^(articles|events)(,(articles|events))?$/, 'expected articles, events or articles,events').optional().openapi({ description: 'what to send (default both)' }),
    }),
  },
  responses: { 200: { description: 'an event stream', content: { 'text/event-stream': { schema: z.string() } } } },
});

function position(value: string | undefined): { articleId: number; eventId: number } | null {
  if (value === undefined) return null;
  const m = /^(\d+):(\d+)$/.exec(value.trim());
  if (!m) throw badRequest('Last-Event-ID: expected "<articleId>:<eventId>"', 'Last-Event-ID');
  return { articleId: Number(m[1]), eventId: Number(m[2]) };
}

export function registerStream(app: ApiApp, deps: RouteDeps): void {
  const pollMs = deps.streamPollMs ?? 1000;
  app.openapi(route, async (c) => {
    const q = c.req.valid('query');
    const types = new Set((q.types ?? 'articles,events').split(','));
    let at = position(q.after) ?? position(c.req.header('last-event-id')) ?? (await deps.store.streamHead());
    const signal = c.req.raw.signal;
    return streamSSE(c, async (stream) => {
      let aborted = false;
      stream.onAbort(() => {
        aborted = true;
      });
      let lastSent = Date.now();
      while (!aborted && !signal.aborted) {
        const page = await deps.store.streamAfter(at, PAGE);
        const messages: { kind: 'article' | 'event'; id: number; data: unknown }[] = [
          ...(types.has('articles') ? page.articles.map((a) => ({ kind: 'article' as const, id: a.id, data: a })) : []),
          ...(types.has('events') ? page.events.map((e) => ({ kind: 'event' as const, id: e.id, data: { ...e, ref: `ev${e.id}` } })) : []),
        ];
        // Skip past what is not sent too, so the position moves on.
        const lastArticle = page.articles[page.articles.length - 1]?.id ?? at.articleId;
        const lastEvent = page.events[page.events.length - 1]?.id ?? at.eventId;
        for (const m of messages) {
          if (m.kind === 'article') at = { ...at, articleId: m.id };
          else at = { ...at, eventId: m.id };
          await stream.writeSSE({ event: m.kind, id: `${at.articleId}:${at.eventId}`, data: JSON.stringify(m.data) });
          lastSent = Date.now();
        }
        at = { articleId: lastArticle, eventId: lastEvent };
        if (page.articles.length === PAGE || page.events.length === PAGE) continue;
        if (Date.now() - lastSent >= PING_MS) {
          await stream.write(': ping\n\n');
          lastSent = Date.now();
        }
        await stream.sleep(pollMs);
      }
    });
  });
}
