// Actors: the registry (GET /actors, GET /actors/{id}) and candidate actors found in articles
// (GET /candidates; POST /candidates/{key}/confirm|reject for analysts and admins). Registry
// pages are keyset by id. Candidate pages are by offset: the store orders them by article
// count, which changes as articles arrive, and offers no keyset on it.
import { z } from '@hono/zod-openapi';
import { findActor } from '../registry/resolve.js';
import { normalizeName } from '../registry/normalize.js';
import { ACTOR_TYPES } from '../registry/schema.js';
import type { Actor } from '../registry/types.js';
import { candidateActorId, candidateKey, CANDIDATE_STATUSES, keyOfCandidateId } from '../store/analyses.js';
import type { CandidateStatus } from '../store/types.js';
import type { ApiApp, RouteDeps } from './app.js';
import { requireRole } from './auth.js';
import { badRequest, notFound } from './errors.js';
import { cursorSchema, decodeCursor, encodeCursor, limitSchema } from './pagination.js';
import { apiRoute, json, Json, pageOf } from './schemas.js';

const listActors = apiRoute('actors', {
  method: 'get',
  path: '/actors',
  summary: 'registry actors (countries, institutions, people, places), by id',
  request: {
    query: z.object({
      type: z.enum(ACTOR_TYPES).optional(),
      country: z.string().regex(/^[A-Za-z]{2,3}$/, 'expected an ISO 3166-1 code').optional(),
      q: z.string().min(1).max(200).optional().openapi({ description: 'part of an id, name or alias' }),
      limit: limitSchema(),
      cursor: cursorSchema,
    }),
  },
  responses: { 200: json(pageOf(Json, 'ActorPage'), 'a page of actors') },
});

const getActor = apiRoute('actors', {
  method: 'get',
  path: '/actors/{id}',
  summary: 'one actor by id or unique name, with its parent, children and people',
  request: { params: z.object({ id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' }, example: 'country:PRK' }) }) },
  responses: { 200: json(z.object({ actor: Json, mergedFrom: z.string().nullable(), parent: Json.nullable(), children: z.array(z.string()), people: z.array(z.string()) }).openapi('ActorDetail'), 'the actor') },
});

const listCandidates = apiRoute('actors', {
  method: 'get',
  path: '/candidates',
  summary: 'persons and organisations named in articles but unknown to the registry, most articles first',
  request: {
    query: z.object({
      status: z.enum(CANDIDATE_STATUSES as unknown as [CandidateStatus, ...CandidateStatus[]]).optional(),
      type: z.enum(['person', 'organization']).optional(),
      minArticles: z.coerce.number().int().min(0).optional(),
      limit: limitSchema(),
      cursor: cursorSchema,
    }),
  },
  responses: { 200: json(pageOf(Json, 'CandidatePage'), 'a page of candidate actors') },
});

const KeyParam = z.object({ key: z.string().min(1).openapi({ param: { name: 'key', in: 'path' }, description: 'candidate key ("name:anna kowal"), registry id ("candidate:anna-kowal") or the name', example: 'name:anna kowal' }) });

const mark = (action: 'confirm' | 'reject') =>
  apiRoute('actors', {
    method: 'post',
    path: `/candidates/{key}/${action}`,
    summary: action === 'confirm' ? 'confirm a candidate: later analyses resolve the name to it (analyst)' : 'reject a candidate (analyst)',
    middleware: [requireRole('analyst')] as const,
    request: { params: KeyParam },
    responses: { 200: json(z.object({ key: z.string(), status: z.string(), actorId: z.string() }).openapi('CandidateStatusChange'), 'the new status') },
  });

function toKey(arg: string): string {
  if (arg.startsWith('name:')) return arg;
  const key = keyOfCandidateId(arg) ?? candidateKey(arg);
  if (!key) throw badRequest(`key: "${arg}" is not a candidate key`, 'key');
  return key;
}

function matches(a: Actor, q: { type?: string; country?: string; q?: string }): boolean {
  if (q.type && a.type !== q.type) return false;
  if (q.country && a.country !== q.country) return false;
  if (q.q) {
    const n = normalizeName(q.q);
    return [a.id, a.name, ...a.aliases].some((s) => normalizeName(s).includes(n));
  }
  return true;
}

export function registerActors(app: ApiApp, deps: RouteDeps): void {
  app.openapi(listActors, async (c) => {
    const f = c.req.valid('query');
    const registry = await deps.registry();
    let country: string | undefined;
    if (f.country) {
      country = registry.country(f.country)?.country ?? undefined;
      if (!country) throw badRequest(`country: no such country "${f.country}"`, 'country');
    }
    const after = decodeCursor('actors', f.cursor, z.object({ id: z.string() }))?.id;
    const all = [...registry.all()].filter((a) => (after === undefined || a.id > after) && matches(a, { ...f, country })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const items = all.slice(0, f.limit);
    const last = items[items.length - 1];
    return c.json({ items, nextCursor: all.length > f.limit && last ? encodeCursor('actors', { id: last.id }) : null }, 200);
  });

  app.openapi(getActor, async (c) => {
    const { id } = c.req.valid('param');
    const registry = await deps.registry();
    let actor: Actor;
    try {
      actor = findActor(registry, id);
    } catch {
      throw notFound(`no actor "${id}"`);
    }
    const mergedFrom = actor.mergedInto ? actor.id : null;
    while (actor.mergedInto) actor = registry.get(actor.mergedInto)!;
    const all = [...registry.all()];
    const children = all.filter((x) => x.parent === actor.id).map((x) => x.id);
    const people = all.filter((x) => x.type === 'person' && x.roles?.some((r) => r.org === actor.id)).map((x) => x.id);
    return c.json({ actor, mergedFrom, parent: actor.parent ? (registry.get(actor.parent) ?? null) : null, children, people }, 200);
  });

  app.openapi(listCandidates, async (c) => {
    const f = c.req.valid('query');
    const at = decodeCursor('candidates', f.cursor, z.object({ o: z.number().int().min(0) }))?.o ?? 0;
    const rows = await deps.store.listCandidates({ status: f.status, type: f.type, minArticles: f.minArticles, limit: at + f.limit + 1 });
    const items = rows.slice(at, at + f.limit).map((row) => ({ ...row, actorId: candidateActorId(row.key) }));
    return c.json({ items, nextCursor: rows.length > at + f.limit ? encodeCursor('candidates', { o: at + f.limit }) : null }, 200);
  });

  for (const [action, status] of [['confirm', 'confirmed'], ['reject', 'rejected']] as const) {
    app.openapi(mark(action), async (c) => {
      const key = toKey(c.req.valid('param').key);
      await deps.store.setCandidateStatus(key, status);
      deps.reloadRegistry();
      return c.json({ key, status, actorId: candidateActorId(key) }, 200);
    });
  }
}
