// `readout timeline [--actor A] [--dyad AAA-BBB [--directed]] [--since D] [--until D] [--json|--md]`:
// the merged real-world events (one per event, however many outlets reported it), in date
// order, with their reports and response arrows. JSON follows ../shared/contracts/cli.md.
//
// --actor takes a registry id ("country:PRK", "org:prk-mfa"), an ISO3 code ("PRK") or a name
// ("North Korea", resolved through the registry, and matched as written too). --dyad A-B takes
// two ISO3 codes (or two actors separated by a comma: "org:prk-mfa,USA") and matches events
// between them either way (A → B and B → A: an exchange and its answers); --directed keeps A → B.
import type { Command } from 'commander';
import { ReadoutError } from '../../core/errors.js';
import { formatHuman, formatMarkdown, toJson } from '../../events/timeline.js';
import { loadRegistry } from '../../registry/load.js';
import { normalizeName } from '../../registry/normalize.js';
import type { Registry } from '../../registry/types.js';
import type { ActorMatch, TimelineFilter } from '../../store/types.js';
import type { CliContext } from '../context.js';

interface TimelineOptions {
  actor?: string;
  dyad?: string;
  directed?: boolean;
  since?: string;
  until?: string;
  limit: string;
  json?: boolean;
  md?: boolean;
}

/** The ids, countries and names an --actor / --dyad argument stands for. */
export function resolveActor(arg: string, registry: Pick<Registry, 'get' | 'lookup' | 'country'> | null): ActorMatch {
  const a = arg.trim();
  if (!a) throw new ReadoutError('input', 'an empty actor was given', { hint: 'use a registry id, an ISO3 code or a name' });
  const ids = new Set<string>();
  const countries = new Set<string>();
  const names = new Set<string>([a.toLowerCase()]);
  const addActor = (id: string) => {
    const actor = registry?.get(id);
    ids.add(id);
    if (actor?.type === 'country' && actor.country) countries.add(actor.country);
    if (actor) names.add(actor.name.toLowerCase());
  };
  if (/^[A-Za-z]{3}$/.test(a) && (registry === null || registry.country(a.toUpperCase()))) {
    const code = a.toUpperCase();
    countries.add(code);
    const country = registry?.country(code);
    if (country) addActor(country.id);
    else ids.add(`country:${code}`);
  } else if (a.includes(':')) {
    addActor(a);
  } else if (registry) {
    for (const hit of registry.lookup(normalizeName(a))) if (hit.via === 'name' || hit.via === 'alias' || hit.via === 'metonym') addActor(hit.actorId);
  }
  return { ids: [...ids], countries: [...countries], names: [...names] };
}

/** "PRK-USA" or "org:prk-mfa,USA" → its two sides. */
export function parseDyad(arg: string): [string, string] {
  const parts = arg.includes(',') ? arg.split(',') : /^[A-Za-z]{3}-[A-Za-z]{3}$/.test(arg.trim()) ? arg.trim().split('-') : [];
  if (parts.length !== 2 || !parts[0]!.trim() || !parts[1]!.trim()) {
    throw new ReadoutError('input', `--dyad must be AAA-BBB (two ISO3 codes) or A,B (two actors), not "${arg}"`);
  }
  return [parts[0]!.trim(), parts[1]!.trim()];
}

function day(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) return v;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw new ReadoutError('input', `${flag} must be a date (YYYY-MM-DD), not "${value}"`);
  return d.toISOString().slice(0, 10);
}

export function registerTimeline(program: Command, ctx: CliContext): void {
  program
    .command('timeline')
    .description('merged real-world events in date order (one per event, however many reports), with response arrows')
    .option('--actor <actor>', 'events with this actor as source or target: a registry id, an ISO3 code or a name')
    .option('--dyad <A-B>', 'events between two actors, either way (AAA-BBB with ISO3 codes, or A,B)')
    .option('--directed', 'with --dyad: only events from the first actor to the second')
    .option('--since <date>', 'events dated on or after this day (YYYY-MM-DD)')
    .option('--until <date>', 'events dated on or before this day (YYYY-MM-DD)')
    .option('--limit <n>', 'at most this many events', '1000')
    .option('--json', 'JSON output (the contract in ../shared/contracts/cli.md)')
    .option('--md', 'Markdown table, for briefs')
    .action(async (opts: TimelineOptions) => {
      if (opts.json && opts.md) throw new ReadoutError('input', 'choose one of --json and --md');
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new ReadoutError('input', `--limit must be a whole number ≥ 1, not "${opts.limit}"`);
      if (opts.directed && !opts.dyad) throw new ReadoutError('input', '--directed needs --dyad');
      let registry: Registry | null = null;
      const reg = () => {
        if (!registry) {
          const { files, userFile } = ctx.config().registry;
          registry = loadRegistry({ files, userFile });
        }
        return registry;
      };
      const filter: TimelineFilter = { since: day(opts.since, '--since'), until: day(opts.until, '--until'), limit };
      if (opts.actor) filter.actor = resolveActor(opts.actor, reg());
      if (opts.dyad) {
        const [a, b] = parseDyad(opts.dyad);
        filter.dyad = { a: resolveActor(a, reg()), b: resolveActor(b, reg()), directed: !!opts.directed };
      }
      const store = await ctx.store();
      const entries = await store.timeline(filter);
      if (opts.json) return ctx.out(JSON.stringify(entries.map(toJson), null, 2));
      if (entries.length === 0) return ctx.err('no events (they appear as articles are analysed; widen the filters?)');
      ctx.out(opts.md ? formatMarkdown(entries) : formatHuman(entries));
    });
}
