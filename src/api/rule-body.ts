// The rule body POST /rules, PUT /rules/{id} and POST /rules/test take, in one place so the dry
// run (rules-test.ts) validates and resolves a rule exactly as saving it would.
import { z } from '@hono/zod-openapi';
import { checkSinks } from '../alerts/log-sink.js';
import { parseRuleSpec, resolveRule, type NewRule } from '../alerts/rules.js';
import type { RouteDeps } from './app.js';
import { badRequest } from './errors.js';
import { Json } from './schemas.js';

/** The request body of the rule routes (validated by parseRuleSpec, which names the field at fault). */
export const ruleBody = {
  body: {
    required: true,
    content: {
      'application/json': {
        schema: Json.openapi({ description: 'a rule: {name, description?, enabled?, match: {actors?, dyad?, types?, minAbsIntensity?, minIntensity?, maxIntensity?, keywords?, skipNegated?, personnel?: {changes?, org?, person?}, spike?: {actor? | dyad?: {a, b} | keyword?, by?: day|week, series?: articles|events}}, deliver: [{kind: "webhook", url, secret} | {kind: "log", sink?: a name from config alerts.logSinks}]} (a rule never names a file: `file` is refused)' }),
      },
    },
  },
};

export const idParam = z.object({ id: z.coerce.number().int().min(1).openapi({ param: { name: 'id', in: 'path' } }) });

/** The body as a rule to save: validated (400 naming the field) and its actors resolved against the registry. */
export async function ruleFromBody(deps: RouteDeps, input: unknown): Promise<NewRule & { origin: 'api' }> {
  let parsed;
  try {
    parsed = parseRuleSpec(input);
  } catch (err) {
    // parseRuleSpec says "rule: match.types.0: …": the path is the field a client can point at.
    const message = (err as Error).message.replace(/^rule: /, '');
    const path = /^([\w.]+): /.exec(message)?.[1];
    throw badRequest(message, path ?? 'body');
  }
  try {
    checkSinks(parsed, deps.config.alerts.logSinks);
  } catch (err) {
    throw badRequest((err as Error).message, /^([\w.]+): /.exec((err as Error).message)?.[1] ?? 'deliver');
  }
  return { spec: parsed, resolved: resolveRule(parsed, await deps.registry()), origin: 'api' as const };
}
