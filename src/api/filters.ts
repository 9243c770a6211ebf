// Actor and day filters of the event and insight routes, parsed as the CLI parses its flags
// (src/cli/filters.ts: registry ids, ISO3 codes or names; AAA-BBB or A,B dyads).
import { z } from '@hono/zod-openapi';
import { ReadoutError } from '../core/errors.js';
import { parseDyad, resolveActor, resolveKnownActor } from '../registry/resolve.js';
import { sinceDay, untilDay } from '../core/days.js';
import type { Registry } from '../registry/types.js';
import type { ActorMatch } from '../store/types.js';
import { badRequest } from './errors.js';

export const actorParam = z.string().min(1).max(200).optional().openapi({ description: 'a registry id ("org:prk-mfa"), an ISO3 code ("PRK") or a name', example: 'PRK' });
export const dyadParam = z.string().min(3).max(400).optional().openapi({ description: 'two actors: AAA-BBB (ISO3 codes) or A,B', example: 'USA-PRK' });
export const dayParam = (what: string) => z.string().optional().openapi({ description: `${what} (YYYY-MM-DD; YYYY-MM and YYYY allowed)` });

/** Turns the CLI helpers' ReadoutErrors into 400s naming the query field. */
function field<T>(name: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof ReadoutError) throw badRequest(`${name}: ${err.message.replace(/^(?:--)?[a-z]+:? (?=must |")/, '')}`, name);
    throw err;
  }
}

export function actorOf(value: string, name: string, registry: Registry): ActorMatch {
  return field(name, () => resolveActor(value, registry));
}

export function dyadOf(value: string, registry: Registry): { a: ActorMatch; b: ActorMatch; labels: [string, string] } {
  const [a, b] = field('dyad', () => parseDyad(value, 'dyad'));
  const side = (s: string) => (/^[A-Za-z]{3}$/.test(s) ? s.toUpperCase() : s);
  // Each side must be in the registry: an unknown code is a 400 naming it, not an empty answer.
  const known = (s: string) => field('dyad', () => resolveKnownActor(s, registry, 'dyad'));
  return { a: known(a), b: known(b), labels: [side(a), side(b)] };
}

/** Inclusive day bounds, partial dates widened; 400 when since is after until. */
export function dayRange(since: string | undefined, until: string | undefined): { since?: string; until?: string } {
  const s = field('since', () => sinceDay(since, 'since'));
  const u = field('until', () => untilDay(until, 'until'));
  if (s && u && s > u) throw badRequest(`since: ${s} is after until ${u}`, 'since');
  return { since: s, until: u };
}
