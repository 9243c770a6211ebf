// Copies of training documents that show the tagger what 1996 Reuters rarely does:
// - person names of other traditions (names.ts) in place of the original ones, with a later
//   surname-only mention of the same person replaced by the new family name;
// - place names from the world-cities list in place of some original ones, so an unfamiliar
//   foreign word is not taken for a person just because it is unfamiliar;
// - headlines in Title Case, where capitals stop meaning "name".
// Labels follow the words, so every copy stays correctly labelled.
import { createRequire } from 'node:module';
import type { RawDoc } from './conll.js';
import { generateName } from './names.js';

/** City names (city-timezones, the gazetteer the analyzer ships), in the package's order. */
const CITIES: string[] = (createRequire(import.meta.url)('city-timezones') as { cityMapping: { city_ascii: string }[] }).cityMapping
  .map((c) => c.city_ascii)
  .filter((c) => /^\p{Lu}[\p{L}' -]*$/u.test(c));

const SMALL = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'for', 'to', 'and', 'at', 'by', 'with', 'from', 'as', 'or']);

export function augmentDoc(doc: RawDoc, random: () => number, opts = { replacePerson: 0.7, replacePlace: 0.3, titleCase: 0.15 }): RawDoc {
  const renamed = new Map<string, string[]>(); // original word sequence or family name → new words
  const sentences = doc.sentences.map((s) => {
    const words: string[] = [];
    const tags: string[] = [];
    for (let i = 0; i < s.words.length; ) {
      const type = s.tags[i]!.slice(2);
      if (type === 'PER' || type === 'LOC') {
        let j = i + 1;
        while (j < s.words.length && s.tags[j] === `I-${type}`) j++;
        const original = s.words.slice(i, j);
        const next = type === 'PER' ? replacement(original, renamed, random, opts.replacePerson) : placeReplacement(original, renamed, random, opts.replacePlace);
        next.forEach((w, k) => {
          words.push(w);
          tags.push(k === 0 ? `B-${type}` : `I-${type}`);
        });
        i = j;
        continue;
      }
      words.push(s.words[i]!);
      tags.push(s.tags[i]!);
      i++;
    }
    return random() < opts.titleCase && isPlainSentence(words) ? { words: words.map(titleCase), tags } : { words, tags };
  });
  return { sentences };
}

function replacement(original: string[], renamed: Map<string, string[]>, random: () => number, rate: number): string[] {
  const key = original.join(' ');
  const known = renamed.get(key);
  if (known) return known;
  if (original.length === 1 || random() >= rate) {
    renamed.set(key, original);
    return original;
  }
  const pick = generateName(random);
  const words = pick.words.flatMap((w) => w.split(' '));
  renamed.set(key, words);
  // "Smith" alone later in the story becomes the new family name.
  renamed.set(original[original.length - 1]!, pick.family.split(' '));
  return words;
}

function placeReplacement(original: string[], renamed: Map<string, string[]>, random: () => number, rate: number): string[] {
  const key = `place:${original.join(' ')}`;
  const known = renamed.get(key);
  if (known) return known;
  const words = random() < rate ? CITIES[Math.floor(random() * CITIES.length)]!.split(' ') : original;
  renamed.set(key, words);
  return words;
}

/** Normal prose: mostly lower-case words (not a table or an all-caps headline). */
function isPlainSentence(words: string[]): boolean {
  const letters = words.filter((w) => /\p{L}/u.test(w));
  return letters.length >= 4 && letters.filter((w) => /^\p{Ll}/u.test(w)).length >= letters.length / 2;
}

const titleCase = (w: string): string => (SMALL.has(w) || !/^\p{Ll}/u.test(w) ? w : w.charAt(0).toUpperCase() + w.slice(1));
