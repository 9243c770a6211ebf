// Personnel: who holds which post in each institution, and the feed of observed changes.
// Two sources: the registry's dated roles (Actor.roles: title, org, start, end) and the role
// observations read from articles (src/analyze/roles.ts, stored with their evidence). Pure:
// the records come from Store.roleRecords, the registry from loadRegistry.
//
// Rules:
// - A registry role is current on asOf when it has started (no start, or start ≤ asOf) and not
//   ended (no end, or end ≥ asOf; partial dates compare on their own precision).
// - Observations are grouped by person, institution and title; the latest one (by date, then
//   article) tells the state: dismissed, resigned and former end the post; any other change
//   (holds, appointed, kept, promoted, nominated, punished) leaves the person in it, with that
//   status. An ending observation dated on or after a registry role's start ends that role too.
// - An observation's institution: the registry role of the same title when the person is in
//   the registry; else the institution the text names (resolved through the registry when it
//   knows the name, else kept as written); else "(institution not named)".
import { normalizeName } from '../registry/normalize.js';
import type { Actor, Registry } from '../registry/types.js';
import type { RoleRecord } from './types.js';

export type PersonnelRegistry = Pick<Registry, 'get' | 'all' | 'lookup'>;

export interface Evidence {
  articleId: number;
  url: string;
  outlet: string | null;
  date: string;
  sentence: string;
}

export interface Holder {
  person: string;
  /** Registry id, else the candidate key ("name:…"). */
  personKey: string;
  title: string;
  /** When the post began: the registry start, else the first observation of it. */
  since: string | null;
  /** The latest observed change ("holds", "appointed", …), or "registry" when only the registry says so. */
  status: RoleRecord['change'] | 'registry';
  source: 'registry' | 'observed' | 'registry+observed';
  /** The latest observation of the post, when any. */
  evidence: Evidence | null;
}

export interface InstitutionPosts {
  /** Registry id, null for an institution only named in text. */
  id: string | null;
  name: string;
  holders: Holder[];
}

export interface PersonnelChange {
  date: string;
  person: string;
  personKey: string;
  title: string;
  change: RoleRecord['change'];
  institution: { id: string | null; name: string };
  evidence: Evidence;
}

export const UNNAMED_INSTITUTION = '(institution not named)';
const ENDING = new Set<RoleRecord['change']>(['dismissed', 'resigned', 'former']);

interface Institution {
  id: string | null;
  name: string;
}

/** Whether a partial date (YYYY, YYYY-MM, YYYY-MM-DD) is on or before a day, on its own precision. */
const onOrBefore = (partial: string, day: string) => partial.slice(0, 10) <= day.slice(0, partial.slice(0, 10).length);
const onOrAfter = (partial: string, day: string) => partial.slice(0, 10) >= day.slice(0, partial.slice(0, 10).length);

function instKey(i: Institution): string {
  return i.id ?? `text:${i.name.toLowerCase()}`;
}

function orgByName(registry: PersonnelRegistry, text: string): Actor | undefined {
  for (const hit of registry.lookup(normalizeName(text))) {
    if (hit.via !== 'name' && hit.via !== 'alias' && hit.via !== 'metonym') continue;
    const a = registry.get(hit.actorId);
    if (a && a.type === 'organization') return a;
  }
  return undefined;
}

export function institutionOf(registry: PersonnelRegistry, r: Pick<RoleRecord, 'personKey' | 'title' | 'org'>): Institution {
  const person = registry.get(r.personKey);
  const title = r.title.toLowerCase();
  const role = person?.roles?.find((x) => x.org && x.title.toLowerCase() === title);
  if (role?.org) return { id: role.org, name: registry.get(role.org)?.name ?? role.org };
  if (r.org) {
    const org = orgByName(registry, r.org);
    return org ? { id: org.id, name: org.name } : { id: null, name: r.org };
  }
  return { id: null, name: UNNAMED_INSTITUTION };
}

/** Whether an institution is the one an --org argument names: its id, or its name or an alias (case-insensitive). */
export function orgMatcher(arg: string, registry: PersonnelRegistry): (i: Institution) => boolean {
  const want = arg.trim().toLowerCase();
  const ids = new Set<string>([arg.trim()]);
  const named = orgByName(registry, arg);
  if (named) ids.add(named.id);
  return (i) => (i.id !== null && ids.has(i.id)) || i.name.toLowerCase() === want;
}

const evidenceOf = (r: RoleRecord): Evidence => ({ articleId: r.articleId, url: r.url, outlet: r.outlet, date: r.date, sentence: r.sentence });

/** Oldest first: by date, then article, then position. */
function chronological(a: RoleRecord, b: RoleRecord): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.articleId - b.articleId || a.seq - b.seq;
}

export interface HoldersOptions {
  /** YYYY-MM-DD: the day the holders are for (observations after it are ignored). */
  asOf: string;
  /** Only institutions this accepts (orgMatcher). */
  org?: (i: Institution) => boolean;
  /** Only this person (registry id or candidate key) … */
  personKeys?: string[];
}

/** The current holders of posts per institution, institutions by name (the unnamed one last), holders by title then person. */
export function currentHolders(registry: PersonnelRegistry, records: RoleRecord[], options: HoldersOptions): InstitutionPosts[] {
  const { asOf } = options;
  const holders = new Map<string, { inst: Institution; holder: Holder }>();
  const registryStart = new Map<string, string | null>();
  for (const actor of registry.all()) {
    if (actor.type !== 'person' || actor.mergedInto || !actor.roles) continue;
    if (options.personKeys && !options.personKeys.includes(actor.id)) continue;
    for (const role of actor.roles) {
      if (!role.org) continue;
      if (role.start && !onOrBefore(role.start, asOf)) continue;
      if (role.end && !onOrAfter(role.end, asOf)) continue;
      const inst = { id: role.org, name: registry.get(role.org)?.name ?? role.org };
      const key = `${actor.id}|${instKey(inst)}|${role.title.toLowerCase()}`;
      registryStart.set(key, role.start ?? null);
      holders.set(key, { inst, holder: { person: actor.name, personKey: actor.id, title: role.title, since: role.start ?? null, status: 'registry', source: 'registry', evidence: null } });
    }
  }
  const groups = new Map<string, { inst: Institution; list: RoleRecord[] }>();
  for (const r of [...records].sort(chronological)) {
    if (!onOrBefore(r.date, asOf)) continue;
    const inst = institutionOf(registry, r);
    const key = `${r.personKey}|${instKey(inst)}|${r.title.toLowerCase()}`;
    const g = groups.get(key) ?? { inst, list: [] };
    g.list.push(r);
    groups.set(key, g);
  }
  for (const [key, { inst, list }] of groups) {
    const last = list[list.length - 1]!;
    const fromRegistry = holders.get(key);
    if (ENDING.has(last.change)) {
      const start = registryStart.get(key);
      if (fromRegistry && (start === null || start === undefined || onOrAfter(last.date, start))) holders.delete(key);
      continue;
    }
    if (fromRegistry) {
      Object.assign(fromRegistry.holder, { status: last.change, source: 'registry+observed', evidence: evidenceOf(last) });
      continue;
    }
    // The post began with the latest run of non-ending observations.
    let first = list.length - 1;
    while (first > 0 && !ENDING.has(list[first - 1]!.change)) first--;
    holders.set(key, { inst, holder: { person: last.person, personKey: last.personKey, title: last.title, since: list[first]!.date, status: last.change, source: 'observed', evidence: evidenceOf(last) } });
  }
  const byInst = new Map<string, InstitutionPosts>();
  for (const { inst, holder } of holders.values()) {
    if (options.org && !options.org(inst)) continue;
    const k = instKey(inst);
    const posts = byInst.get(k) ?? { id: inst.id, name: inst.name, holders: [] };
    posts.holders.push(holder);
    byInst.set(k, posts);
  }
  // What articles report comes first (the registry alone lists hundreds of institutions), then the
  // registry's; posts whose institution the text does not name come last.
  const unnamed = (p: InstitutionPosts) => (p.name === UNNAMED_INSTITUTION ? 1 : 0);
  const registryOnly = (p: InstitutionPosts) => (p.holders.some((h) => h.evidence) ? 0 : 1);
  const out = [...byInst.values()].sort((a, b) => unnamed(a) - unnamed(b) || registryOnly(a) - registryOnly(b) || a.name.localeCompare(b.name));
  for (const p of out) p.holders.sort((a, b) => a.title.localeCompare(b.title) || a.person.localeCompare(b.person));
  return out;
}

/** Observed changes (every change but "holds"), newest first, each with its institution and evidence. */
export function changeFeed(registry: PersonnelRegistry, records: RoleRecord[], org?: (i: Institution) => boolean): PersonnelChange[] {
  const newest = [...records].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.articleId - a.articleId || a.seq - b.seq));
  const out: PersonnelChange[] = [];
  for (const r of newest) {
    if (r.change === 'holds') continue;
    const institution = institutionOf(registry, r);
    if (org && !org(institution)) continue;
    out.push({ date: r.date, person: r.person, personKey: r.personKey, title: r.title, change: r.change, institution, evidence: evidenceOf(r) });
  }
  return out;
}

/**
 * Posts of one country (ISO3): all posts of its registry institutions, and its registry people's
 * posts elsewhere. The country comes from the registry, so people and institutions only named
 * in articles (no registry entry) are not placed in any country.
 */
export function holdersInCountry(registry: PersonnelRegistry, institutions: InstitutionPosts[], code: string): InstitutionPosts[] {
  const of = inCountry(registry, code);
  return institutions
    .map((inst) => (of(inst.id) ? inst : { ...inst, holders: inst.holders.filter((h) => of(h.personKey)) }))
    .filter((inst) => inst.holders.length > 0);
}

/** Changes at one country's registry institutions or of its registry people (as holdersInCountry). */
export function changesInCountry(registry: PersonnelRegistry, changes: PersonnelChange[], code: string): PersonnelChange[] {
  const of = inCountry(registry, code);
  return changes.filter((c) => of(c.institution.id) || of(c.personKey));
}

function inCountry(registry: PersonnelRegistry, code: string): (id: string | null) => boolean {
  const want = code.toUpperCase();
  return (id) => id !== null && registry.get(id)?.country === want;
}
