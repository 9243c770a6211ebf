// Country actors from the world-countries package (names, codes, demonyms, capitals), corrected and
// extended by data/registry/countries.yaml with the names news text actually uses.
import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import { normalizeName } from './normalize.js';
import type { CountriesFile } from './schema.js';
import type { Actor } from './types.js';

/** The package ships CommonJS + JSON: require() works the same under tsx, vitest and dist/. */
function worldCountries(): Country[] {
  return createRequire(import.meta.url)('world-countries') as Country[];
}

const fold = (s: string): string => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
/** Latin-script spellings only: the articles are English. */
const LATIN = /^[\p{Script=Latin}\s'’.()&-]+$/u;

function usableSpelling(s: string, ambiguous: Set<string>, independent: boolean): boolean {
  if (s.length < 2 || s.includes(',')) return false; // "Korea, Republic of" is a catalogue form, not prose
  if (!LATIN.test(fold(s))) return false;
  // A territory's code is no name of it in running text ("GF" is goals for, "PR" public relations).
  if (/^[A-Z]{2,3}$/.test(s)) return independent && !ambiguous.has(s);
  // A spelling that is an everyday lower-case word would hit ordinary text at sentence starts.
  return !ambiguous.has(s.toUpperCase());
}

function uniq(xs: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const x of xs) {
    const k = normalizeName(x);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(x);
  }
  return out;
}

export function countryActors(overlay: CountriesFile): Actor[] {
  const ambiguousCodes = new Set(overlay.ambiguous_codes.map((c) => c.toUpperCase()));
  const ambiguousCapitals = new Set(overlay.ambiguous_capitals.map(normalizeName));
  const out: Actor[] = [];
  for (const c of worldCountries()) {
    const patch = overlay.countries[c.cca3] ?? {};
    const drop = new Set((patch.drop ?? []).map(normalizeName));
    const name = patch.name ?? c.name.common;
    const codes = c.independent ? [c.cca3, c.cca2].filter((code) => !ambiguousCodes.has(code)) : [];
    const aliases = uniq(
      [c.name.common, c.name.official, ...c.altSpellings.filter((s) => usableSpelling(s, ambiguousCodes, c.independent)), ...codes, ...(patch.aliases ?? [])].filter(
        (s) => !drop.has(normalizeName(s)) && normalizeName(s) !== normalizeName(name),
      ),
    );
    const eng = c.demonyms?.eng;
    const demonyms = uniq([...(eng ? [eng.m, eng.f] : []), ...(patch.demonyms ?? [])].filter((s) => s && !drop.has(normalizeName(s))));
    // A territory's capital rarely stands for a government; an independent state's does.
    const capitals = c.independent ? c.capital.filter((x) => !ambiguousCapitals.has(normalizeName(x))) : [];
    const metonyms = uniq([...capitals, ...(patch.metonyms ?? [])].filter((s) => !drop.has(normalizeName(s)) && normalizeName(s) !== normalizeName(name)));
    const actor: Actor = { id: `country:${c.cca3}`, type: 'country', name, aliases, country: c.cca3, origin: 'builtin' };
    if (demonyms.length) actor.demonyms = demonyms;
    if (metonyms.length) actor.metonyms = metonyms;
    out.push(actor);
    CODES.set(actor.id, { iso2: c.cca2, independent: c.independent });
  }
  return out;
}

/** ISO alpha-2 and sovereignty of each shipped country actor (by id), for country() and tie-breaks. */
export const CODES = new Map<string, { iso2: string; independent: boolean }>();
