// The quote finder's word lists (data/lexicon/quotes.yaml), loaded once per process and compiled
// into sets and regexes. They are data the pure analysis reads, like the registry.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { dataPath } from '../../core/data-path.js';

const words = z.array(z.string());
const Schema = z.object({
  version: z.number(),
  speech_verbs: words,
  indirect_verbs: words,
  framing_verbs: words,
  according_to: words,
  addressees: words,
  anonymous_heads: words,
  anonymity_markers: words,
  referring_determiners: words,
  utterance_heads: words,
  carrier_verbs: words,
  medium_heads: words,
  pronouns: words,
  abbreviations: words,
  speaker_adverbs: words,
});

export interface QuoteLexicon {
  speechVerbs: Set<string>;
  indirectVerbs: Set<string>;
  framingVerbs: Set<string>;
  anonymousHeads: Set<string>;
  referringDeterminers: Set<string>;
  mediumHeads: Set<string>;
  pronouns: Set<string>;
  abbreviations: Set<string>;
  /** `(said|says|…)` as a regex source, longest first (multi-word verbs like "pointed out"). */
  speechVerbRe: string;
  indirectVerbRe: string;
  framingVerbRe: string;
  accordingRe: string;
  addresseeRe: string;
  adverbRe: string;
  anonymityRe: RegExp;
  /** Nouns for a document or utterance someone is the author of ("statement", "report"). */
  utteranceHeads: string[];
  /** "a statement by|from X" → X (group 1 is where X starts). */
  utteranceByRe: RegExp;
  /** "… carried by …" cuts the medium off an utterance phrase. */
  carrierRe: RegExp;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Alternation of phrases, longest first, spaces matching any run of spaces. */
const alt = (xs: string[]) =>
  [...new Set(xs.map((x) => x.toLowerCase().trim()))]
    .sort((a, b) => b.length - a.length)
    .map((x) => esc(x).replace(/ /g, '\\s+'))
    .join('|');

let cached: QuoteLexicon | undefined;

export function quoteLexicon(): QuoteLexicon {
  if (cached) return cached;
  const raw = Schema.parse(parse(readFileSync(dataPath('lexicon', 'quotes.yaml'), 'utf8')));
  const set = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
  cached = {
    speechVerbs: set(raw.speech_verbs),
    indirectVerbs: set(raw.indirect_verbs),
    framingVerbs: set(raw.framing_verbs),
    anonymousHeads: set(raw.anonymous_heads),
    referringDeterminers: set(raw.referring_determiners),
    mediumHeads: set(raw.medium_heads),
    pronouns: set(raw.pronouns),
    abbreviations: set(raw.abbreviations),
    speechVerbRe: alt(raw.speech_verbs),
    indirectVerbRe: alt(raw.indirect_verbs),
    framingVerbRe: alt(raw.framing_verbs),
    accordingRe: alt(raw.according_to),
    addresseeRe: alt(raw.addressees),
    adverbRe: alt(raw.speaker_adverbs),
    anonymityRe: new RegExp(`\\b(?:${alt(raw.anonymity_markers)})\\b`, 'i'),
    utteranceHeads: raw.utterance_heads.map(esc),
    utteranceByRe: new RegExp(`^(?:(?:a|an|the|its|his|her|their|one)\\s+)?(?:[\\w-]+\\s+){0,3}?(?:${alt(raw.utterance_heads)})\\s+(?:issued\\s+|released\\s+|made\\s+|posted\\s+)?(?:by|from)\\s+`, 'i'),
    carrierRe: new RegExp(`\\s+(?:(?:and\\s+|that\\s+was\\s+|which\\s+was\\s+)?(?:${alt(raw.carrier_verbs)})\\s+(?:by|in|on|through|via)|via|through|in|on)\\s+`, 'i'),
  };
  return cached;
}
