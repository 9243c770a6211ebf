// GET /stream: server-sent events of new articles, merged events and alerts. The handler polls
// the store every second (streamPollMs) for rows with ids above the last ones sent (the store
// has no change feed, and serve runs the pipeline in the same process, so polling an indexed
// primary key is cheap and also sees rows written by other processes). Each message's id is
// "<articleId>:<eventId>:<alertId>", the position after it: a client reconnecting with
// Last-Event-ID (or ?after=) resumes there. Without either, the stream starts at the newest rows
// (only what arrives from now on). A ": ping" comment every 15 s keeps proxies from closing the
// stream. Clients written before alerts were streamed send two-part ids; those resume articles
// and events where they were and start alerts at the newest (a client that never asked for
// alerts has no backlog of them to catch up on).
import { z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import type { StreamPage, StreamPosition } from '../store/types.js';
import type { ApiApp, RouteDeps } from './app.js';
import { badRequest } from './errors.js';
import { apiRoute } from './schemas.js';

const PAGE = 200;
const PING_MS = 15_000;
const TYPES = ['articles', 'events', 'alerts'] as const;
type StreamType = (typeof TYPES)[number];
const POSITION = /^(\d+):(\d+)(?::(\d+))?$/;
const POSITION_HINT = 'expected "<articleId>:<eventId>:<alertId>" (or the older "<articleId>:<eventId>")';

const route = apiRoute('stream', {
  method: 'get',
  path: '/stream',
  summary: 'server-sent events: `article`, `event` and `alert` messages as rows are stored (polled every second)',
  request: {
    query: z.object({
      after: z.string().regex(POSITION, POSITION_HINT).optional().openapi({ description: 'resume after these ids (as Last-Event-ID); 0:0:0 replays everything' }),
      types: z
        .string()
        .refine((s) => s.split(',').every((t) => (TYPES as readonly string[]).includes(t.trim())), 'expected a comma list of articles, events, alerts')
        .optional()
        .openapi({ description: 'what to send: a comma list of articles, events, alerts (default all three)' }),
    }),
  },
  responses: { 200: { description: 'an event stream', content: { 'text/event-stream': { schema: z.string() } } } },
});

/** A position from ?after= or Last-Event-ID; alertId null when the client sent the two-part form. */
function position(value: string | undefined): { articleId: number; eventId: number; alertId: number | null } | null {
  if (value === undefined) return null;
  const m = POSITION.exec(value.trim());
  if (!m) throw badRequest(`Last-Event-ID: ${POSITION_HINT}`, 'Last-Event-ID');
  return { articleId: Number(m[1]), eventId: Number(m[2]), alertId: m[3] === undefined ? null : Number(m[3]) };
}

async function startAt(deps: RouteDeps, given: ReturnType<typeof position>): Promise<StreamPosition> {
  if (given && given.alertId !== null) return { ...given, alertId: given.alertId };
  const head = await deps.store.streamHead();
  return given ? { articleId: given.articleId, eventId: given.eventId, alertId: head.alertId } : head;
}

type Message = { kind: 'article' | 'event' | 'alert'; id: number; data: unknown };

/** The page's rows of the asked-for types as messages, in table order (articles, events, alerts). */
function messagesOf(page: StreamPage, types: ReadonlySet<StreamType>): Message[] {
  return [
    ...(types.has('articles') ? page.articles.map((a) => ({ kind: 'article' as const, id: a.id, data: a })) : []),
    ...(types.has('events') ? page.events.map((e) => ({ kind: 'event' as const, id: e.id, data: { ...e, ref: `ev${e.id}` } })) : []),
    ...(types.has('alerts') ? page.alerts.map((a) => ({ kind: 'alert' as const, id: a.id, data: { ...a, eventRef: a.mergedEventId === null ? null : `ev${a.mergedEventId}` } })) : []),
  ];
}

const idOf = (at: StreamPosition) => `${at.articleId}:${at.eventId}:${at.alertId}`;

export function registerStream(app: ApiApp, deps: RouteDeps): void {
  const pollMs = deps.streamPollMs ?? 1000;
  app.openapi(route, async (c) => {
    const q = c.req.valid('query');
    const types = new Set((q.types ?? TYPES.join(',')).split(',').map((t) => t.trim() as StreamType));
    let at = await startAt(deps, position(q.after) ?? position(c.req.header('last-event-id')));
    const signal = c.req.raw.signal;
    return streamSSE(c, async (stream) => {
      let aborted = false;
      stream.onAbort(() => {
        aborted = true;
      });
      let lastSent = Date.now();
      while (!aborted && !signal.aborted) {
        const page = await deps.store.streamAfter(at, PAGE);
        // Skip past what is not sent too, so the position moves on.
        const next: StreamPosition = {
          articleId: page.articles[page.articles.length - 1]?.id ?? at.articleId,
          eventId: page.events[page.events.length - 1]?.id ?? at.eventId,
          alertId: page.alerts[page.alerts.length - 1]?.id ?? at.alertId,
        };
        for (const m of messagesOf(page, types)) {
          if (m.kind === 'article') at = { ...at, articleId: m.id };
          else if (m.kind === 'event') at = { ...at, eventId: m.id };
          else at = { ...at, alertId: m.id };
          await stream.writeSSE({ event: m.kind, id: idOf(at), data: JSON.stringify(m.data) });
          lastSent = Date.now();
        }
        at = next;
        if (page.articles.length === PAGE || page.events.length === PAGE || page.alerts.length === PAGE) continue;
        if (Date.now() - lastSent >= PING_MS) {
          await stream.write(': ping\n\n');
          lastSent = Date.now();
        }
        await stream.sleep(pollMs);
      }
    });
  });
}
