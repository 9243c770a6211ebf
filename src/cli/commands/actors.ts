// `readout actors list|show|add|merge`: browse the actor registry and correct it in the user's
// own file (config registry.userFile). Shipped data is never edited; user entries override it.
import type { Command } from 'commander';
import { ReadoutError } from '../../core/errors.js';
import { loadRegistry } from '../../registry/load.js';
import { normalizeName } from '../../registry/normalize.js';
import { findActor } from '../../registry/resolve.js';
import { ACTOR_TYPES, ActorEntrySchema, type ActorEntry } from '../../registry/schema.js';
import type { Actor, Registry, RoleSpell } from '../../registry/types.js';
import { appendEntry, markMerged, readUserDoc, saveUserDoc } from '../../registry/user-file.js';
import type { CliContext } from '../context.js';

interface ListOptions {
  type?: string;
  country?: string;
  query?: string;
  json?: boolean;
}

interface AddOptions {
  type: string;
  name: string;
  alias: string[];
  country?: string;
  role: string[];
  gender?: string;
  id?: string;
  parent?: string;
  kind?: string;
}

const collect = (v: string, prev: string[]) => [...prev, v];
const ID_PREFIX: Record<string, string> = { organization: 'org' };

function registryOf(ctx: CliContext): Registry {
  const { files, userFile } = ctx.config().registry;
  return loadRegistry({ files, userFile });
}

function countryCode(registry: Registry, code: string | undefined, flag = '--country'): string | undefined {
  if (code === undefined) return undefined;
  const c = registry.country(code.trim());
  if (!c?.country) throw new ReadoutError('input', `${flag} ${code}: no such country`, { hint: 'use an ISO 3166-1 code such as PRK, KOR or US' });
  return c.country;
}


function matches(a: Actor, o: ListOptions, country: string | undefined): boolean {
  if (o.type && a.type !== o.type) return false;
  if (country && a.country !== country) return false;
  if (o.query) {
    const q = normalizeName(o.query);
    return [a.id, a.name, ...a.aliases].some((s) => normalizeName(s).includes(q));
  }
  return true;
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.min(48, Math.max(...rows.map((r) => r[i]!.length))));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i]!))).join('  ').trimEnd()).join('\n');
}

const span = (r: RoleSpell) => (r.start || r.end ? `${r.start ?? '?'} → ${r.end ?? 'now'}` : 'dates unknown');

function describe(registry: Registry, a: Actor): string {
  const label = (id: string | null | undefined) => (id ? `${id} (${registry.get(id)?.name ?? '?'})` : '');
  const lines = [`${a.id}  ${a.name}  [${a.type}${a.country ? `, ${a.country}` : ''}${a.kind ? `, ${a.kind}` : ''}]`];
  if (a.aliases.length) lines.push(`  aliases: ${a.aliases.join('; ')}`);
  if (a.demonyms?.length) lines.push(`  demonyms: ${a.demonyms.join('; ')}`);
  if (a.metonyms?.length) lines.push(`  metonyms: ${a.metonyms.join('; ')}`);
  if (a.generic?.length) lines.push(`  generic: ${a.generic.join('; ')}`);
  if (a.gender) lines.push(`  gender: ${a.gender}`);
  if (a.nameOrder) lines.push(`  name order: ${a.nameOrder}`);
  if (a.parent) lines.push(`  parent: ${label(a.parent)}`);
  if (a.roles?.length) {
    lines.push('  roles:');
    for (const r of a.roles) lines.push(`    ${pad(span(r), 26)} ${r.title}${r.org ? ` — ${label(r.org)}` : ''}`);
  }
  const { children, people } = related(registry, a.id);
  if (children.length) lines.push(`  children: ${children.map((c) => label(c.id)).join('; ')}`);
  if (people.length) lines.push(`  people: ${people.map((c) => label(c.id)).join('; ')}`);
  lines.push(`  source: ${a.origin ?? 'builtin'}`);
  return lines.join('\n');
}

function related(registry: Registry, id: string): { children: Actor[]; people: Actor[] } {
  const all = [...registry.all()];
  return {
    children: all.filter((x) => x.parent === id),
    people: all.filter((x) => x.type === 'person' && x.roles?.some((r) => r.org === id)),
  };
}

function slug(name: string): string {
  return normalizeName(name).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** "Title@org:id@2024-01-01@2025-06" → a role (org, start and end optional). */
export function parseRole(spec: string): RoleSpell {
  const [title, org, start, end, ...rest] = spec.split('@').map((s) => s.trim());
  if (!title || rest.length) throw new ReadoutError('input', `--role "${spec}": write TITLE[@ORG_ID[@START[@END]]]`, { hint: 'e.g. --role "Minister of Foreign Affairs@org:prk-mfa@2022-06"' });
  return { title, org: org || null, start: start || null, end: end || null };
}

function buildEntry(registry: Registry, o: AddOptions): ActorEntry {
  if (!(ACTOR_TYPES as readonly string[]).includes(o.type)) throw new ReadoutError('input', `--type ${o.type}: unknown type`, { hint: `use ${ACTOR_TYPES.join('|')}` });
  if (o.gender && o.gender !== 'm' && o.gender !== 'f') throw new ReadoutError('input', `--gender ${o.gender}: use m or f`);
  const base = slug(o.name);
  if (!o.id && !base) throw new ReadoutError('input', `cannot make an id from the name "${o.name}"`, { hint: 'give one with --id, e.g. person:kim-yo-jong' });
  const id = o.id ?? `${ID_PREFIX[o.type] ?? o.type}:${base}`;
  if (registry.get(id)) throw new ReadoutError('input', `actor ${id} already exists`, { hint: 'choose another --id, or see `readout actors show ' + id + '`' });
  const roles = o.role.map(parseRole);
  for (const ref of [o.parent, ...roles.map((r) => r.org)]) {
    if (ref && !registry.get(ref)) throw new ReadoutError('input', `no actor "${ref}" in the registry`, { hint: 'use an id from `readout actors list`' });
  }
  const entry = {
    id, type: o.type, name: o.name, aliases: o.alias, country: countryCode(registry, o.country), parent: o.parent, kind: o.kind,
    gender: o.gender, roles: roles.length ? roles : undefined,
  };
  const r = ActorEntrySchema.safeParse(entry);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new ReadoutError('input', `bad actor: ${issue.path.join('.')}: ${issue.message}`);
  }
  return r.data;
}

export function registerActors(program: Command, ctx: CliContext): Command {
  const actors = program.command('actors').description('the actor registry: countries, institutions and people, with aliases and roles');

  actors
    .command('list')
    .description('list actors, optionally filtered')
    .option('--type <type>', ACTOR_TYPES.join('|'))
    .option('--country <code>', 'ISO 3166-1 country code (PRK, KOR, US…)')
    .option('--query <text>', 'part of an id, name or alias')
    .option('--json', 'JSON output')
    .action((opts: ListOptions) => {
      const registry = registryOf(ctx);
      if (opts.type && !(ACTOR_TYPES as readonly string[]).includes(opts.type)) throw new ReadoutError('input', `--type ${opts.type}: unknown type`, { hint: `use ${ACTOR_TYPES.join('|')}` });
      const country = countryCode(registry, opts.country);
      const list = [...registry.all()].filter((a) => matches(a, opts, country));
      if (opts.json) return ctx.out(JSON.stringify(list, null, 2));
      if (!list.length) return ctx.err('no matching actors');
      ctx.out(table([['ID', 'TYPE', 'COUNTRY', 'NAME'], ...list.map((a) => [a.id, a.type, a.country ?? '-', a.name])]));
      ctx.err(`${list.length} actor${list.length === 1 ? '' : 's'} (registry ${registry.version})`);
    });

  actors
    .command('show')
    .description('show one actor: aliases, roles with dates, parent and children')
    .argument('<id-or-name>')
    .option('--json', 'JSON output')
    .action((ref: string, opts: { json?: boolean }) => {
      const registry = registryOf(ctx);
      let actor = findActor(registry, ref);
      const mergedFrom = actor.mergedInto ? actor.id : null;
      while (actor.mergedInto) actor = registry.get(actor.mergedInto)!;
      const { children, people } = related(registry, actor.id);
      if (opts.json) {
        return ctx.out(JSON.stringify({ actor, mergedFrom, parent: actor.parent ? (registry.get(actor.parent) ?? null) : null, children: children.map((c) => c.id), people: people.map((p) => p.id) }, null, 2));
      }
      if (mergedFrom) ctx.err(`${mergedFrom} is merged into ${actor.id}`);
      ctx.out(describe(registry, actor));
    });

  actors
    .command('add')
    .description('add an actor to your registry file')
    .requiredOption('--type <type>', ACTOR_TYPES.join('|'))
    .requiredOption('--name <name>', 'canonical name')
    .option('--alias <alias>', 'other name or spelling (repeatable)', collect, [])
    .option('--country <code>', 'ISO 3166-1 country code')
    .option('--role <role>', 'TITLE[@ORG_ID[@START[@END]]], dates YYYY[-MM[-DD]] (repeatable)', collect, [])
    .option('--gender <m|f>', 'for pronoun resolution')
    .option('--parent <id>', 'parent institution id')
    .option('--kind <kind>', 'kind of organisation (foreign-ministry, party, media…)')
    .option('--id <id>', 'id (default: type and a slug of the name)')
    .action((opts: AddOptions) => {
      const { files, userFile } = ctx.config().registry;
      const entry = buildEntry(registryOf(ctx), opts);
      const doc = readUserDoc(userFile);
      appendEntry(doc, userFile, entry);
      saveUserDoc(doc, userFile, files);
      const after = registryOf(ctx);
      ctx.out(describe(after, after.get(entry.id)!));
      ctx.err(`added ${entry.id} to ${userFile}`);
    });

  actors
    .command('merge')
    .description('record that FROM is a duplicate of INTO: FROM\'s names then resolve to INTO')
    .argument('<from-id>')
    .argument('<into-id>')
    .action((fromId: string, intoId: string) => {
      const { files, userFile } = ctx.config().registry;
      const registry = registryOf(ctx);
      const from = registry.get(fromId);
      const into = registry.get(intoId);
      for (const [ref, a] of [[fromId, from], [intoId, into]] as const) {
        if (!a) throw new ReadoutError('input', `no actor with id "${ref}"`, { hint: 'see `readout actors list --query TEXT` for ids' });
      }
      if (fromId === intoId) throw new ReadoutError('input', 'cannot merge an actor into itself');
      if (from!.mergedInto) throw new ReadoutError('input', `${fromId} is already merged into ${from!.mergedInto}`);
      let root = into!;
      while (root.mergedInto) root = registry.get(root.mergedInto)!;
      if (root.id === fromId) throw new ReadoutError('input', `${intoId} is merged into ${fromId}: merging back would make a loop`);
      const doc = readUserDoc(userFile);
      markMerged(doc, userFile, fromId, root.id);
      saveUserDoc(doc, userFile, files);
      ctx.out(`merged ${fromId} (${from!.name}) into ${root.id} (${root.name}); recorded in ${userFile}`);
    });

  return actors;
}
