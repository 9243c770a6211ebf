// The YAML formats of registry files, checked with zod so a bad entry in a user's file is reported
// with the file, the entry and what to fix instead of failing somewhere in the analyzer.
import { parse } from 'yaml';
import { z } from 'zod';
import { ReadoutError } from '../core/errors.js';
import type { Actor } from './types.js';

export const ACTOR_TYPES = ['person', 'organization', 'country', 'place', 'other'] as const;
export const ID_RE = /^[a-z]+:[A-Za-z0-9][A-Za-z0-9._-]*$/;
const DATE_RE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

const text = z.string().trim().min(1, 'must not be empty');
const texts = z.array(text);
/** YAML reads `start: 2019` as a number: accept it and keep the partial date as a string. */
const partialDate = z
  .union([z.string(), z.number().int()])
  .transform((v) => String(v))
  .refine((v) => DATE_RE.test(v), { message: 'dates are YYYY, YYYY-MM or YYYY-MM-DD' });

const RoleSchema = z
  .object({
    title: text,
    org: z.string().regex(ID_RE, 'org must be a registry id like org:prk-mfa').nullish(),
    start: partialDate.nullish(),
    end: partialDate.nullish(),
  })
  .strict();

export const ActorEntrySchema = z
  .object({
    id: z.string().regex(ID_RE, 'ids look like type:slug, e.g. person:kim-yo-jong or org:prk-mfa'),
    type: z.enum(ACTOR_TYPES).optional(),
    name: text.optional(),
    aliases: texts.optional(),
    country: z.string().regex(/^[A-Z]{3}$/, 'country is an ISO 3166-1 alpha-3 code in capitals, e.g. PRK').nullish(),
    parent: z.string().regex(ID_RE, 'parent must be a registry id like org:prk-government').nullish(),
    kind: text.nullish(),
    gender: z.enum(['m', 'f']).nullish(),
    nameOrder: z.enum(['eastern', 'western']).optional(),
    roles: z.array(RoleSchema).optional(),
    demonyms: texts.optional(),
    metonyms: texts.optional(),
    generic: texts.optional(),
    mergedInto: z.string().regex(ID_RE, 'mergedInto must be a registry id').nullish(),
  })
  .strict()
  .superRefine((e, ctx) => {
    // A bare `{id, mergedInto}` marks an existing entry as a duplicate; anything else is a full entry.
    if (e.mergedInto && e.type === undefined && e.name === undefined) return;
    if (e.type === undefined) ctx.addIssue({ code: 'custom', path: ['type'], message: `type is required (${ACTOR_TYPES.join('|')})` });
    if (e.name === undefined) ctx.addIssue({ code: 'custom', path: ['name'], message: 'name is required' });
  });

export type ActorEntry = z.infer<typeof ActorEntrySchema>;

const CountryPatchSchema = z
  .object({
    name: text.optional(),
    aliases: texts.optional(),
    demonyms: texts.optional(),
    metonyms: texts.optional(),
    /** Spellings from the countries package that are wrong or misleading here. */
    drop: texts.optional(),
  })
  .strict();

export const CountriesFileSchema = z
  .object({
    version: z.union([z.string(), z.number()]).transform(String),
    /** Codes that are also English words or common abbreviations ("IN", "IT", "CAN"): never aliases. */
    ambiguous_codes: z.array(z.string()).default([]),
    /** Capitals that are also common words or first names ("Victoria", "Male"): not used as metonyms. */
    ambiguous_capitals: z.array(z.string()).default([]),
    countries: z.record(z.string().regex(/^[A-Z]{3}$/), CountryPatchSchema).default({}),
  })
  .strict();

export type CountriesFile = z.infer<typeof CountriesFileSchema>;

export const ActorsFileSchema = z
  .object({
    version: z.union([z.string(), z.number()]).transform(String).optional(),
    actors: z.array(z.unknown()).nullish(),
  })
  .strict();

/** Bare `{id, mergedInto}` records: completed from the earlier entry with the same id. */
export const MERGE_ONLY = new WeakSet<Actor>();

const hint = 'see data/registry/people.yaml for the format; fix or remove the entry';

/** Parses YAML text, naming the file when it is not YAML. */
export function parseYamlFile(path: string, raw: string): unknown {
  try {
    return parse(raw);
  } catch (err) {
    throw new ReadoutError('config', `registry file ${path} is not valid YAML: ${(err as Error).message}`, { hint: 'fix the YAML syntax' });
  }
}

function issueText(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

/** Reads an actors file ({version, actors: [...]}) into actors tagged with their origin. */
export function parseActorsFile(path: string, raw: string, origin: string): { version: string | null; actors: Actor[] } {
  const doc = parseYamlFile(path, raw);
  if (doc === null || doc === undefined) return { version: null, actors: [] };
  const top = ActorsFileSchema.safeParse(doc);
  if (!top.success) {
    throw new ReadoutError('config', `registry file ${path}: ${issueText(top.error)}`, {
      hint: 'the file is a mapping with `version` and `actors` (a list of entries)',
    });
  }
  const actors: Actor[] = [];
  (top.data.actors ?? []).forEach((item, i) => {
    const r = ActorEntrySchema.safeParse(item);
    if (!r.success) {
      const id = item && typeof item === 'object' && 'id' in item ? ` (${String((item as { id: unknown }).id)})` : '';
      throw new ReadoutError('config', `registry file ${path}, entry ${i + 1}${id}: ${issueText(r.error)}`, { hint });
    }
    actors.push(toActor(r.data, origin));
  });
  return { version: top.data.version ?? null, actors };
}

function toActor(e: ActorEntry, origin: string): Actor {
  const a: Actor = {
    id: e.id,
    type: e.type ?? 'other',
    name: e.name ?? '',
    aliases: e.aliases ?? [],
    country: e.country ?? null,
    origin,
  };
  if (e.parent) a.parent = e.parent;
  if (e.kind) a.kind = e.kind;
  if (e.gender) a.gender = e.gender;
  if (e.nameOrder) a.nameOrder = e.nameOrder;
  if (e.roles) a.roles = e.roles.map((r) => ({ title: r.title, org: r.org ?? null, start: r.start ?? null, end: r.end ?? null }));
  if (e.demonyms) a.demonyms = e.demonyms;
  if (e.metonyms) a.metonyms = e.metonyms;
  if (e.generic) a.generic = e.generic;
  if (e.mergedInto) a.mergedInto = e.mergedInto;
  if (e.type === undefined && e.name === undefined) MERGE_ONLY.add(a);
  return a;
}

export function parseCountriesFile(path: string, raw: string): CountriesFile {
  const r = CountriesFileSchema.safeParse(parseYamlFile(path, raw));
  if (!r.success) throw new ReadoutError('config', `registry file ${path}: ${issueText(r.error)}`, { hint: 'fix the entry' });
  return r.data;
}
