// Turns a checked list of actors into the Registry: one Map from normalised surface form to hits,
// so the analyzer's many lookups per article are plain Map gets.
import { CODES } from './countries.js';
import { normalizeName } from './normalize.js';
import type { Actor, AliasHit, Registry } from './types.js';
import { variantIndex } from './variant-index.js';

const VIA_RANK: Record<AliasHit['via'], number> = { name: 0, alias: 1, metonym: 2, demonym: 3, surname: 4, generic: 5 };
/** Countries whose people usually write the family name first. */
const EASTERN_COUNTRIES = new Set(['PRK', 'KOR', 'CHN', 'TWN', 'HKG', 'MAC', 'VNM', 'MNG']);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'da', 'di', 'du', 'del', 'della', 'la', 'le', 'bin', 'al', 'el', 'ben', 'ter', 'dos']);

export function nameOrderOf(a: Actor): 'eastern' | 'western' {
  return a.nameOrder ?? (a.country && EASTERN_COUNTRIES.has(a.country) ? 'eastern' : 'western');
}

/** Family name of a normalised person name: first token (eastern) or last token with its particles. */
export function familyName(normalized: string, order: 'eastern' | 'western'): string | null {
  const toks = normalized.split(' ').filter(Boolean);
  if (order === 'western') while (toks.length > 2 && SUFFIXES.has(toks[toks.length - 1]!)) toks.pop();
  if (toks.length < 2) return null;
  if (order === 'eastern') return toks[0]!;
  let i = toks.length - 1;
  while (i > 1 && PARTICLES.has(toks[i - 1]!)) i--;
  return toks.slice(i).join(' ');
}

/** English plural of a demonym ("North Korean" → "North Koreans"; "Chinese", "British" stay). */
export function demonymPlural(d: string): string | null {
  if (/(?:ese|ss|sh|ch)$/i.test(d)) return null;
  return `${d}s`;
}

/** Folds `{id: FROM, mergedInto: INTO}` chains: INTO gains FROM's surfaces. Returns the actors to index. */
function foldMerges(actors: Map<string, Actor>): Actor[] {
  const root = (a: Actor): Actor => {
    let cur = a;
    for (let n = 0; cur.mergedInto && n < 50; n++) cur = actors.get(cur.mergedInto) ?? cur;
    return cur;
  };
  const folded = new Map<string, Actor>();
  for (const a of actors.values()) if (!a.mergedInto) folded.set(a.id, a);
  for (const a of actors.values()) {
    if (!a.mergedInto) continue;
    const r = root(a);
    const into = folded.get(r.id);
    if (!into) continue;
    const add = (xs: string[] | undefined, ys: string[] | undefined): string[] | undefined => {
      const out = [...(xs ?? [])];
      for (const y of ys ?? []) if (!out.some((x) => normalizeName(x) === normalizeName(y))) out.push(y);
      return out.length ? out : undefined;
    };
    const merged: Actor = { ...into, aliases: add(into.aliases, [a.name, ...a.aliases]) ?? [] };
    const dem = add(into.demonyms, a.demonyms);
    const met = add(into.metonyms, a.metonyms);
    const gen = add(into.generic, a.generic);
    if (dem) merged.demonyms = dem;
    if (met) merged.metonyms = met;
    if (gen) merged.generic = gen;
    folded.set(r.id, merged);
  }
  return [...folded.values()];
}

export function buildRegistry(all: Map<string, Actor>, version: string): Registry {
  const actors = foldMerges(all);
  const byId = new Map<string, Actor>(all);
  for (const a of actors) byId.set(a.id, a);
  const index = new Map<string, AliasHit[]>();
  let maxWords = 1;

  const add = (surface: string, actorId: string, via: AliasHit['via']): void => {
    let key = normalizeName(surface);
    if (key.startsWith('the ') && key.length > 4) key = key.slice(4); // the scan starts on a capitalised word
    if (!key) return;
    let hits = index.get(key);
    if (!hits) {
      hits = [];
      index.set(key, hits);
      maxWords = Math.max(maxWords, key.split(' ').length);
    }
    const same = hits.findIndex((h) => h.actorId === actorId);
    if (same < 0) hits.push({ actorId, via });
    else if (VIA_RANK[via] < VIA_RANK[hits[same]!.via]) hits[same] = { actorId, via };
  };

  const countries = new Map<string, Actor>();
  const institutions = new Map<string, Actor>();
  for (const a of [...actors].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) {
    if (a.kind && a.country && !institutions.has(`${a.kind}|${a.country}`)) institutions.set(`${a.kind}|${a.country}`, a);
  }
  for (const a of actors) {
    add(a.name, a.id, 'name');
    for (const s of a.aliases) add(s, a.id, 'alias');
    for (const s of a.metonyms ?? []) add(s, a.id, 'metonym');
    for (const s of a.demonyms ?? []) {
      add(s, a.id, 'demonym');
      const plural = demonymPlural(s);
      if (plural) add(plural, a.id, 'demonym');
    }
    for (const s of a.generic ?? []) add(s, a.id, 'generic');
    if (a.type === 'person') {
      // The canonical name's family name, plus aliases' spellings of it ("Zelenskyy"); an alias in
      // the other order ("William Lai", "Abe Shinzo") would give a given name, so only similar ones count.
      const order = nameOrderOf(a);
      const main = familyName(normalizeName(a.name), order);
      if (main) add(main, a.id, 'surname');
      for (const n of a.aliases) {
        const fam = familyName(normalizeName(n), order);
        if (fam && main && fam !== main && fam[0] === main[0] && Math.abs(fam.length - main.length) <= 2) add(fam, a.id, 'surname');
      }
    }
    if (a.type === 'country' && a.country) {
      countries.set(a.country, a);
      const iso2 = CODES.get(a.id)?.iso2;
      if (iso2 && !countries.has(iso2)) countries.set(iso2, a);
    }
  }
  preferSovereign(index, byId);
  // Every leading part of every key, so the mention scan stops extending a phrase as soon as no
  // registry name can start with it (most capitalised words need one Set check, not a dozen lookups).
  const prefixes = new Set<string>();
  for (const key of index.keys()) for (let n = 1; n <= key.length; n++) prefixes.add(key.slice(0, n));

  return {
    version,
    get: (id) => byId.get(id),
    all: () => actors.values(),
    lookup: (surface) => index.get(surface) ?? (surface.startsWith('the ') ? index.get(surface.slice(4)) : undefined) ?? [],
    variantOf: variantIndex(actors),
    maxAliasWords: maxWords,
    hasPrefix: (surface) => prefixes.has(surface) || (surface.startsWith('the ') && prefixes.has(surface.slice(4))) || surface === 'the',
    country: (code) => countries.get(code.toUpperCase()),
    institution: (kind, country) => {
      const iso3 = country.length === 2 ? countries.get(country.toUpperCase())?.country : country.toUpperCase();
      return iso3 ? institutions.get(`${kind}|${iso3}`) : undefined;
    },
  };
}

/** "American" is also the package's demonym for American Samoa: a territory yields to a sovereign state. */
function preferSovereign(index: Map<string, AliasHit[]>, byId: Map<string, Actor>): void {
  for (const [key, hits] of index) {
    if (hits.length < 2) continue;
    const countryHits = hits.filter((h) => byId.get(h.actorId)?.type === 'country' && CODES.has(h.actorId));
    if (countryHits.length < 2 || !countryHits.some((h) => CODES.get(h.actorId)!.independent)) continue;
    index.set(key, hits.filter((h) => !countryHits.includes(h) || CODES.get(h.actorId)!.independent));
  }
}
