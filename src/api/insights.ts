// Insights: GET /trends (attention and tone per day or week for one subject, with spikes, and
// for a dyad both directions and their reciprocity: computeTrend + src/insights/*, the JSON of
// `readout trends --json`), GET /personnel (current post holders) and GET /personnel/changes
// (observed changes with evidence, newest first), as `readout personnel [--changes] --json`.
import { z } from '@hono/zod-openapi';
import { EVENT_TYPES } from '../analyze/types.js';
import { computeTrend, type TrendReport } from '../insights/compute-trend.js';
import { changeFeed, changesInCountry, currentHolders, holdersInCountry, orgMatcher } from '../insights/personnel.js';
import type { PersonnelFilter, TrendSubject } from '../insights/types.js';
import { candidateKey } from '../store/analyses.js';
import type { ApiApp, RouteDeps } from './app.js';
import { badRequest } from './errors.js';
import { actorOf, actorParam, dayParam, dayRange, dyadOf, dyadParam } from './filters.js';
import { cursorSchema, decodeCursor, encodeCursor, limitSchema } from './pagination.js';
import { apiRoute, json, Json, pageOf } from './schemas.js';

const trends = apiRoute('insights', {
  method: 'get',
  path: '/trends',
  summary: 'attention and tone per bucket for exactly one of actor, dyad, type, keyword; spikes flagged; reciprocity for a dyad',
  request: {
    query: z.object({
      actor: actorParam,
      dyad: dyadParam,
      type: z.string().optional().openapi({ description: `event type: ${EVENT_TYPES.join(', ')}` }),
      keyword: z.string().min(1).max(500).optional().openapi({ description: 'articles the full-text search matches' }),
      by: z.enum(['day', 'week']).default('day'),
      since: dayParam('from this day'),
      until: dayParam('to this day'),
    }),
  },
  responses: { 200: json(Json.openapi('Trend', { description: 'the `readout trends --json` object: subject, by, buckets (with spike flags), directions and reciprocity for a dyad' }), 'the trend') },
});

const personnelQuery = z.object({
  org: z.string().min(1).max(200).optional().openapi({ description: 'an institution: registry id or name' }),
  person: z.string().min(1).max(200).optional().openapi({ description: 'a person: registry id or name' }),
  country: z.string().regex(/^[A-Za-z]{3}$/, 'expected an ISO 3166-1 alpha-3 code (PRK, USA …)').optional().openapi({ description: "a country's registry institutions and people (ISO3)" }),
  since: dayParam('observations on or after this day'),
  until: dayParam('observations on or before this day; holders are as of this day (default today)'),
});

const holders = apiRoute('insights', {
  method: 'get',
  path: '/personnel',
  summary: 'who holds which post in each institution (registry roles updated by what articles report)',
  request: { query: personnelQuery },
  responses: { 200: json(z.object({ asOf: z.string(), institutions: z.array(Json) }).openapi('Personnel'), 'post holders per institution') },
});

const changes = apiRoute('insights', {
  method: 'get',
  path: '/personnel/changes',
  summary: 'observed personnel changes (appointed, dismissed, resigned …) newest first, with evidence',
  request: { query: personnelQuery.extend({ limit: limitSchema(), cursor: cursorSchema }) },
  responses: { 200: json(pageOf(Json, 'PersonnelChangePage'), 'a page of changes') },
});

/** Role observations read per request (as `readout personnel --limit` default). */
const MAX_RECORDS = 10_000;

export function registerInsights(app: ApiApp, deps: RouteDeps): void {
  app.openapi(trends, async (c) => {
    const q = c.req.valid('query');
    const chosen = (['actor', 'dyad', 'type', 'keyword'] as const).filter((k) => q[k] !== undefined);
    if (chosen.length !== 1) throw badRequest('give exactly one of actor, dyad, type and keyword', chosen[1] ?? 'actor');
    const filter = { by: q.by, ...dayRange(q.since, q.until) };
    let subject: TrendSubject;
    let label: TrendReport['subject'];
    const labels = { a: 'A', b: 'B' };
    if (q.actor !== undefined) {
      subject = { kind: 'actor', actor: actorOf(q.actor, 'actor', await deps.registry()) };
      label = { kind: 'actor', label: q.actor.trim() };
    } else if (q.dyad !== undefined) {
      const d = dyadOf(q.dyad, await deps.registry());
      subject = { kind: 'dyad', a: d.a, b: d.b };
      Object.assign(labels, { a: d.labels[0], b: d.labels[1] });
      label = { kind: 'dyad', label: `${labels.a}-${labels.b}`, a: labels.a, b: labels.b };
    } else if (q.type !== undefined) {
      const type = q.type.trim().toUpperCase();
      if (!(EVENT_TYPES as readonly string[]).includes(type)) throw badRequest(`type: must be one of ${EVENT_TYPES.join(', ')}, not "${q.type}"`, 'type');
      subject = { kind: 'type', type };
      label = { kind: 'type', label: type };
    } else {
      subject = { kind: 'keyword', text: q.keyword! };
      label = { kind: 'keyword', label: q.keyword!.trim() };
    }
    const trend = await computeTrend(deps.store, subject, filter, labels);
    const report: TrendReport = { subject: label, since: filter.since ?? null, until: filter.until ?? null, ...trend };
    return c.json(report as unknown as Record<string, unknown>, 200);
  });

  const read = async (q: z.infer<typeof personnelQuery>, changesOnly: boolean) => {
    const { since, until } = dayRange(q.since, q.until);
    const registry = await deps.registry();
    const filter: PersonnelFilter = { since, until, changesOnly, limit: MAX_RECORDS };
    let personKeys: string[] | undefined;
    if (q.person !== undefined) {
      const match = actorOf(q.person, 'person', registry);
      const key = candidateKey(q.person);
      personKeys = match.ids ?? [];
      filter.person = { keys: [...personKeys, ...(key ? [key] : [])], names: match.names ?? [] };
    }
    const org = q.org !== undefined ? orgMatcher(q.org, registry) : undefined;
    return { registry, records: await deps.store.roleRecords(filter), org, personKeys, until };
  };

  app.openapi(holders, async (c) => {
    const q = c.req.valid('query');
    const { registry, records, org, personKeys, until } = await read(q, false);
    const asOf = until ?? deps.now().toISOString().slice(0, 10);
    const all = currentHolders(registry, records, { asOf, org, personKeys });
    const institutions = q.country ? holdersInCountry(registry, all, q.country) : all;
    return c.json({ asOf, institutions: institutions as unknown as Record<string, unknown>[] }, 200);
  });

  app.openapi(changes, async (c) => {
    const q = c.req.valid('query');
    const { registry, records, org } = await read(q, true);
    // The feed is assembled from the role observations in memory (at most MAX_RECORDS), so pages are offsets into it.
    const at = decodeCursor('personnel-changes', q.cursor, z.object({ o: z.number().int().min(0) }))?.o ?? 0;
    const all = changeFeed(registry, records, org);
    const feed = q.country ? changesInCountry(registry, all, q.country) : all;
    const items = feed.slice(at, at + q.limit) as unknown as Record<string, unknown>[];
    return c.json({ items, nextCursor: feed.length > at + q.limit ? encodeCursor('personnel-changes', { o: at + q.limit }) : null }, 200);
  });
}
