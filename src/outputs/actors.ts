// The actors export: every registry actor (shipped data + the user's files), then every
// candidate actor in the store with its review status, optionally with how many articles and
// mentions name each (article_entities). Registry actors are in memory already (the registry is
// loaded whole); candidates and counts are read from the store one page at a time.
import type { Actor, ActorType, Registry, RoleSpell } from '../registry/types.js';
import { candidateActorId } from '../store/analyses.js';
import type { ActorCandidate, ActorMatch, CandidateStatus, Store } from '../store/types.js';
import type { Cell } from './csv.js';
import type { RowSpec } from './write.js';

export const ACTOR_COLUMNS = ['id', 'type', 'name', 'country', 'aliases', 'parent', 'kind', 'current_roles', 'status', 'merged_into', 'first_seen', 'last_seen'] as const;
export const COUNT_COLUMNS = ['article_count', 'mention_count'] as const;

export interface ActorExportFilter {
  /** Actor types (person, organization, country, place, other). */
  types?: ActorType[];
  /** Organisation kinds (registry `kind`: foreign-ministry, news-agency, …). */
  kinds?: string[];
  /** Actors matching: registry id, name (case-insensitive) or country. */
  actor?: ActorMatch;
  withCounts?: boolean;
  pageSize?: number;
}

/** An export row of the actors export: a registry actor or a candidate, with counts when asked. */
export interface ActorRow {
  id: string;
  type: string;
  name: string;
  country: string | null;
  aliases: string[];
  parent: string | null;
  kind: string | null;
  currentRoles: string[];
  /** 'registry' for registry actors, else the candidate's review status. */
  status: 'registry' | CandidateStatus;
  mergedInto: string | null;
  firstSeen: string | null;
  lastSeen: string | null;
  articleCount?: number;
  mentionCount?: number;
}

export function actorRows(withCounts: boolean): RowSpec<ActorRow> {
  return {
    columns: withCounts ? [...ACTOR_COLUMNS, ...COUNT_COLUMNS] : ACTOR_COLUMNS,
    row: (a) => {
      const row: Record<string, Cell> = {
        id: a.id, type: a.type, name: a.name, country: a.country, aliases: a.aliases, parent: a.parent, kind: a.kind, current_roles: a.currentRoles,
        status: a.status, merged_into: a.mergedInto, first_seen: a.firstSeen, last_seen: a.lastSeen,
      };
      if (withCounts) {
        row.article_count = a.articleCount ?? 0;
        row.mention_count = a.mentionCount ?? 0;
      }
      return row;
    },
  };
}

/** Roles without an end (or ending after `today`) that have started: "title (org)". */
export function currentRoles(roles: readonly RoleSpell[] | undefined, today: string): string[] {
  return (roles ?? [])
    .filter((r) => (!r.end || r.end >= today) && (!r.start || r.start <= today))
    .map((r) => (r.org ? `${r.title} (${r.org})` : r.title));
}

function registryRow(a: Actor, today: string): ActorRow {
  return {
    id: a.id, type: a.type, name: a.name, country: a.country, aliases: a.aliases, parent: a.parent ?? null, kind: a.kind ?? null,
    currentRoles: currentRoles(a.roles, today), status: 'registry', mergedInto: a.mergedInto ?? null, firstSeen: null, lastSeen: null,
  };
}

function candidateRow(c: ActorCandidate): ActorRow {
  return {
    id: c.status === 'confirmed' ? candidateActorId(c.key) : c.key, type: c.type, name: c.name, country: c.country, aliases: c.aliases, parent: null,
    kind: null, currentRoles: c.roles, status: c.status, mergedInto: null, firstSeen: c.firstSeen, lastSeen: c.lastSeen,
  };
}

function matcher(f: ActorExportFilter): (a: ActorRow) => boolean {
  const types = f.types?.length ? new Set<string>(f.types) : null;
  const kinds = f.kinds?.length ? new Set(f.kinds.map((k) => k.toLowerCase())) : null;
  const ids = new Set(f.actor?.ids ?? []);
  const names = new Set((f.actor?.names ?? []).map((n) => n.toLowerCase()));
  const countries = new Set((f.actor?.countries ?? []).map((c) => c.toUpperCase()));
  return (a) => {
    if (types && !types.has(a.type)) return false;
    if (kinds && !(a.kind && kinds.has(a.kind.toLowerCase()))) return false;
    if (f.actor && !(ids.has(a.id) || names.has(a.name.toLowerCase()) || (a.country !== null && countries.has(a.country)))) return false;
    return true;
  };
}

/** The keys article_entities stores for an actor row: its id, and for candidates both forms. */
function countKeys(a: ActorRow): string[] {
  if (a.status === 'registry') return [a.id];
  const key = a.id.startsWith('candidate:') ? `name:${a.id.slice('candidate:'.length).replaceAll('-', ' ')}` : a.id;
  return [key, candidateActorId(key)];
}

async function* withCounts(store: Store, rows: AsyncIterable<ActorRow>, pageSize: number): AsyncGenerator<ActorRow> {
  let page: ActorRow[] = [];
  const drain = async function* () {
    const counts = await store.entityCounts(page.flatMap(countKeys));
    for (const a of page) {
      let articles = 0;
      let mentions = 0;
      for (const k of countKeys(a)) {
        const c = counts.get(k);
        articles += c?.articles ?? 0;
        mentions += c?.mentions ?? 0;
      }
      yield { ...a, articleCount: articles, mentionCount: mentions };
    }
    page = [];
  };
  for await (const a of rows) {
    page.push(a);
    if (page.length >= pageSize) yield* drain();
  }
  if (page.length) yield* drain();
}

async function* allActors(registry: Registry, store: Store, filter: ActorExportFilter, today: string): AsyncGenerator<ActorRow> {
  const keep = matcher(filter);
  const ids = [...registry.all()].map((a) => a.id).sort();
  for (const id of ids) {
    const row = registryRow(registry.get(id)!, today);
    if (keep(row)) yield row;
  }
  const candidateType = filter.types?.length === 1 && (filter.types[0] === 'person' || filter.types[0] === 'organization') ? filter.types[0] : undefined;
  for await (const c of store.exportCandidates({ type: candidateType, pageSize: filter.pageSize })) {
    const row = candidateRow(c);
    if (keep(row)) yield row;
  }
}

/** Registry actors by id, then candidates by key, filtered; with article and mention counts when asked. */
export function exportActors(registry: Registry, store: Store, filter: ActorExportFilter = {}, today = new Date().toISOString().slice(0, 10)): AsyncIterable<ActorRow> {
  const rows = allActors(registry, store, filter, today);
  return filter.withCounts ? withCounts(store, rows, filter.pageSize ?? 500) : rows;
}
