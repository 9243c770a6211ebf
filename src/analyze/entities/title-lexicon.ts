// The title word lists (data/lexicon/titles.yaml): forms of address, the words title phrases are made
// of, and the posts that belong to an institution of the holder's country. Loaded once per process.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { dataPath } from '../../core/data-path.js';
import { honorifics as registryHonorifics } from '../../registry/honorifics.js';
import { entityLexicon } from './lexicon.js';

const TitlesSchema = z.object({
  version: z.number(),
  rank_abbreviations: z.array(z.string()),
  title_words: z.array(z.string()),
  topic_heads: z.array(z.string()),
  post_institutions: z.record(z.string(), z.array(z.string())),
});

interface PostRule {
  kind: string;
  words: string[];
  whole: boolean;
}

export interface TitleLexicon {
  /** Forms of address (src/registry/honorifics.ts). */
  honorifics: ReadonlySet<string>;
  /** Words that end a title phrase: the role heads of entities.yaml plus abbreviated ranks. */
  heads: Set<string>;
  /** Any word a title phrase may contain (heads, person titles, portfolios, qualifiers). */
  words: Set<string>;
  /** Heads that after a bare country name give a subject, not a nationality ("North Korea analyst"). */
  topicHeads: Set<string>;
  posts: PostRule[];
}

let cached: TitleLexicon | undefined;

export function titleLexicon(): TitleLexicon {
  if (cached) return cached;
  const raw = TitlesSchema.parse(parse(readFileSync(dataPath('lexicon', 'titles.yaml'), 'utf8')));
  const lex = entityLexicon();
  const lower = (xs: Iterable<string>) => [...xs].map((x) => x.toLowerCase());
  const honorifics = new Set(registryHonorifics());
  const heads = new Set([...lex.roleHeads, ...lower(raw.rank_abbreviations)].filter((w) => !honorifics.has(w)));
  const words = new Set([...heads, ...lex.personTitles, ...lower(raw.title_words)].filter((w) => !honorifics.has(w)));
  const posts = Object.entries(raw.post_institutions).flatMap(([kind, entries]) =>
    entries.map((e) => ({ kind, whole: e.startsWith('='), words: roleWords(e.replace(/^=/, '')) })),
  );
  cached = { honorifics, heads, words, topicHeads: new Set(lower(raw.topic_heads)), posts };
  return cached;
}

/** A word as the lists hold it: lower case, without a trailing dot ("Mr." → "mr"). */
export const bare = (word: string): string => word.toLowerCase().replace(/\.$/, '');

export const isHonorific = (word: string): boolean => titleLexicon().honorifics.has(bare(word));

/** A title head, also inside a hyphenated compound ("vice-president", "then-minister"). */
export function isRoleHead(word: string): boolean {
  const w = bare(word);
  const { heads } = titleLexicon();
  return heads.has(w) || (w.includes('-') && w.split('-').some((p) => heads.has(p)));
}

export function isTitleWord(word: string): boolean {
  const w = bare(word);
  const { words } = titleLexicon();
  return words.has(w) || (w.includes('-') && w.split('-').every((p) => words.has(p)));
}

const FILLER = new Set(['of', 'for', 'the', 'and', '&']);

/** A role's content words, lower case, hyphens split ("Minister of Foreign Affairs" → minister, foreign, affairs). */
export function roleWords(role: string): string[] {
  return role.toLowerCase().split(/[\s-]+/).filter((w) => w && !FILLER.has(w));
}

/** The registry institution kind a post belongs to ("Foreign Minister" → "foreign-ministry"), or null. */
export function postKind(role: string): string | null {
  const words = roleWords(role);
  if (!words.length || /^(?:former|ex|then)$/.test(words[0]!)) return null;
  for (const rule of titleLexicon().posts) {
    const ok = rule.whole ? rule.words.join(' ') === words.join(' ') : rule.words.every((w) => words.includes(w));
    if (ok) return rule.kind;
  }
  return null;
}
