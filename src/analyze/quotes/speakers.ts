// Turns a speaker phrase into a Speaker: a named entity (entities.at), a pronoun or title resolved
// to an earlier actor (entities.resolve, then recorded with addMention), an anonymous source with its
// description, or the person behind a medium ("a statement by the minister carried by KCNA").
import type { Entity, EntityIndex, Mention, Speaker } from '../types.js';
import { isAnonymousPhrase } from './anonymous.js';
import { issuerOf } from './issuer.js';
import type { QuoteLexicon } from './lexicon.js';
import { skipDateline, type Range } from './phrase.js';

const CORE_CUT = /\s+(?:of|for|at|in|from|with|who|which|whose|on|familiar|close|briefed|speaking|according)\b|,/i;
const TITLE_LIKE = /^[\p{Lu}]/u;

/** The person behind "a statement by X carried by Y" (or the phrase itself). */
function unwrapMedium(text: string, r: Range, lex: QuoteLexicon): Range {
  const phrase = text.slice(r.start, r.end);
  const m = lex.utteranceByRe.exec(phrase);
  if (!m) return r;
  const start = r.start + m[0].length;
  const rest = text.slice(start, r.end);
  const c = lex.carrierRe.exec(rest);
  return { start, end: c ? start + c.index : r.end };
}

export function resolveSpeaker(text: string, range: Range, entities: EntityIndex, lex: QuoteLexicon): Speaker | null {
  const from = skipDateline(text, range.start);
  const r = { ...unwrapMedium(text, from < range.end ? { start: from, end: range.end } : range, lex) };
  // "…," though she stressed: the conjunction is not part of the speaker.
  const lead = /^(?:though|although|but|and|while|as|so|yet)\s+/i.exec(text.slice(r.start, r.end));
  if (lead) r.start += lead[0].length;
  const phrase = text.slice(r.start, r.end).trim();
  if (!phrase) return null;
  const cut = CORE_CUT.exec(phrase);
  const core = cut && cut.index > 0 ? phrase.slice(0, cut.index) : phrase;
  const coreEnd = r.start + core.length;
  const lower = core.toLowerCase();

  if (lex.pronouns.has(lower)) {
    const e = lower === 'i' || lower === 'we' || lower === 'you' ? null : entities.resolve(core, r.start, coreEnd);
    if (!e) return { name: null, entityId: null, anonymous: false, description: core };
    record(entities, e, text, r.start, coreEnd, 'pronoun');
    return named(e);
  }
  const voice = spokespersonFor(text, r.start, phrase, entities);
  if (voice) return { ...named(voice), description: phrase };
  const anonymous = isAnonymousPhrase(phrase, lex);
  const titled = anonymous ? null : titledPerson(text, r.start, phrase, entities);
  if (titled) return named(titled);
  const e = entities.at(r.start, coreEnd);
  if (e && (e.type === 'person' || !anonymous)) {
    // Generic words ("the spokesman") may overlap no name; "the spokesman" also resolves below.
    return named(e);
  }
  if (anonymous) return { name: null, entityId: null, anonymous: true, description: phrase };
  const first = lower.split(/\s+/, 1)[0]!;
  if (lex.referringDeterminers.has(first) || !TITLE_LIKE.test(core)) {
    const res = entities.resolve(core, r.start, coreEnd);
    if (res) {
      record(entities, res, text, r.start, coreEnd, 'title');
      return named(res);
    }
    // "The statement says": the document speaks for whoever issued it.
    const issuer = issuerOf(text, r.start, core, lex.utteranceHeads, entities);
    if (issuer) return { ...named(issuer), description: phrase };
    return { name: null, entityId: null, anonymous: false, description: phrase };
  }
  // A capitalised name the entity finder did not keep: try it as a surname or title, else keep it.
  const res = entities.resolve(core, r.start, coreEnd);
  if (res) {
    record(entities, res, text, r.start, coreEnd, 'surname');
    return named(res);
  }
  return { name: core, entityId: null, anonymous: false, description: phrase === core ? null : phrase };
}

const named = (e: Entity): Speaker => ({ name: e.name, entityId: e.id, anonymous: false, description: null });

function record(entities: EntityIndex, e: Entity, text: string, start: number, end: number, via: Mention['via']): void {
  entities.addMention(e, { start, end, text: text.slice(start, end), via });
}

/** "a spokesman for the ministry", "a spokeswoman of the Foreign Ministry": an unnamed voice of an institution. */
const VOICE = /^(?:an?|the|one)\s+(?:[\p{L}-]+\s+){0,2}?(?:spokes(?:man|woman|person)|press\s+secretary|representative)\s+(?:for|of)\s+/iu;

/** The organisation or country an unnamed spokesperson speaks for, when the text names it. */
function spokespersonFor(text: string, start: number, phrase: string, entities: EntityIndex): Entity | null {
  const m = VOICE.exec(phrase);
  if (!m) return null;
  const from = start + m[0].length;
  const rest = phrase.slice(m[0].length).split(/,|\s+(?:who|which|said|in|on|at)\b/u, 1)[0]!;
  const e = entities.at(from, from + rest.length);
  return e && (e.type === 'organization' || e.type === 'country') ? e : null;
}

/** Capitalised title words, then "of", "the" or "and" only, up to the name. */
const TITLE_RUN = /^(?:\p{Lu}[\p{L}.'’-]*|of|the|and)(?:\s+(?:\p{Lu}[\p{L}.'’-]*|of|the|and))*\s+$/u;

/** "Secretary of State Marco Rubio, who met …": a person named after a capitalised title that contains "of". */
function titledPerson(text: string, start: number, phrase: string, entities: EntityIndex): Entity | null {
  const head = phrase.split(',', 1)[0]!;
  const e = entities.at(start, start + head.length);
  if (e?.type !== 'person') return null;
  const m = e.mentions.find((x) => x.start >= start && x.end <= start + head.length);
  if (!m) return null;
  const before = text.slice(start, m.start);
  return before === '' || TITLE_RUN.test(before) ? e : null;
}
