// Mentions of people, organisations, countries and places, resolved into entities:
// 1. registry names (longest alias wins), 2. unknown capitalised runs typed from context,
// 3. generic institution phrases ("the foreign ministry") given the country from context,
// 4. mentions merged into entities (surnames and acronyms to their full names, by recency).
import type { Registry } from '../../registry/types.js';
import type { ArticleInput, EntityIndex, Segmented } from '../types.js';
import { buildDrafts } from './build.js';
import { createEntityIndex } from './entity-index.js';
import { entityLexicon } from './lexicon.js';

export function findEntities(seg: Segmented, registry: Registry, input: ArticleInput): EntityIndex {
  const lex = entityLexicon();
  return createEntityIndex(buildDrafts(seg, registry, lex, input.published), registry, input.published);
}
