// Watch rules and alerts over HTTP (src/alerts/, docs/api.md "Alerts"): GET /rules, GET
// /rules/{id}, POST /rules, PUT /rules/{id}, DELETE /rules/{id} (analyst+ for writes), POST
// /rules/test (a dry run, rules-test.ts: registered from here so app.ts needs no change), GET
// /alerts, GET /deliveries, and GET /rules/{id}/atom, the rule's Atom feed, which a feed reader
// may read with the rule's feed token in the query (?token=…) instead of a bearer token.
// Webhook secrets are write-only: answers show "***".
import { timingSafeEqual } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { renderAtom } from '../alerts/atom.js';
import { ruleRefusal } from '../alerts/log-sink.js';
import type { Rule } from '../alerts/rules.js';
import type { ApiApp, RouteDeps } from './app.js';
import { requireRole } from './auth.js';
import { ApiError, notFound } from './errors.js';
import { idParam, ruleBody, ruleFromBody } from './rule-body.js';
import { registerRuleTest } from './rules-test.js';
import { apiRoute, json, Json } from './schemas.js';

const Rule = Json.openapi('Rule', { type: 'object', description: 'a stored rule: id, name, spec (secrets shown as ***), feedToken, origin, createdAt, updatedAt, and refused (why it does not fire) for a stored rule that still names a file path' });
const limit = z.coerce.number().int().min(1).max(500).default(50);

/** The rule as the API shows it: webhook secrets hidden; `refused` says why a stored rule that names a file path does not fire. */
export function publicRule(r: Rule): Record<string, unknown> {
  const spec = { ...r.spec, deliver: r.spec.deliver.map((d) => (d.kind === 'webhook' ? { ...d, secret: '***' } : d)) };
  const refused = ruleRefusal(r);
  return { id: r.id, name: r.name, spec, feedToken: r.feedToken, origin: r.origin, createdAt: r.createdAt, updatedAt: r.updatedAt, ...(refused ? { refused } : {}) };
}

const list = apiRoute('alerts', { method: 'get', path: '/rules', summary: 'watch rules', responses: { 200: json(z.object({ items: z.array(Rule) }), 'the rules') } });
const get = apiRoute('alerts', { method: 'get', path: '/rules/{id}', summary: 'one watch rule', request: { params: idParam }, responses: { 200: json(Rule, 'the rule') } });
const create = apiRoute('alerts', { method: 'post', path: '/rules', summary: 'create a watch rule (analyst)', middleware: [requireRole('analyst')] as const, request: ruleBody, responses: { 201: json(Rule, 'the new rule') } });
const update = apiRoute('alerts', { method: 'put', path: '/rules/{id}', summary: 'replace a watch rule (analyst); its alerts and feed token stay', middleware: [requireRole('analyst')] as const, request: { ...ruleBody, params: idParam }, responses: { 200: json(Rule, 'the rule') } });
const remove = apiRoute('alerts', { method: 'delete', path: '/rules/{id}', summary: 'remove a watch rule with its alerts (analyst)', middleware: [requireRole('analyst')] as const, request: { params: idParam }, responses: { 200: json(z.object({ removed: z.number().int() }), 'removed') } });
const alerts = apiRoute('alerts', {
  method: 'get',
  path: '/alerts',
  summary: 'alerts, newest first (one per rule × real-world event, personnel move or spike bucket)',
  request: { query: z.object({ rule: z.coerce.number().int().min(1).optional(), before: z.coerce.number().int().min(1).optional().openapi({ description: 'alerts with ids below this (the next page)' }), limit }) },
  responses: { 200: json(z.object({ items: z.array(Json) }), 'alerts: id, ruleId, mergedEventId (null for personnel and spike alerts), dedupeKey, reportKey, title, payload {kind, rule, reasons, event | personnel | spike}, createdAt') },
});
const deliveries = apiRoute('alerts', {
  method: 'get',
  path: '/deliveries',
  summary: 'alert deliveries with status, attempts, last error and next attempt, newest first',
  request: { query: z.object({ rule: z.coerce.number().int().min(1).optional(), alert: z.coerce.number().int().min(1).optional(), status: z.enum(['pending', 'delivered', 'failed']).optional(), limit }) },
  responses: { 200: json(z.object({ items: z.array(Json) }), 'deliveries') },
});
const atom = apiRoute('alerts', {
  method: 'get',
  path: '/rules/{id}/atom',
  summary: 'the rule\'s alerts as an Atom feed (bearer token, or ?token=<the rule\'s feed token>)',
  request: { params: idParam, query: z.object({ token: z.string().optional().openapi({ description: 'the rule\'s feedToken (instead of a bearer token)' }), limit }) },
  responses: { 200: { description: 'Atom 1.0', content: { 'application/atom+xml': { schema: z.string() } } } },
});

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function registerRules(app: ApiApp, deps: RouteDeps): void {
  registerRuleTest(app, deps);
  const ruleOf = async (id: number) => {
    const rule = await deps.store.getRule(id);
    if (!rule) throw notFound(`no rule ${id}`);
    return rule;
  };
  const spec = (input: unknown) => ruleFromBody(deps, input);
  app.openapi(list, async (c) => c.json({ items: (await deps.store.listRules()).map(publicRule) }, 200));
  app.openapi(get, async (c) => c.json(publicRule(await ruleOf(c.req.valid('param').id)), 200));
  app.openapi(create, async (c) => {
    const rule = await spec(c.req.valid('json'));
    if (await deps.store.getRule(rule.spec.name)) throw new ApiError(409, 'conflict', `a rule named "${rule.spec.name}" exists`, 'name');
    return c.json(publicRule(await deps.store.createRule(rule)), 201);
  });
  app.openapi(update, async (c) => {
    const old = await ruleOf(c.req.valid('param').id);
    const rule = await spec(c.req.valid('json'));
    // A secret given as "***" (what GET shows) keeps the stored one.
    rule.spec.deliver = rule.spec.deliver.map((d) => (d.kind === 'webhook' && d.secret === '***' ? (old.spec.deliver.find((o) => o.kind === 'webhook' && o.url === d.url) ?? d) : d));
    return c.json(publicRule(await deps.store.updateRule(old.id, rule)), 200);
  });
  app.openapi(remove, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await deps.store.removeRule(id))) throw notFound(`no rule ${id}`);
    return c.json({ removed: id }, 200);
  });
  app.openapi(alerts, async (c) => {
    const q = c.req.valid('query');
    return c.json({ items: await deps.store.listAlerts({ ruleId: q.rule, beforeId: q.before, limit: q.limit }) }, 200);
  });
  app.openapi(deliveries, async (c) => {
    const q = c.req.valid('query');
    return c.json({ items: await deps.store.listDeliveries({ ruleId: q.rule, alertId: q.alert, status: q.status, limit: q.limit }) }, 200);
  });
  app.openapi(atom, async (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const rule = await deps.store.getRule(id);
    // Without a bearer token (auth.ts lets feed paths through), the feed token must match.
    if (!c.get('token') && !(rule && q.token && sameToken(q.token, rule.feedToken))) throw new ApiError(401, 'unauthorized', 'a bearer token or this rule\'s feed token (?token=) is needed');
    if (!rule) throw notFound(`no rule ${id}`);
    const items = await deps.store.listAlerts({ ruleId: rule.id, limit: q.limit });
    const self = new URL(c.req.url);
    self.search = '';
    const xml = renderAtom({ rule: { id: rule.id, name: rule.name, description: rule.spec.description }, alerts: items, selfUrl: self.toString(), now: deps.now() });
    return c.body(xml, 200, { 'content-type': 'application/atom+xml; charset=utf-8' });
  });
}
