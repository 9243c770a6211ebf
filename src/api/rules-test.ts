// POST /rules/test: a dry run of a rule body (the one POST /rules takes) against the stored
// merged events, with nothing saved, recorded or delivered. It only reads, so a viewer may run
// it: the dashboard lets anyone try a rule out before an analyst saves it. The matching is
// src/alerts/dry-run.ts, shared with `readout rules test`, so the answer is what the pipeline's
// matcher would do. The window is on the event's date (what timelines show), `days` back from
// now; the newest SCAN events in it are checked, which bounds the work on a big store.
import { z } from '@hono/zod-openapi';
import { dryRunRefusal, dryRunRule } from '../alerts/dry-run.js';
import { alertTitle } from '../alerts/evaluate.js';
import { toJson } from '../events/timeline.js';
import type { ApiApp, RouteDeps } from './app.js';
import { badRequest } from './errors.js';
import { ruleBody, ruleFromBody } from './rule-body.js';
import { apiRoute, json, Json } from './schemas.js';

/** The most events one dry run checks (the newest in the window). */
export const SCAN = 5000;
const DAY_MS = 86_400_000;

const Hit = z
  .object({
    event: Json.openapi({ description: 'the merged event in the `readout timeline --json` shape (as GET /timeline items)' }),
    reasons: z.array(z.string()).openapi({ description: 'why the rule fires, one reason per condition (as an alert payload\'s reasons)' }),
    title: z.string().openapi({ description: 'the title an alert on this event would have' }),
  })
  .openapi('RuleTestHit');

const route = apiRoute('alerts', {
  method: 'post',
  path: '/rules/test',
  summary: 'dry run: the stored merged events a rule body would fire on, newest first (nothing is saved or sent; event rules only)',
  request: {
    ...ruleBody,
    query: z.object({
      days: z.coerce.number().int().min(1).max(36_500).default(30).openapi({ description: 'events dated within this many days before now (default 30)' }),
      limit: z.coerce.number().int().min(1).max(500).default(50).openapi({ description: 'at most this many matches (default 50)' }),
    }),
  },
  responses: {
    200: json(
      z.object({
        items: z.array(Hit),
        checked: z.number().int().openapi({ description: `events checked (at most the newest ${SCAN} in the window)` }),
        since: z.string().openapi({ description: 'the window\'s first day (YYYY-MM-DD)' }),
      }).openapi('RuleTestResult'),
      'the matching events',
    ),
  },
});

export function registerRuleTest(app: ApiApp, deps: RouteDeps): void {
  app.openapi(route, async (c) => {
    const q = c.req.valid('query');
    const rule = await ruleFromBody(deps, c.req.valid('json'));
    // Refused here, not in dryRunRule, so the 400 names the field the client must change.
    const refusal = dryRunRefusal(rule.spec.name, rule.spec.match);
    if (refusal) throw badRequest(refusal, 'match');
    const since = new Date(deps.now().getTime() - q.days * DAY_MS).toISOString().slice(0, 10);
    const { hits, checked } = await dryRunRule(deps.store, { name: rule.spec.name, ...rule }, { since, scan: SCAN, limit: q.limit });
    return c.json({ items: hits.map((h) => ({ event: toJson(h.entry), reasons: h.reasons, title: alertTitle(h.entry) })), checked, since }, 200);
  });
}
