// Entities as event actors: people roll up to their country and to the institution of the registry
// post they held on the event's date; demonym and metonym mentions stand for their country.
import { normalizeName } from '../../registry/normalize.js';
import { quoteLexicon } from '../quotes/lexicon.js';
import type { RoleSpell, Registry } from '../../registry/types.js';
import type { Entity, EventActor, Quote } from '../types.js';
import type { Placed } from './actors.js';

/**
 * The country of a person or organisation the registry does not know, from the sentence: a country, demonym or
 * national institution in their apposition ("X, chairman of Ruritania's assembly, visited …") or
 * right before the name ("Ruritanian envoy X"); else the article's dominant country (≥ 3 mentions
 * and at least half of all country mentions), else null.
 */
export function personCountry(text: string, person: Placed | undefined, trigStart: number, inSentence: Placed[], dominant: string | null): string | null {
  if (!person) return dominant;
  const hint = inSentence.find((p) => p.e !== person.e && p.e.country && p.e.type !== 'person' && p.e.type !== 'place'
    && ((p.m.start >= person.m.end && p.m.end <= trigStart) || (p.m.end <= person.m.start && person.m.start - p.m.end < 25 && !/\b(?:by|to|in|at|from|with|for|on|and|against)\b/i.test(text.slice(p.m.end, person.m.start)))));
  return hint?.e.country ?? dominant;
}

/** The country most mentions in the article point to, when it clearly dominates. */
export function dominantCountry(all: Placed[]): string | null {
  const counts = new Map<string, number>();
  let total = 0;
  for (const p of all) {
    if (!p.e.country || (p.e.type !== 'country' && p.m.via !== 'demonym')) continue;
    counts.set(p.e.country, (counts.get(p.e.country) ?? 0) + 1);
    total++;
  }
  let best: string | null = null;
  let n = 0;
  for (const [c, k] of counts) if (k > n) [best, n] = [c, k];
  return n >= 3 && n * 2 >= total ? best : null;
}

export function actorOf(e: Entity, registry: Registry, date: string | null): EventActor {
  if (e.type === 'other' && e.country) {
    // "North Korean officials": the demonym gives the country as the actor.
    const c = registry.country(e.country);
    return { name: c?.name ?? e.name, entityId: c?.id ?? null, country: e.country };
  }
  const actor: EventActor = { name: e.name, entityId: e.id, country: e.country };
  if (e.type === 'person') actor.institution = e.id ? roleAt(registry.get(e.id)?.roles ?? [], date)?.org ?? null : registeredAffiliation(e, registry);
  else if (e.type === 'organization') actor.institution = e.id;
  // A UN, EU or NATO official acts for the organisation, not for the country of their nationality.
  if (e.type === 'person' && isInternational(registry, actor.institution)) actor.country = null;
  return actor;
}

/** The registry id of the institution the text ties an unknown person to, when the registry names it. */
function registeredAffiliation(e: Entity, registry: Registry): string | null {
  if (!e.affiliation) return null;
  const hit = registry.lookup(normalizeName(e.affiliation)).find((h) => h.via === 'name' && registry.get(h.actorId)?.type === 'organization');
  return hit?.actorId ?? null;
}

const NEWS_KINDS = new Set(['news-agency', 'media']);

/** A news outlet: the registry's kind says so, or its name ends in a medium's word ("… News Agency", "… Times"). */
export function isNewsOutlet(e: Entity, registry: Registry): boolean {
  if (e.type !== 'organization') return false;
  const kind = e.id ? registry.get(e.id)?.kind : undefined;
  if (kind) return NEWS_KINDS.has(kind);
  const last = e.name.toLowerCase().split(/\s+/).at(-1) ?? '';
  return quoteLexicon().mediumHeads.has(last);
}

/** An international organisation: the registry's kind says so, or it belongs to no country. */
export function isInternational(registry: Registry, id: string | null | undefined): boolean {
  const a = id ? registry.get(id) : undefined;
  return !!a && a.type === 'organization' && (a.kind === 'international' || !a.country);
}

let documentRe: RegExp | undefined;

/**
 * The speaker of a quote with no resolved entity: a name or description, country unknown. A
 * document nobody is said to have issued ("the report said") names no actor: the source is unknown.
 */
export function speakerActor(s: NonNullable<Quote['speaker']>): EventActor {
  documentRe ??= new RegExp(`\\b(?:${quoteLexicon().utteranceHeads.join('|')})$`, 'i');
  const description = s.description && !documentRe.test(s.description.trim()) ? s.description : null;
  return { name: s.name ?? description, entityId: s.entityId, country: null };
}

/** The post (with an institution) valid on `date`; without a date, the current one (no end). */
export function roleAt(roles: RoleSpell[], date: string | null): RoleSpell | null {
  const withOrg = roles.filter((r) => r.org);
  if (!date) return withOrg.find((r) => !r.end) ?? null;
  const valid = withOrg.filter((r) => (!r.start || r.start.slice(0, date.length) <= date) && (!r.end || r.end >= date.slice(0, r.end.length)));
  // The latest-starting valid post is the most specific one.
  return valid.sort((a, b) => (b.start ?? '').localeCompare(a.start ?? ''))[0] ?? null;
}
