// Turns the registry hits and the tagger's unknown names of one article into entity drafts.
import { normalizeName } from '../../registry/normalize.js';
import type { Actor, Registry } from '../../registry/types.js';
import type { Mention, Segmented } from '../types.js';
import { attribute, type AttributionContext } from './attribution.js';
import { isDateline } from './dateline.js';
import { addRole, type Draft } from './draft.js';
import { countryNamed, genericCountry, isGenericPhrase, resolveGenericHit, resolveTaggedInstitution, speakerCountries, type SpeakerCountry } from './generic-country.js';
import { genericIndex } from './generic-orgs.js';
import type { EntityLexicon } from './lexicon.js';
import type { RawMention } from './mention-types.js';
import { findNames } from './name-spans.js';
import { inOfficeAround } from './in-office.js';
import { textActors } from './nationality.js';
import { addNameTokens, resolveVariants, variantDraftKey } from './variants.js';
import { isAllCaps, isPossessive, shoutedSentences } from './tokens.js';

export function buildDrafts(seg: Segmented, registry: Registry, lex: EntityLexicon, published: string | null): Draft[] {
  const shouted = shoutedSentences(seg);
  const { found, unknown } = findNames(seg, registry, lex, shouted);
  resolveVariants(unknown, registry);
  const mainCountry = dominantCountry(found, registry);
  // Role, institution and country from the words around names (attribution.ts); generic institution
  // phrases take the country the text gives them, the speaker's included (generic-country.ts).
  const ctx: AttributionContext = { ...textActors(seg, registry, found), lex, mainCountry, cache: new Map() };
  const generic = (m: RawMention) => m.hits.some((h) => h.via === 'generic') || isGenericPhrase(registry, m.text);
  for (const m of found) if (!generic(m)) resolveHit(m, registry, seg, mainCountry);
  const speaker = speakerCountries(ctx, found, unknown, (m) => attribute(ctx, m.tokStart, m.tokEnd).country);
  for (const m of found) if (generic(m)) resolveGenericHit(ctx, m, speaker);
  for (const m of unknown) resolveTaggedInstitution(ctx, m);
  const all = [...found, ...unknown, ...genericMentions(seg, registry, [...found, ...unknown], ctx, speaker)].sort((x, y) => x.start - y.start);
  return merge(seg, all, registry, lex, published, ctx);
}

/** The country the article is mostly about: the most mentioned country (by name, demonym or capital). */
function dominantCountry(found: RawMention[], registry: Registry): string | null {
  const counts = new Map<string, number>();
  for (const m of found) {
    const a = registry.get(m.hits[0]!.actorId);
    if (a?.type === 'country' && a.country) counts.set(a.country, (counts.get(a.country) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [c, n] of counts) if (!best || n > counts.get(best)!) best = c;
  return best;
}

/** Chooses among a surface form's registry hits (two "Democratic Party"s) by the nearby or main country. */
function resolveHit(m: RawMention, registry: Registry, seg: Segmented, mainCountry: string | null): void {
  const near = countryBefore(seg, m.tokStart, registry);
  const actors = m.hits.map((h) => ({ h, a: registry.get(h.actorId) })).filter((x): x is { h: typeof x.h; a: Actor } => !!x.a);
  const pick = actors.find((x) => near && x.a.country === near) ?? actors.find((x) => mainCountry && x.a.country === mainCountry) ?? actors[0];
  if (!pick) return;
  m.actorId = pick.a.id;
  m.via = pick.h.via === 'generic' ? 'generic' : pick.h.via;
  m.country = pick.a.country;
  m.type = pick.h.via === 'demonym' ? 'other' : pick.h.via === 'metonym' && pick.a.type === 'country' ? 'place' : pick.a.type;
}

/** A country named right before token i ("North Korea's", "the DPRK's", "Russian"). */
function countryBefore(seg: Segmented, i: number, registry: Registry): string | null {
  let k = i - 1;
  if (k >= 0 && isPossessive(seg.tokens[k]!)) k--;
  // Longest first: "North Korea's" must not be read as "Korea's".
  for (let n = Math.min(3, k + 1); n >= 1; n--) {
    const from = seg.tokens[k - n + 1]!;
    const surface = seg.text.slice(from.start, seg.tokens[k]!.end);
    for (const h of registry.lookup(normalizeName(surface))) {
      const a = registry.get(h.actorId);
      if (a?.type === 'country' && h.via !== 'surname') return a.country;
    }
  }
  return null;
}

/** "the foreign ministry" → the foreign ministry of the country the context gives. */
function genericMentions(seg: Segmented, registry: Registry, names: RawMention[], ctx: AttributionContext, speaker: SpeakerCountry): RawMention[] {
  const { phrases, prefixes } = genericIndex(registry);
  if (!phrases.size) return [];
  // Words inside a registry name or a tagged name are not a phrase of their own.
  const taken = new Uint8Array(seg.tokens.length);
  for (const m of names) taken.fill(1, m.tokStart, m.tokEnd);
  const out: RawMention[] = [];
  for (let i = 0; i < seg.tokens.length; i++) {
    if (taken[i] || !prefixes.has(seg.tokens[i]!.lower)) continue;
    // Extend while some phrase can still start with the text; keep the longest phrase found.
    let best: { n: number; actors: Actor[]; surface: string } | null = null;
    for (let n = 1; i + n <= seg.tokens.length; n++) {
      const last = seg.tokens[i + n - 1]!;
      if (last.sentence !== seg.tokens[i]!.sentence || taken[i + n - 1]) break;
      const surface = seg.text.slice(seg.tokens[i]!.start, last.end);
      const key = normalizeName(surface);
      if (!prefixes.has(key)) break;
      const actors = phrases.get(key);
      if (actors) best = { n, actors, surface };
    }
    if (!best) continue;
    const { country } = genericCountry(ctx, i, i + best.n, ctx.mainCountry, speaker);
    const actor = best.actors.find((a) => a.country === country);
    if (!actor) continue;
    const last = seg.tokens[i + best.n - 1]!;
    out.push({
      start: seg.tokens[i]!.start, end: last.end, text: best.surface, tokStart: i, tokEnd: i + best.n, sentence: last.sentence, type: actor.type,
      hits: [], actorId: actor.id, via: 'generic', roles: [], affiliation: null, country: actor.country, confidence: 3,
    });
    i += best.n - 1;
  }
  return out;
}

function merge(seg: Segmented, mentions: RawMention[], registry: Registry, lex: EntityLexicon, published: string | null, ctx: AttributionContext): Draft[] {
  const drafts = new Map<string, Draft>();
  const order: Draft[] = [];
  const ensure = (key: string, init: () => Draft): Draft => {
    let d = drafts.get(key);
    if (!d) {
      d = init();
      drafts.set(key, d);
      order.push(d);
    }
    return d;
  };
  const fromActor = (a: Actor): Draft =>
    ensure(a.id, () => ({
      key: a.id, id: a.id, name: a.name, type: a.type, country: a.country, roles: [], affiliation: null, mentions: [], confidence: 3,
      gender: a.gender ?? null, nameTokens: nameTokensOf(a.name, a.aliases),
    }));
  const singles: RawMention[] = [];
  for (const m of mentions) {
    const mention: Mention = { start: m.start, end: m.end, text: m.text, via: viaOf(m) };
    if (m.actorId) {
      const actor = registry.get(m.actorId)!;
      if (m.via === 'demonym') {
        // "North Korean" is a nationality (MISC), yet it also tells the article involves the country.
        fromActor(actor);
        const key = `nationality:${actor.id}`;
        ensure(key, () => blank(key, canonicalWord(m.text), 'other', actor.country)).mentions.push(mention);
        continue;
      }
      if (m.type === 'place' && actor.type === 'country') {
        // "Pyongyang responded" names the government; "talks in Pyongyang" names the city.
        const country = fromActor(actor);
        const asPlace = lex.placePrepositions.has(seg.tokens[m.tokStart - 1]?.lower ?? '') || isDateline(seg, m.tokStart, m.tokEnd);
        if (!asPlace) {
          country.mentions.push(mention);
          continue;
        }
        const key = `place:${normalizeName(m.text)}`;
        ensure(key, () => blank(key, m.text, 'place', actor.country)).mentions.push(mention);
        continue;
      }
      const d = fromActor(actor);
      d.mentions.push(mention);
      if (m.via === 'variant') addNameTokens(d, m.text);
      if (d.type === 'person') collectRoles(ctx, m, d);
      continue;
    }
    const words = m.tokEnd - m.tokStart;
    if (words === 1 || (m.type !== 'person' && m.type !== 'organization' && words <= 2)) singles.push(m);
    else addUnknown(m);
  }
  /** The country of an "X-based" word at most three words before the mention, in its sentence. */
  function basedIn(m: RawMention): string | null {
    const sentence = seg.sentences[seg.tokens[m.tokStart]!.sentence]!;
    const before = seg.text.slice(Math.max(sentence.start, m.start - 80), m.start);
    const based = /(\p{Lu}[\p{L}.'’]*(?:\s\p{Lu}[\p{L}.'’]*)?)-based\s+(?:[\p{L}'’-]+\s+){0,3}$/u.exec(before);
    return based ? countryNamed(registry, normalizeName(based[1]!)) : null;
  }
  function addUnknown(m: RawMention): void {
    // One entity per name and type: "Toronto" the city and "Toronto" the team are two entities;
    // a person's spellings ("Youssef Karimi", "Yusuf Kareemi") are one; a generic institution name once per country.
    // "the Chile-based Andean Front", "a Chile-based rebel group, the Andean Front": the group's home country.
    if (!m.country && (m.type === 'organization' || m.type === 'person')) m.country = basedIn(m);
    const key = variantDraftKey(m) ?? `name:${m.type}:${normalizeName(m.text)}${m.country && isGenericPhrase(registry, m.text) ? `|${m.country}` : ''}`;
    const conf = m.confidence;
    const d = ensure(key, () => ({ ...blank(key, m.text, m.type, m.country), confidence: conf, nameTokens: normalizeName(m.text).split(' ') }));
    addNameTokens(d, m.text);
    if (conf > d.confidence) Object.assign(d, { type: m.type, confidence: conf });
    if (m.text.length > d.name.length) d.name = m.text;
    d.mentions.push({ start: m.start, end: m.end, text: m.text, via: 'name' });
    for (const r of m.roles) addRole(d, r);
    if (d.type === 'person') collectRoles(ctx, m, d);
  }
  // Surname-only and short mentions: the most recent person whose name has that word, else (cataphora)
  // the next one, else a unique registry person with that surname, else a name of its own.
  for (const m of singles) {
    const key = normalizeName(m.text);
    // A word the tagger read as an organisation, or a dateline, is not someone's surname.
    const maybePerson = m.type !== 'organization' && !isDateline(seg, m.tokStart, m.tokEnd);
    const persons = maybePerson ? order.filter((d) => d.type === 'person' && d.nameTokens.includes(key) && d.mentions.length) : [];
    const before = persons.filter((d) => d.mentions.some((x) => x.start < m.start));
    const lastBefore = (d: Draft) => Math.max(...d.mentions.filter((x) => x.start < m.start).map((x) => x.start));
    const target = before.sort((x, y) => lastBefore(y) - lastBefore(x))[0] ?? persons[0] ?? (m.type === 'person' ? registrySurname(registry, key, published, fromActor) : undefined);
    if (target) {
      target.mentions.push({ start: m.start, end: m.end, text: m.text, via: 'surname' });
      if (target.type === 'person') collectRoles(ctx, m, target); // "Odhiambo, Kenya's foreign minister,"
      continue;
    }
    // "Newmont" after "Newmont Mining Corp": the short form of an organisation named before.
    const shortOf = order.find((d) => d.type === 'organization' && d.mentions.some((x) => x.start < m.start) && normalizeName(d.name).startsWith(`${key} `));
    if (shortOf) {
      shortOf.mentions.push({ start: m.start, end: m.end, text: m.text, via: 'alias' });
      continue;
    }
    const acronymOf = isAllCaps(seg.tokens[m.tokStart]!) ? order.find((d) => d.type === 'organization' && initials(d.name) === m.text.replace(/\./g, '')) : undefined;
    if (acronymOf) {
      acronymOf.mentions.push({ start: m.start, end: m.end, text: m.text, via: 'acronym' });
      continue;
    }
    addUnknown(m);
  }
  for (const d of order) d.mentions.sort((x, y) => x.start - y.start);
  return order.filter(keep);
}

/**
 * A surname alone names a registry person only when exactly one person of that surname held a
 * post around the publication day (when it is known): "Silva" in a 1996 football report is not a
 * minister of 2023.
 */
function registrySurname(registry: Registry, key: string, published: string | null, fromActor: (a: Actor) => Draft): Draft | undefined {
  const people = registry.lookup(key).filter((h) => h.via === 'surname').map((h) => registry.get(h.actorId))
    .filter((a): a is Actor => a?.type === 'person' && (!published || inOfficeAround(a, published.slice(0, 10))));
  return people.length === 1 ? fromActor(people[0]!) : undefined;
}

/** Unknown names nobody could type are dropped when they are single words (sentence starts, headings). */
function keep(d: Draft): boolean {
  if (d.id) return true;
  if (!d.mentions.length) return false;
  if (d.type === 'other' && d.confidence === 0 && !/\s/.test(d.name)) return false;
  return true;
}

function blank(key: string, name: string, type: Draft['type'], country: string | null): Draft {
  return { key, id: null, name, type, country, roles: [], affiliation: null, mentions: [], confidence: 1, gender: null, nameTokens: [] };
}

/**
 * Roles, institution and (for people the registry does not know) country from the words around one
 * mention. A registry person keeps the registry's country, and takes an institution only when the
 * text names it.
 */
function collectRoles(ctx: AttributionContext, m: RawMention, d: Draft): void {
  const att = attribute(ctx, m.tokStart, m.tokEnd);
  for (const r of att.roles) addRole(d, r);
  if (att.affiliation && (!d.id || att.named)) d.affiliation ??= att.affiliation;
  if (!d.id) d.country ??= att.country;
  const honorific = ctx.seg.tokens[m.tokStart - 1]?.lower.replace(/\.$/, '');
  if (!d.gender && honorific) d.gender = honorific === 'mr' ? 'm' : honorific === 'mrs' || honorific === 'ms' ? 'f' : null;
}

function nameTokensOf(name: string, aliases: string[]): string[] {
  const out = new Set<string>();
  for (const n of [name, ...aliases]) {
    const parts = normalizeName(n).split(' ');
    if (parts.length > 1) {
      out.add(parts[0]!);
      out.add(parts[parts.length - 1]!);
    }
  }
  return [...out];
}

const initials = (name: string): string => name.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
const canonicalWord = (s: string): string => s.replace(/\s+/g, ' ').trim();

function viaOf(m: RawMention): Mention['via'] {
  return m.via === 'run' ? 'name' : m.via;
}
