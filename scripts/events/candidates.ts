// The candidate events of a training text, found exactly as analysis finds them (segmenter, dates,
// entities, trigger selection, negation and modality from src/analyze/events), so the typer is
// trained on the hits it will be asked about.
import { findDates } from '../../src/analyze/dates/index.js';
import { findEntities } from '../../src/analyze/entities/index.js';
import { mentionsIn, noTriggerSpans, placedMentions } from '../../src/analyze/events/actors.js';
import { ACTOR_WINDOW } from '../../src/analyze/events/index.js';
import { eventLexicon } from '../../src/analyze/events/lexicon.js';
import { isNegated, modalityOf, sentenceModality } from '../../src/analyze/events/qualifiers.js';
import { findTriggers } from '../../src/analyze/events/triggers.js';
import type { HitContext } from '../../src/analyze/events/typing/features.js';
import { segment } from '../../src/analyze/segment.js';
import type { Registry } from '../../src/registry/types.js';

export interface Candidate {
  ctx: HitContext;
  /** Index of the hit's sentence in the text. */
  sentence: number;
  sentenceText: string;
}

export function candidates(text: string, registry: Registry): Candidate[] {
  const lex = eventLexicon();
  const seg = segment(text);
  const dates = findDates(seg, null);
  const placed = placedMentions(findEntities(seg, registry, { text, published: null }));
  const bySentence = findTriggers(seg, lex, noTriggerSpans(dates, placed));
  if (!bySentence.some((h) => h?.length)) return [];
  const out: Candidate[] = [];
  bySentence.forEach((hits, si) => {
    if (!hits?.length) return;
    const s = seg.sentences[si]!;
    const mentions = mentionsIn(placed, s.start, s.end);
    const sm = sentenceModality(s.text, lex);
    for (const hit of hits) {
      // As findEvents does: in a very long sentence only the mentions near the trigger.
      const near = s.end - s.start > 2 * ACTOR_WINDOW ? mentionsIn(placed, Math.max(s.start, hit.start - ACTOR_WINDOW), Math.min(s.end, hit.end + ACTOR_WINDOW)) : mentions;
      const ctx: HitContext = { seg, hit, mentions: near, negated: isNegated(seg, hit.token, lex), modality: modalityOf(seg, hit.token, sm, lex) };
      out.push({ ctx, sentence: si, sentenceText: s.text });
    }
  });
  return out;
}
