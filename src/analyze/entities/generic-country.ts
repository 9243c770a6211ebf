// Institutions named generically ("the Ministry of Foreign Affairs", "the foreign ministry") take the
// country the text gives them: a country right before or after the phrase ("Kenya's foreign ministry",
// "the Ministry of Foreign Affairs of Chile"), else the nearest country named before it in the
// sentence, else the country of the person speaking in that sentence, and only then the article's
// dominant country. A country the text names is never swapped for another one that has such an
// institution in the registry: the phrase then names an institution the registry does not hold.
import { normalizeName } from '../../registry/normalize.js';
import type { Actor, Registry } from '../../registry/types.js';
import { genericIndex } from './generic-orgs.js';
import type { RawMention } from './mention-types.js';
import { countryEndingAt, countryOf, lastCountryIn, type TextActors } from './nationality.js';

/** How far back (in tokens) the sentence is read for a country: bounded, whatever the input. */
const LOOK_BACK = 40;

export interface GenericCountry {
  country: string | null;
  /** True when the text states it; false for the article's dominant country (or nothing). */
  stated: boolean;
  /** True when the text attaches the country to the phrase ("Kenya's foreign ministry", "… of Chile"), not only names it nearby. */
  attached?: boolean;
}

/** Whether a surface is a phrase that some institution is named by when its country is clear. */
export function isGenericPhrase(registry: Registry, surface: string): boolean {
  return genericIndex(registry).phrases.has(normalizeName(surface));
}

/**
 * The country of a generic institution phrase at tokens [a, b). `speakerCountry` gives the country
 * of a person named earlier in the sentence, when the caller knows the people.
 */
export function genericCountry(
  t: TextActors, a: number, b: number, mainCountry: string | null, speakerCountry?: (from: number, to: number) => string | null,
): GenericCountry {
  const toks = t.seg.tokens;
  const adjacent = countryEndingAt(t, a);
  if (adjacent) return { country: adjacent.country, stated: true, attached: true };
  // "the Ministry of Foreign Affairs of Chile"
  let k = b;
  if (toks[k]?.lower === 'of' && toks[k]!.sentence === toks[a]!.sentence) {
    k++;
    if (toks[k]?.lower === 'the') k++;
    const after = t.byStart.get(k);
    const country = after ? countryOf(t, after) : null;
    if (country) return { country, stated: true, attached: true };
  }
  let from = a;
  while (from > 0 && a - from < LOOK_BACK && toks[from - 1]!.sentence === toks[a]!.sentence) from--;
  const before = lastCountryIn(t, from, a);
  if (before) return { country: before.country, stated: true };
  const spoken = speakerCountry?.(from, a) ?? null;
  if (spoken) return { country: spoken, stated: true };
  return { country: mainCountry, stated: false };
}

/** The registry institution among `actors` that belongs to `country` (none when it holds no such one). */
export function institutionOf(actors: Actor[], country: string | null): Actor | undefined {
  return country ? actors.find((a) => a.country === country) : undefined;
}

/**
 * The one institution a surface names outright, by its name or an alias of one country ("National
 * Security Council" is the US one's name and other countries' generic phrase): used only when the
 * text gives no country at all.
 */
export function namedInstitution(registry: Registry, surface: string): Actor | undefined {
  const named = registry.lookup(normalizeName(surface)).filter((h) => h.via === 'name' || h.via === 'alias').map((h) => registry.get(h.actorId));
  const orgs = named.filter((a): a is Actor => a?.type === 'organization');
  return orgs.length && new Set(orgs.map((a) => a.country)).size === 1 ? orgs[0] : undefined;
}

/**
 * An organisation the tagger read whole, with its country in the name ("the Ministry of Foreign
 * Affairs of Chile", "Kenyan Foreign Ministry"): that country's, and its registry institution when
 * the rest of the name is a generic phrase the registry holds for that country.
 */
export function resolveTaggedInstitution(t: TextActors, m: RawMention): void {
  if (m.type !== 'organization' || m.actorId) return;
  const words = normalizeName(m.text).replace(/^the /, '').split(' ');
  let country: string | null = null;
  let rest: string[] = words;
  const of = words.lastIndexOf('of');
  if (of > 0) {
    country = countryNamed(t.registry, words.slice(of + 1).join(' ').replace(/^the /, ''));
    if (country) rest = words.slice(0, of);
  }
  for (let n = Math.min(3, words.length - 1); !country && n >= 1; n--) {
    country = countryNamed(t.registry, words.slice(0, n).join(' ').replace(/ ?'s$/, ''));
    if (country) rest = words.slice(n).filter((w, i) => i > 0 || !/^'?s$/.test(w));
  }
  if (!country) return;
  m.country = country;
  const org = institutionOf(genericIndex(t.registry).phrases.get(rest.join(' ')) ?? [], country);
  if (!org) return;
  m.actorId = org.id;
  m.hits = [{ actorId: org.id, via: 'generic' }];
  m.via = 'generic';
}

/** The country a surface names: its name, an alias or a demonym ("Chile", "Chilean"). */
export function countryNamed(registry: Registry, surface: string): string | null {
  if (!surface) return null;
  for (const h of registry.lookup(surface)) {
    const a = registry.get(h.actorId);
    if (a?.type === 'country' && (h.via === 'name' || h.via === 'alias' || h.via === 'demonym')) return a.country;
  }
  return null;
}

/** The country of the last person named in token range [from, to), when it is known. */
export type SpeakerCountry = (from: number, to: number) => string | null;

/**
 * People's countries by where they are named: registry people, unknown people with a country read
 * from the text (`countryOfUnknown`), and surnames of either ("Odhiambo said the foreign ministry …").
 */
export function speakerCountries(t: TextActors, found: RawMention[], unknown: RawMention[], countryOfUnknown: (m: RawMention) => string | null): SpeakerCountry {
  const at = new Map<number, string>();
  const byWord = new Map<string, string>();
  const add = (m: RawMention, country: string | null) => {
    if (!country) return;
    at.set(m.tokStart, country);
    for (const w of normalizeName(m.text).split(' ')) if (!byWord.has(w)) byWord.set(w, country);
  };
  for (const m of found) if (m.type === 'person') add(m, m.country);
  for (const m of unknown) if (m.type === 'person' && m.tokEnd - m.tokStart > 1) add(m, countryOfUnknown(m));
  for (const m of unknown) {
    const w = m.tokEnd - m.tokStart === 1 ? byWord.get(normalizeName(m.text)) : undefined;
    if (w && !at.has(m.tokStart)) at.set(m.tokStart, w);
  }
  return (from, to) => {
    for (let k = to - 1; k >= from; k--) {
      const c = at.get(k);
      if (c) return c;
    }
    return null;
  };
}

/**
 * A capitalised generic phrase the registry scan found ("the Foreign Ministry", "the Ministry of
 * Foreign Affairs"): the institution of the country the text gives, else an institution the
 * registry does not hold, of that country (or of none).
 */
export function resolveGenericHit(t: TextActors & { mainCountry: string | null }, m: RawMention, speaker: SpeakerCountry): void {
  const actors = m.hits.map((h) => t.registry.get(h.actorId)).filter((a): a is Actor => a?.type === 'organization');
  const { country, attached } = genericCountry(t, m.tokStart, m.tokEnd, t.mainCountry, speaker);
  // A country only named nearby ("… demanding that Pakistan act, the Ministry of External Affairs
  // said") yields to the one institution the phrase is the registered name of, when that nearby
  // country holds no such institution; a country attached to the phrase never does.
  const org = institutionOf(actors, country) ?? (country && attached ? undefined : namedInstitution(t.registry, m.text));
  m.type = 'organization';
  m.country = country;
  if (org) {
    m.actorId = org.id;
    m.via = m.hits.find((h) => h.actorId === org.id)?.via === 'generic' ? 'generic' : 'alias';
    m.country = org.country;
    return;
  }
  m.actorId = null;
  m.hits = [];
  m.via = 'run';
  m.confidence = 2;
}
