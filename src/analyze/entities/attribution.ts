// Role, institution and country of a person, read from the words around one mention of their name:
// a title before it ("Kenyan Foreign Minister X", "NATO Secretary General X", "Kenya's vice-president
// X") and an apposition after it ("X, Kenya's foreign minister,", "X, the foreign minister of Kenya,",
// "X of the Foreign Ministry"). The institution is the one the text names, else the one the post
// implies in that country when the registry holds it. An international organisation's official gets
// the organisation and no nationality from it: only a nationality the text states gives a country.
import { normalizeName } from '../../registry/normalize.js';
import type { Actor } from '../../registry/types.js';
import { appositionAfter } from './appositions.js';
import { genericCountry, institutionOf, isGenericPhrase, namedInstitution } from './generic-country.js';
import { genericIndex } from './generic-orgs.js';
import type { EntityLexicon } from './lexicon.js';
import type { RawMention } from './mention-types.js';
import { actorOf, countryEndingAt, countryOf, type TextActors } from './nationality.js';
import { bare, isHonorific, isRoleHead, isTitleWord, postKind, titleLexicon } from './title-lexicon.js';
import { isPossessive, spanText } from './tokens.js';

export interface Attribution {
  roles: string[];
  /** The nationality the text states (a demonym, a possessive, "of Kenya"), else the institution's. */
  country: string | null;
  /** Display name of the institution (registry name when known). */
  affiliation: string | null;
  affiliationId: string | null;
  /** The text names the institution (not only implied by the post). */
  named: boolean;
}

export interface AttributionContext extends TextActors {
  lex: EntityLexicon;
  mainCountry: string | null;
  cache: Map<string, Attribution>;
}

interface Institution {
  name: string;
  id: string | null;
  country: string | null;
  international: boolean;
}

/** Longest title read before a name, in tokens ("Chairman of the Joint Chiefs of Staff" has 7). */
const MAX_TITLE_TOKENS = 12;
/** Words joining the parts of a title ("Minister of Trade and Industry", "Chief of the Staff"). */
const TITLE_LINKS = new Set(['of', 'for', 'the', 'and', '&']);
/** Words after which an institution or country is where the post is held, not whom it deals with. */
const HELD_AT = new Set(['of', 'for', 'at', 'in', 'with']);

export function attribute(ctx: AttributionContext, a: number, b: number): Attribution {
  const key = `${a}:${b}`;
  const hit = ctx.cache.get(key);
  if (hit) return hit;
  const pre = premodifier(ctx, a);
  const app = apposition(ctx, b);
  const roles = [pre.role, app.role].filter((r): r is string => !!r);
  let inst = pre.inst ?? app.inst;
  const named = !!inst;
  let country = pre.country ?? app.country;
  if (!country && inst && !inst.international) country = inst.country;
  if (!inst && country) {
    // "Kenyan Foreign Minister X": the post implies the ministry, when the registry holds Kenya's.
    const kind = roles.map(postKind).find(Boolean);
    const org = kind ? ctx.registry.institution(kind, country) : undefined;
    if (org) inst = fromActor(org);
  }
  const out: Attribution = { roles, country, affiliation: inst?.name ?? null, affiliationId: inst?.id ?? null, named };
  ctx.cache.set(key, out);
  return out;
}

interface Part {
  role: string | null;
  country: string | null;
  inst: Institution | null;
}

/** "Kenya's Foreign Minister", "NATO Secretary General", "the Brazilian vice-president", "Mr." before token a. */
function premodifier(ctx: AttributionContext, a: number): Part {
  const toks = ctx.seg.tokens;
  const sentence = toks[a]!.sentence;
  const inSentence = (k: number) => k >= 0 && toks[k]!.sentence === sentence;
  let end = a;
  while (inSentence(end - 1) && a - end < 3 && !ctx.byEnd.has(end) && isHonorific(toks[end - 1]!.text)) end--;
  // Walk back over title words and the links inside titles; a registry name (country, institution) ends the title.
  let j = end;
  while (inSentence(j - 1) && !ctx.byEnd.has(j) && end - j < MAX_TITLE_TOKENS) {
    const w = toks[j - 1]!;
    if (/\p{L}/u.test(w.text) && isTitleWord(w.text)) j--;
    else if (TITLE_LINKS.has(w.lower) && j < end && inSentence(j - 2) && !ctx.byEnd.has(j - 1) && linkable(toks[j - 2]!.text, w.lower)) j--;
    else break;
  }
  // "a spokesman for Foreign Affairs Minister X": a linked part with a head of its own is X's whole title.
  for (let k = end - 1; k > j; k--) {
    if (/^(?:of|for)$/.test(toks[k]!.lower) && toks.slice(k + 1, end).some((t) => isRoleHead(t.text))) {
      j = k + 1;
      break;
    }
  }
  while (j < end && TITLE_LINKS.has(toks[j]!.lower)) j++;
  const hasHead = toks.slice(j, end).some((t) => isRoleHead(t.text));
  if (!hasHead) j = end;
  const role = hasHead ? spanText(ctx.seg, j, end) : null;
  let p = j;
  let inst: Institution | null = null;
  if (role) {
    // "State Department spokesman", "NATO Secretary General", "the EU's foreign policy chief"
    const possessive = p > 0 && isPossessive(toks[p - 1]!);
    const org = ctx.byEnd.get(possessive ? p - 1 : p);
    const found = org && institutionFromMention(ctx, org);
    if (found) {
      inst = found;
      p = org.tokStart;
    }
  }
  const stated = countryEndingAt(ctx, p);
  const demonym = isDemonym(ctx, p);
  // "Kenyan analyst", "Kenya's envoy" give a nationality; "Kenya analyst", "Syria envoy" a subject.
  const topic = !!stated && !!role && p === j && !demonym && !stated.possessive && isTopicHead(toks[end - 1]!.text);
  const said = stated && !topic && (role || inst || stated.possessive || demonym) ? stated.country : null;
  return { role: topic ? spanText(ctx.seg, stated!.tokStart, end) : role, country: said, inst };
}

/** A link continues a title when the word before it is a title word ("Minister of"), or "of the". */
function linkable(before: string, link: string): boolean {
  if (link === 'and' || link === '&') return isTitleWord(before) && !isRoleHead(before); // "Trade and Industry", not "president and"
  return isTitleWord(before) || before.toLowerCase() === 'of';
}

const isTopicHead = (word: string): boolean => titleLexicon().topicHeads.has(bare(word));

function isDemonym(ctx: AttributionContext, end: number): boolean {
  return !!ctx.byEnd.get(end)?.hits.some((h) => h.via === 'demonym');
}

/** ", Kenya's foreign minister,", ", the foreign minister of Kenya,", " of the Foreign Ministry" after token b. */
function apposition(ctx: AttributionContext, b: number): Part {
  const none: Part = { role: null, country: null, inst: null };
  const toks = ctx.seg.tokens;
  const app = appositionAfter(ctx.seg, b, ctx.lex);
  if (!app) return { ...none, country: bracketed(ctx, b) };
  let q = app.tokStart;
  if (/^(?:of|at)$/.test(toks[q]!.lower)) {
    // "X of Kenya": a nationality. "X of the Foreign Ministry": the institution (registry, generic, else as written).
    const k = toks[q + 1]?.lower === 'the' ? q + 2 : q + 1;
    const only = ctx.byStart.get(k);
    if (only && only.tokEnd === app.tokEnd && countryOf(ctx, only)) return { ...none, country: countryOf(ctx, only) };
    if (isHyphenEnd(ctx, app.tokEnd)) return none; // "of the U.S.-based …": the name is not all there
    const inst = institutionAt(ctx, k, app.tokEnd) ?? { name: spanText(ctx.seg, k, app.tokEnd), id: null, country: null, international: false };
    return { ...none, inst };
  }
  while (q < app.tokEnd && /^(?:the|a|an|now)$/.test(toks[q]!.lower)) q++;
  let country: string | null = null;
  let inst: Institution | null = null;
  // Leading owner: "Kenya's", "Kenyan", "the EU's", "NATO".
  const lead = ctx.byStart.get(q);
  let bareCountry = false;
  if (lead && lead.tokEnd < app.tokEnd) {
    const possessive = isPossessive(toks[lead.tokEnd]!);
    const c = countryOf(ctx, lead);
    const org = c ? null : institutionFromMention(ctx, lead);
    // A capital names its country only as a possessive ("Nairobi's envoy").
    if (c && (possessive || !lead.hits.every((h) => h.via === 'metonym'))) country = c;
    bareCountry = !!country && !possessive && !lead.hits.some((h) => h.via === 'demonym');
    if (org) inst = org;
    if (country || inst) q = lead.tokEnd + (possessive ? 1 : 0);
  }
  // An owner the registry does not know ("AN's leader"): not part of the role.
  if (q + 1 < app.tokEnd && q === app.tokStart && /^\p{Lu}/u.test(toks[q]!.text) && isPossessive(toks[q + 1]!)) q += 2;
  // The role ends where "of/for/at/in/with (the) <institution or country>" says where it is held.
  let roleEnd = app.tokEnd;
  for (let k = q + 1; k < app.tokEnd; k++) {
    if (!HELD_AT.has(toks[k]!.lower)) continue;
    let n = k + 1;
    if (toks[n]?.lower === 'the') n++;
    const at = institutionAt(ctx, n, app.tokEnd);
    const c = at ? null : ctx.byStart.get(n);
    const where = c ? countryOf(ctx, c) : null;
    if (at) inst ??= at;
    else if (where && toks[k]!.lower === 'of') country ??= where;
    else if ((/^(?:at|with)$/.test(toks[k]!.lower) || n > k + 1) && /^\p{Lu}/u.test(toks[n]?.text ?? '') && !isHyphenEnd(ctx, app.tokEnd)) {
      // "fellow at the Stimson Center", "president of the National Animal Control Association": as written.
      inst ??= { name: spanText(ctx.seg, n, app.tokEnd), id: null, country: null, international: false };
    } else continue;
    roleEnd = k;
    break;
  }
  // ", North Korea analyst": the country is the subject of the role, as before a name (see premodifier).
  if (bareCountry && q < roleEnd && isTopicHead(toks[roleEnd - 1]!.text)) {
    country = null;
    q = lead!.tokStart;
  }
  const role = q < roleEnd ? spanText(ctx.seg, q, roleEnd) : null;
  return { role, country, inst };
}

/** "X (Kenya)": a country in brackets right after a name, as results tables and lists write it. */
function bracketed(ctx: AttributionContext, b: number): string | null {
  const toks = ctx.seg.tokens;
  if (toks[b]?.text !== '(') return null;
  const m = ctx.byStart.get(b + 1);
  return m && toks[m.tokEnd]?.text === ')' ? countryOf(ctx, m) : null;
}

const isHyphenEnd = (ctx: AttributionContext, end: number): boolean => /^[-‐‑]$/.test(ctx.seg.tokens[end - 1]?.text ?? '');

/** The institution named at token k (a registry institution or a generic phrase), skipping a leading country. */
function institutionAt(ctx: AttributionContext, k: number, limit: number): Institution | null {
  const m = ctx.byStart.get(k);
  if (m && countryOf(ctx, m)) {
    const next = ctx.seg.tokens[m.tokEnd];
    const after = m.tokEnd + (next && isPossessive(next) ? 1 : 0);
    return after < limit ? institutionAt(ctx, after, limit) : null;
  }
  if (m) return institutionFromMention(ctx, m);
  const phrase = genericPhraseAt(ctx, k, limit);
  return phrase ? genericInstitution(ctx, k, phrase.end, phrase.actors, spanText(ctx.seg, k, phrase.end)) : null;
}

/** A registry mention as an institution: an organisation, or a generic phrase given its country. */
function institutionFromMention(ctx: AttributionContext, m: RawMention): Institution | null {
  const actors = m.hits.map((h) => ctx.registry.get(h.actorId)).filter((a): a is Actor => a?.type === 'organization');
  if (!actors.length) return null;
  if (m.hits.some((h) => h.via === 'generic') || isGenericPhrase(ctx.registry, m.text)) return genericInstitution(ctx, m.tokStart, m.tokEnd, actors, m.text);
  const a = (m.actorId ? ctx.registry.get(m.actorId) : undefined) ?? actorOf(ctx, m)!;
  return a.type === 'organization' ? fromActor(a) : null;
}

function genericInstitution(ctx: AttributionContext, a: number, b: number, actors: Actor[], surface: string): Institution {
  const { country } = genericCountry(ctx, a, b, ctx.mainCountry);
  const org = institutionOf(actors, country) ?? (country ? undefined : namedInstitution(ctx.registry, surface));
  if (org) return fromActor(org);
  // An institution the registry does not hold: named with its country so it is not taken for another's.
  const name = country ? `${surface} (${ctx.registry.country(country)?.name ?? country})` : surface;
  return { name, id: null, country, international: false };
}

function genericPhraseAt(ctx: AttributionContext, k: number, limit: number): { end: number; actors: Actor[] } | null {
  const { phrases, prefixes } = genericIndex(ctx.registry);
  let best: { end: number; actors: Actor[] } | null = null;
  for (let n = k + 1; n <= limit; n++) {
    const key = normalizeName(spanText(ctx.seg, k, n));
    if (!prefixes.has(key)) break;
    const actors = phrases.get(key);
    if (actors) best = { end: n, actors };
  }
  return best;
}

const fromActor = (a: Actor): Institution => ({ name: a.name, id: a.id, country: a.country, international: a.kind === 'international' || !a.country });

