// Watch rules: what a rule says (RuleSpec, validated with zod, the same shape in the YAML rules
// file, the API and the CLI) and its actors resolved once against the registry when the rule is
// saved (ResolvedRule), so the matcher (matcher.ts) stays pure and needs no registry.
import { randomBytes } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { EVENT_TYPES } from '../analyze/types.js';
import { resolveActor } from '../cli/filters.js';
import { ReadoutError } from '../core/errors.js';
import type { Registry } from '../registry/types.js';
import type { ActorMatch } from '../store/types.js';

const actor = z.string().trim().min(1).max(200);

export const RuleMatchSchema = z
  .object({
    /** The event's source or target is any of these (registry id, ISO3 code or name). */
    actors: z.array(actor).max(50).optional(),
    /** Events between two actors: a → b when directed, else either way. */
    dyad: z.object({ a: actor, b: actor, directed: z.boolean().default(false) }).strict().optional(),
    /** Event types (EVENT_TYPES, e.g. THREATEN); any of them. */
    types: z.array(z.enum(EVENT_TYPES)).max(EVENT_TYPES.length).optional(),
    /** |intensity| ≥ this. */
    minAbsIntensity: z.number().min(0).max(10).optional(),
    /** Signed bounds on the event's intensity (e.g. max: -5 for conflictual events only). */
    minIntensity: z.number().min(-10).max(10).optional(),
    maxIntensity: z.number().min(-10).max(10).optional(),
    /** Any of these words or phrases (case-insensitive) in a report's quote or evidence sentence. */
    keywords: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
    /** Skip negated events ("did not threaten"); default true. */
    skipNegated: z.boolean().default(true),
  })
  .strict();

export const DeliverySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('webhook'), url: z.string().url().refine((u) => /^https?:/i.test(u), 'webhook url must be http(s)'), secret: z.string().min(16).max(200) }).strict(),
  /** A JSON line per alert appended to this file; without a file, a log line (info). */
  z.object({ kind: z.literal('log'), file: z.string().min(1).optional() }).strict(),
]);

export const RuleSpecSchema = z
  .object({
    name: z.string().trim().min(1).max(100).regex(/^[\w.\- ]+$/, 'rule names use letters, digits, space, . _ -'),
    description: z.string().max(500).optional(),
    enabled: z.boolean().default(true),
    match: RuleMatchSchema,
    /** Push deliveries; every rule also has its Atom feed (GET /rules/{id}/atom). */
    deliver: z.array(DeliverySchema).max(10).default([]),
  })
  .strict()
  .refine((r) => r.match.minIntensity === undefined || r.match.maxIntensity === undefined || r.match.minIntensity <= r.match.maxIntensity, {
    message: 'match.minIntensity is above match.maxIntensity',
  });

export type RuleSpec = z.infer<typeof RuleSpecSchema>;
export type RuleMatch = z.infer<typeof RuleMatchSchema>;
export type Delivery = z.infer<typeof DeliverySchema>;

/** A rule's actor filters as timeline filters use them. */
export interface ResolvedMatch {
  actors: ActorMatch[];
  dyad: { a: ActorMatch; b: ActorMatch; directed: boolean } | null;
}

/** A stored rule. */
export interface Rule {
  id: number;
  name: string;
  spec: RuleSpec;
  resolved: ResolvedMatch;
  /** Lets a feed reader read GET /rules/{id}/atom?token=… without an API token. */
  feedToken: string;
  /** 'api' (API or CLI) or 'file' (config alerts.rulesFile). */
  origin: 'api' | 'file';
  createdAt: string;
  updatedAt: string;
}

export interface NewRule {
  spec: RuleSpec;
  resolved: ResolvedMatch;
  origin: 'api' | 'file';
}

/** Validates a rule; ReadoutError('input') naming the field. */
export function parseRuleSpec(input: unknown, where = 'rule'): RuleSpec {
  const result = RuleSpecSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ReadoutError('input', `${where}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return result.data;
}

/** Resolves the rule's actors (registry null: ISO3 codes, ids and exact names only). */
export function resolveRule(spec: RuleSpec, registry: Pick<Registry, 'get' | 'lookup' | 'country'> | null): ResolvedMatch {
  const m = spec.match;
  return {
    actors: (m.actors ?? []).map((a) => resolveActor(a, registry)),
    dyad: m.dyad ? { a: resolveActor(m.dyad.a, registry), b: resolveActor(m.dyad.b, registry), directed: m.dyad.directed } : null,
  };
}

/** The rules of a YAML file: `rules: [ … ]` (or a bare list). */
export function parseRulesYaml(text: string, file: string): RuleSpec[] {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    throw new ReadoutError('config', `${file} is not valid YAML: ${(err as Error).message}`);
  }
  const list = Array.isArray(doc) ? doc : doc && typeof doc === 'object' ? (doc as { rules?: unknown }).rules : undefined;
  if (!Array.isArray(list)) throw new ReadoutError('config', `${file}: expected a list of rules under "rules:"`);
  const specs = list.map((r, i) => parseRuleSpec(r, `${file}: rule ${i + 1}`));
  const names = new Set<string>();
  for (const s of specs) {
    if (names.has(s.name)) throw new ReadoutError('config', `${file}: two rules are named "${s.name}"`);
    names.add(s.name);
  }
  return specs;
}

export function newFeedToken(): string {
  return `rdf_${randomBytes(18).toString('base64url')}`;
}
