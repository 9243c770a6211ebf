// Direct, partial and indirect quotes with their speakers (owned by the quotes work).
// 1. quoted spans from the quotation marks (quote-marks.ts), 2. speaker cues around each
// (cues.ts, lead-in.ts for a quote paragraph introduced by the paragraph before), 3. speakers
// resolved to entities (speakers.ts) and to the statement's author across sentences and
// paragraphs (discourse.ts), 4. reported speech without marks in the remaining sentences (indirect.ts).
import type { Registry } from '../../registry/types.js';
import { isNewsOutlet } from '../events/actor-roll.js';
import type { Entity, EntityIndex, Quote, Segmented } from '../types.js';
import { findDirectQuotes } from './direct.js';
import type { QuoteContext } from './discourse.js';
import { findIndirectQuotes } from './indirect.js';
import { quoteLexicon } from './lexicon.js';
import { findQuotedSpans } from './quote-marks.js';

export interface QuoteInput {
  /** The article's title; a name found only in a headline at the top of the text speaks for no quote. */
  title?: string | null;
  /** Tells news outlets by the registry's kind (else by a medium's word ending the name). */
  registry?: Registry;
}

export function findQuotes(seg: Segmented, entities: EntityIndex, input: QuoteInput = {}): Quote[] {
  const lex = quoteLexicon();
  const spans = findQuotedSpans(seg.text);
  const direct = findDirectQuotes(seg.text, spans, entities, lex, quoteContext(seg.text, entities, input));
  const indirect = findIndirectQuotes(seg, spans, entities, lex);
  if (!indirect.length) return direct;
  return [...direct, ...indirect].sort((a, b) => a.start - b.start || a.end - b.end);
}

const fold = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** End of the headline when the text's first paragraph is the title (or the title opens it). */
export function titleEnd(text: string, title: string | null | undefined): number {
  if (!title) return 0;
  const t = fold(title);
  if (!t) return 0;
  let s = 0;
  while (s < text.length && /\s/.test(text[s]!)) s++;
  let e = text.indexOf('\n', s);
  if (e < 0) e = text.length;
  const first = fold(text.slice(s, e));
  return first === t || (first.startsWith(t) && first.length - t.length < 40) ? e : 0;
}

function quoteContext(text: string, entities: EntityIndex, input: QuoteInput): QuoteContext {
  const end = titleEnd(text, input.title);
  const inBody = new Set<Entity>(entities.entities.filter((e) => e.mentions.some((m) => m.start >= end)));
  const registry = input.registry;
  const isOutlet = registry ? (e: Entity) => isNewsOutlet(e, registry) : (e: Entity) => e.type === 'organization' && quoteLexicon().mediumHeads.has(e.name.toLowerCase().split(/\s+/).at(-1) ?? '');
  return { titleEnd: end, isOutlet, inBody };
}
