// Filter arguments shared by the commands that read events and insights (timeline, trends,
// personnel): actors (--actor, --dyad, --person) resolved through the registry, and days
// (--since, --until).
import { ReadoutError } from '../core/errors.js';
import { loadRegistry } from '../registry/load.js';
import { normalizeName } from '../registry/normalize.js';
import type { Registry } from '../registry/types.js';
import type { ActorMatch } from '../store/types.js';
import type { CliContext } from './context.js';

/** The registry from the config's files, loaded on first call (commands without actor filters never load it). */
export function lazyRegistry(ctx: Pick<CliContext, 'config'>): () => Registry {
  let registry: Registry | null = null;
  return () => {
    if (!registry) {
      const { files, userFile } = ctx.config().registry;
      registry = loadRegistry({ files, userFile });
    }
    return registry;
  };
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

export function day(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) return v;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw new ReadoutError('input', `${flag} must be a date (YYYY-MM-DD), not "${value}"`);
  return d.toISOString().slice(0, 10);
}


/** A --since day as a full YYYY-MM-DD: a partial date ("2026", "2026-03") starts on its first day. */
export function sinceDay(value: string | undefined, flag = '--since'): string | undefined {
  const d = day(value, flag);
  return d === undefined ? undefined : d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}

/** An --until day as a full YYYY-MM-DD: a partial date ends on its last day. */
export function untilDay(value: string | undefined, flag = '--until'): string | undefined {
  const d = day(value, flag);
  if (d === undefined || d.length === 10) return d;
  if (d.length === 4) return `${d}-12-31`;
  const [y, m] = d.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
