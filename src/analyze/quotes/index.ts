// Direct, partial and indirect quotes with their speakers (owned by the quotes work).
// 1. quoted spans from the quotation marks (quote-marks.ts), 2. speaker cues around each
// (cues.ts), 3. speakers resolved to entities (speakers.ts), 4. reported speech without marks
// in the remaining sentences (indirect.ts).
import type { EntityIndex, Quote, Segmented } from '../types.js';
import { findDirectQuotes } from './direct.js';
import { findIndirectQuotes } from './indirect.js';
import { quoteLexicon } from './lexicon.js';
import { findQuotedSpans } from './quote-marks.js';

export function findQuotes(seg: Segmented, entities: EntityIndex): Quote[] {
  const lex = quoteLexicon();
  const spans = findQuotedSpans(seg.text);
  const direct = findDirectQuotes(seg.text, spans, entities, lex);
  const indirect = findIndirectQuotes(seg, spans, entities, lex);
  if (!indirect.length) return direct;
  return [...direct, ...indirect].sort((a, b) => a.start - b.start || a.end - b.end);
}
