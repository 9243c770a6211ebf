// Words that make a title: role heads from the lexicon ("minister", "spokesman") and honorifics.
import type { EntityLexicon } from './lexicon.js';

export const HONORIFICS: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'sir', 'dame', 'comrade', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'adm', 'rev', 'sgt', 'brig', 'cmdr', 'maj']);

export function isTitleHead(word: string, lex: EntityLexicon): boolean {
  const w = word.toLowerCase().replace(/\.$/, '');
  return lex.roleHeads.has(w) || HONORIFICS.has(w);
}
