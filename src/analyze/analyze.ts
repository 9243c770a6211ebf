// analyzeArticle: the pure, deterministic function (text, metadata, registry) → Analysis.
// No I/O: the same input always gives the same output, so it can be re-run and spread over threads.
import type { Registry } from '../registry/types.js';
import { findDates } from './dates/index.js';
import { findEntities } from './entities/index.js';
import { findEvents } from './events/index.js';
import { observeRoles } from './roles.js';
import { findQuotes } from './quotes/index.js';
import { segment } from './segment.js';
import type { Analysis, ArticleInput } from './types.js';

/** Bump when a change to the analysis code changes its output, so `reanalyze` finds stale rows. */
export const ANALYZER_VERSION = '4';

export function analyzeArticle(input: ArticleInput, registry: Registry): Analysis {
  const seg = segment(input.text);
  const dates = findDates(seg, input.published);
  const entities = findEntities(seg, registry, input);
  // Quotes run after entities: speakers resolve to entities and resolved pronouns add mentions.
  const quotes = findQuotes(seg, entities, { title: input.title, registry });
  const roles = observeRoles(seg, entities, dates, input.published);
  return {
    document: {
      title: input.title ?? null,
      published: input.published,
      language: input.language ?? 'en',
      url: input.url ?? null,
      byline: input.byline ?? null,
      kind: input.kind ?? 'news',
      text: input.text,
    },
    entities: entities.entities,
    quotes,
    events: findEvents(seg, entities, quotes, dates, registry, input),
    dates,
    roles,
    analyzer: { version: ANALYZER_VERSION, registry: registry.version },
  };
}
