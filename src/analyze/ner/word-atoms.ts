// What a tagger knows about a word on its own: its forms, shape, affixes and the word lists it is
// on (the entity rules' lexicons, given names, cities). Computed once per distinct spelling and
// kept in a bounded cache, since news text repeats its words.
import { cityByName } from '../entities/places.js';
import type { EntityLexicon } from '../entities/lexicon.js';
import { hashString, mix } from './hash.js';
import { positional, type PositionalFeatures } from './templates.js';

export interface WordAtoms extends PositionalFeatures {
  lower: number;
  shape: number;
  capitalized: boolean;
  /** Four or more characters, starting with two letters (a word a title would capitalise). */
  longWord: boolean;
  /** A word no name is made of on its own: all lower case and not a name particle ("al", "van"), or punctuation that ends a name. */
  plain: boolean;
  /** Per model (TaggerModel.slot), the model's scores of this word's features; filled on first use. */
  scores: (Float32Array | undefined)[];
}

/**
 * Forms of address and rank abbreviations, as one of the tagger's word-list features. The weights
 * were trained with exactly this list: changing it means retraining (`npm run train:ner`).
 */
const ADDRESS_WORDS: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'sir', 'dame', 'comrade', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'adm', 'rev', 'sgt', 'brig', 'cmdr', 'maj']);

/** Distinct spellings kept; each holds a few hundred bytes of scores per model. */
const MAX_CACHE = 100_000;

/** "Kim" → "Xx", "U.S." → "X.X.", "1996" → "d", "F-16" → "X-d". */
export function shapeOf(word: string): string {
  let out = '';
  let last = '';
  for (const ch of word) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (c !== last || !/[Xxd]/.test(c)) out += c;
    last = c;
  }
  return out.length > 8 ? out.slice(0, 8) : out;
}

export class WordAtomizer {
  private cache = new Map<string, WordAtoms>();
  private readonly lists: [string, ReadonlySet<string>][];
  private readonly particles: ReadonlySet<string>;

  constructor(lex: EntityLexicon) {
    this.particles = lex.nameParticles;
    this.lists = [
      ['first', lex.firstNames], ['title', lex.personTitles], ['rolehead', lex.roleHeads], ['orghead', lex.orgHeads],
      ['orgsuffix', lex.orgSuffixes], ['placeprep', lex.placePrepositions], ['particle', lex.nameParticles],
      ['eastasian', lex.eastAsianSurnames], ['notname', lex.notNames], ['speech', lex.speechVerbs],
      ['nonperson', lex.nonPersonWords], ['orgnoun', lex.orgNouns], ['honorific', ADDRESS_WORDS],
    ];
  }

  atoms(word: string): WordAtoms {
    let a = this.cache.get(word);
    if (a) return a;
    if (this.cache.size >= MAX_CACHE) {
      this.cache.clear();
    }
    a = this.compute(word);
    this.cache.set(word, a);
    return a;
  }

  private compute(word: string): WordAtoms {
    const lower = word.toLowerCase();
    const bare = lower.replace(/\.$/, '');
    const affixes: number[] = [];
    const chars = [...lower];
    for (let n = 1; n <= 4 && n < chars.length; n++) {
      affixes.push(mix(hashString(`p${n}`), hashString(chars.slice(0, n).join(''))));
      affixes.push(mix(hashString(`s${n}`), hashString(chars.slice(-n).join(''))));
    }
    const flags: number[] = [];
    for (const [name, set] of this.lists) if (set.has(bare)) flags.push(hashString(`L:${name}`));
    const capitalized = /^\p{Lu}/u.test(word);
    const plain = (/^\p{Ll}[\p{Ll}'’]*$/u.test(word) && !this.particles.has(lower)) || /^[.,;:!?"“”()]$/.test(word);
    if (capitalized && word.length > 1 && cityByName(word)) flags.push(hashString('L:city'));
    if (/^\p{Lu}+$/u.test(word) && word.length > 1) flags.push(hashString('F:allcaps'));
    if (/\p{N}/u.test(word)) flags.push(hashString('F:digit'));
    if (word.length > 12) flags.push(hashString('F:long'));
    const h = { lower: hashString(lower), shape: hashString(shapeOf(word)) };
    return { ...h, ...positional(h.lower, hashString(word), h.shape, affixes, flags), capitalized, longWord: word.length >= 4 && /^\p{L}{2}/u.test(word), plain, scores: [] };
  }
}
