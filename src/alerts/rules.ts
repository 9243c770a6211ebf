// Watch rules: what a rule says (RuleSpec, validated with zod, the same shape in the YAML rules
// file, the API and the CLI) and its actors resolved once against the registry when the rule is
// saved (ResolvedRule), so the matcher (matcher.ts) stays pure and needs no registry.
import { randomBytes } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { EVENT_TYPES } from '../analyze/types.js';
import { resolveActor } from '../registry/resolve.js';
import { SINK_NAME } from '../config/config.js';
import { ReadoutError } from '../core/errors.js';
import { normalizeName } from '../registry/normalize.js';
import type { Registry } from '../registry/types.js';
import type { ActorMatch } from '../store/types.js';

const actor = z.string().trim().min(1).max(200);

/** The personnel changes a rule may watch (every observed change but "holds"). */
export const PERSONNEL_CHANGES = ['appointed', 'dismissed', 'punished', 'kept', 'resigned', 'promoted', 'nominated', 'former'] as const;

/** Personnel moves read from articles (role observations, src/insights/personnel.ts). */
export const PersonnelConditionSchema = z
  .object({
    /** Any of these changes; default every change. */
    changes: z.array(z.enum(PERSONNEL_CHANGES)).min(1).max(PERSONNEL_CHANGES.length).optional(),
    /** The institution: registry id, or its name or alias (case-insensitive). */
    org: actor.optional(),
    /** The person: registry id, candidate key or name (case-insensitive). */
    person: actor.optional(),
  })
  .strict();

/** An attention spike (src/insights/spikes.ts) in one subject's series, in the bucket of the article just analysed. */
export const SpikeConditionSchema = z
  .object({
    actor: actor.optional(),
    /** Co-mention for articles; events either way. */
    dyad: z.object({ a: actor, b: actor }).strict().optional(),
    /** Articles the full-text search matches (series "articles" only). */
    keyword: z.string().trim().min(1).max(200).optional(),
    by: z.enum(['day', 'week']).default('day'),
    /** Articles (attention) or merged real-world events. */
    series: z.enum(['articles', 'events']).default('articles'),
  })
  .strict()
  .refine((s) => [s.actor, s.dyad, s.keyword].filter((x) => x !== undefined).length === 1, { message: 'a spike needs exactly one of actor, dyad or keyword' })
  .refine((s) => s.keyword === undefined || s.series === 'articles', { message: 'a keyword spike counts articles (series: articles)' });

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
    /** A personnel rule: fires on observed moves, not on events (no event condition with it). */
    personnel: PersonnelConditionSchema.optional(),
    /** A spike rule: fires when the analysed article's bucket of the subject's series is a spike (no event condition with it). */
    spike: SpikeConditionSchema.optional(),
  })
  .strict();

const EVENT_CONDITIONS = ['actors', 'dyad', 'types', 'minAbsIntensity', 'minIntensity', 'maxIntensity', 'keywords'] as const;

/** What a rule fires on: merged events, personnel moves or spikes. */
export type RuleKind = 'event' | 'personnel' | 'spike';
export function ruleKind(match: Pick<RuleMatch, 'personnel' | 'spike'>): RuleKind {
  return match.personnel ? 'personnel' : match.spike ? 'spike' : 'event';
}

/** Why a rule body's `log` delivery may not name a file, and what to use instead. */
export const FILE_REFUSED = 'a rule cannot name a file to write; use {kind: log, sink: NAME} with a sink the operator configured in alerts.logSinks (a file in <dataDir>/alerts/), or {kind: log} for the server log';

export const DeliverySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('webhook'), url: z.string().url().refine((u) => /^https?:/i.test(u), 'webhook url must be http(s)'), secret: z.string().min(16).max(200) }).strict(),
  /**
   * A JSON line per alert appended to the file the operator gave this sink in config
   * alerts.logSinks (inside <dataDir>/alerts/); without a sink, a log line (info). A rule never
   * names a file: `file` (accepted before) is refused here, for the API, the CLI and the rules file.
   */
  z.object({
    kind: z.literal('log'),
    sink: z.string().regex(SINK_NAME, 'a sink name (letters, digits, _ and -) from config alerts.logSinks').optional(),
    file: z.never({ error: FILE_REFUSED }).optional(),
  }).strict(),
]);

/** The delivery row's target: the webhook URL, "sink:NAME", or "log" (a legacy `file` path is kept as it was stored, to be refused). */
export function deliveryTarget(d: Delivery): string {
  if (d.kind === 'webhook') return d.url;
  const legacy = (d as { file?: unknown }).file;
  return d.sink !== undefined ? `sink:${d.sink}` : typeof legacy === 'string' ? legacy : 'log';
}

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
  })
  .superRefine((r, ctx) => {
    const m = r.match;
    if (m.personnel && m.spike) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['match'], message: 'a rule watches personnel or a spike, not both' });
    const kind = m.personnel ? 'personnel' : m.spike ? 'spike' : null;
    const mixed = EVENT_CONDITIONS.find((k) => m[k] !== undefined);
    if (kind && mixed) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['match', mixed], message: `a ${kind} rule takes no event condition (${mixed})` });
  });

export type RuleSpec = z.infer<typeof RuleSpecSchema>;
export type RuleMatch = z.infer<typeof RuleMatchSchema>;
export type Delivery = z.infer<typeof DeliverySchema>;

/** A rule's actor filters as timeline filters use them. */
export interface ResolvedMatch {
  actors: ActorMatch[];
  dyad: { a: ActorMatch; b: ActorMatch; directed: boolean } | null;
  /** Personnel rules: the person as registry ids / names, the institution as ids / names. */
  personnel?: { person: ActorMatch | null; org: { ids: string[]; names: string[] } | null };
  /** Spike rules: the subject's actors. */
  spike?: { actor: ActorMatch | null; dyad: { a: ActorMatch; b: ActorMatch } | null };
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
  const out: ResolvedMatch = {
    actors: (m.actors ?? []).map((a) => resolveActor(a, registry)),
    dyad: m.dyad ? { a: resolveActor(m.dyad.a, registry), b: resolveActor(m.dyad.b, registry), directed: m.dyad.directed } : null,
  };
  if (m.personnel) {
    const { person, org } = m.personnel;
    out.personnel = { person: person ? resolveActor(person, registry) : null, org: org ? resolveOrg(org, registry) : null };
  }
  if (m.spike) {
    const { actor: a, dyad } = m.spike;
    out.spike = { actor: a ? resolveActor(a, registry) : null, dyad: dyad ? { a: resolveActor(dyad.a, registry), b: resolveActor(dyad.b, registry) } : null };
  }
  return out;
}

/** An institution named by id, name or alias: the organisation ids the registry knows for it, and the name itself. */
export function resolveOrg(arg: string, registry: Pick<Registry, 'get' | 'lookup'> | null): { ids: string[]; names: string[] } {
  const a = arg.trim();
  const ids = new Set<string>([a]);
  const names = new Set<string>([a.toLowerCase()]);
  if (registry) {
    for (const hit of registry.lookup(normalizeName(a))) {
      if (hit.via !== 'name' && hit.via !== 'alias' && hit.via !== 'metonym') continue;
      const found = registry.get(hit.actorId);
      if (found?.type !== 'organization') continue;
      ids.add(found.id);
      names.add(found.name.toLowerCase());
    }
  }
  return { ids: [...ids], names: [...names] };
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
