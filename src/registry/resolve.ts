// An actor named by a user (CLI flag, API parameter, watch rule): one registry actor by id or
// name, or everything an --actor / --dyad argument may stand for (ids, countries, names).
import { ReadoutError } from '../core/errors.js';
import type { ActorMatch } from '../store/types.js';
import { normalizeName } from './normalize.js';
import type { Actor, Registry } from './types.js';

/** An actor by id, else by a name or alias (exactly one), else the one person with that name in another romanisation. */
export function findActor(registry: Registry, ref: string): Actor {
  const byId = registry.get(ref);
  if (byId) return byId;
  const hits = registry.lookup(normalizeName(ref)).filter((h) => h.via === 'name' || h.via === 'alias');
  const ids = [...new Set(hits.map((h) => h.actorId))];
  if (ids.length === 0 && registry.variantOf(ref).length === 1) return registry.get(registry.variantOf(ref)[0]!)!;
  if (ids.length === 1) return registry.get(ids[0]!)!;
  if (ids.length > 1) throw new ReadoutError('input', `"${ref}" names several actors: ${ids.join(', ')}`, { hint: 'give the id' });
  throw new ReadoutError('input', `no actor "${ref}"`, { hint: 'see `readout actors list --query TEXT` for ids and names' });
}

/** The ids, countries and names an --actor / --dyad argument stands for (a person's other romanisation too). */
export function resolveActor(arg: string, registry: (Pick<Registry, 'get' | 'lookup' | 'country'> & Partial<Pick<Registry, 'variantOf'>>) | null): ActorMatch {
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
    const variants = ids.size ? [] : (registry.variantOf?.(a) ?? []);
    if (variants.length === 1) addActor(variants[0]!);
  }
  return { ids: [...ids], countries: [...countries], names: [...names] };
}

/** "PRK-USA" or "org:prk-mfa,USA" → its two sides. */
export function parseDyad(arg: string, flag = '--dyad'): [string, string] {
  const parts = arg.includes(',') ? arg.split(',') : /^[A-Za-z]{3}-[A-Za-z]{3}$/.test(arg.trim()) ? arg.trim().split('-') : [];
  if (parts.length !== 2 || !parts[0]!.trim() || !parts[1]!.trim()) {
    throw new ReadoutError('input', `${flag} must be AAA-BBB (two ISO3 codes) or A,B (two actors), not "${arg}"`);
  }
  return [parts[0]!.trim(), parts[1]!.trim()];
}

/**
 * An actor that must be in the registry (a dyad side): an ISO3 country code, a registry id, or
 * a name or alias. Unlike resolveActor, an unknown one is an error naming it, not a filter that
 * silently matches nothing ("USA-XXX" would answer "no events").
 */
export function resolveKnownActor(arg: string, registry: Pick<Registry, 'get' | 'lookup' | 'country'>, flag: string): ActorMatch {
  const match = resolveActor(arg, registry);
  if ((match.ids ?? []).some((id) => registry.get(id))) return match;
  const what = /^[A-Za-z]{3}$/.test(arg.trim()) ? `"${arg.trim()}" is not a known ISO 3166 alpha-3 country code` : `"${arg.trim()}" is not a known actor`;
  throw new ReadoutError('input', `${flag}: ${what} (give an ISO3 code such as USA, a registry id such as org:prk-mfa, or a name in the registry)`, {
    hint: 'see `readout actors list --query TEXT` for ids and names',
  });
}

/** Both sides of a --dyad argument, each checked against the registry. */
export function resolveDyad(arg: string, registry: Pick<Registry, 'get' | 'lookup' | 'country'>, flag = '--dyad'): { a: ActorMatch; b: ActorMatch } {
  const [a, b] = parseDyad(arg, flag);
  return { a: resolveKnownActor(a, registry, flag), b: resolveKnownActor(b, registry, flag) };
}
