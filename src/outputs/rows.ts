// Row mappers per export kind: the fixed columns (the CSV header, in order; the JSONL keys) and
// how a store item becomes a row. Column names are snake_case in both formats.
import { eventRef } from '../events/timeline.js';
import type { ExportedArticle, ExportedQuote } from '../store/exports.js';
import type { ExportedEvent } from '../store/exports-events.js';
import type { Cell } from './csv.js';
import type { RowSpec } from './write.js';

/**
 * One row per merged real-world event, PLOVER/ICEWS-style: who did what to whom, when, how
 * intensely, with the CAMEO root, how many reports, the first report's URL and sentence as
 * evidence, and the response arrows (timeline ids, "ev42"). `date` is the date the text gives
 * (YYYY-MM-DD, YYYY-MM or YYYY; empty when none); `sort_date` the day rows are ordered by (that
 * date's day, else the first report's anchor day), as in `readout timeline`.
 */
export const EVENT_COLUMNS = [
  'id', 'date', 'sort_date', 'source_actor', 'source_actor_id', 'source_country', 'type', 'mode', 'target_actor', 'target_actor_id', 'target_country',
  'intensity', 'cameo_root', 'report_count', 'first_url', 'evidence_sentence', 'negated', 'modality', 'quote', 'outlets',
  'first_seen', 'last_seen', 'responds_to',
] as const;

export const eventRows: RowSpec<ExportedEvent> = {
  columns: EVENT_COLUMNS,
  row: ({ event: e, cameo, firstUrl, evidence, respondsTo }) => ({
    id: eventRef(e.id),
    date: e.date,
    sort_date: e.sortDate,
    source_actor: e.source?.name ?? null,
    source_actor_id: e.source?.entityId ?? e.source?.institution ?? null,
    source_country: e.source?.country ?? null,
    type: e.type,
    mode: e.mode,
    target_actor: e.target?.name ?? null,
    target_actor_id: e.target?.entityId ?? e.target?.institution ?? null,
    target_country: e.target?.country ?? null,
    intensity: e.intensity,
    cameo_root: cameo,
    report_count: e.reportCount,
    first_url: firstUrl,
    evidence_sentence: evidence,
    negated: e.negated,
    modality: e.modality,
    quote: e.quote,
    outlets: e.outlets,
    first_seen: e.firstSeen,
    last_seen: e.lastSeen,
    responds_to: respondsTo.map(eventRef),
  }),
};

export const ARTICLE_COLUMNS = [
  'id', 'url', 'source', 'published', 'kind', 'title', 'byline', 'language', 'group_id', 'entity_count', 'quote_count', 'event_count',
] as const;

/** Articles without their text (the `text` column is added by --with-text); counts are empty for unanalysed articles. */
export function articleRows(withText: boolean): RowSpec<ExportedArticle> {
  return {
    columns: withText ? [...ARTICLE_COLUMNS, 'text'] : ARTICLE_COLUMNS,
    row: (a) => {
      const row: Record<string, Cell> = {
        id: a.id, url: a.canonicalUrl, source: a.sourceName, published: a.published, kind: a.kind, title: a.title, byline: a.byline,
        language: a.language, group_id: a.groupId, entity_count: a.entityCount, quote_count: a.quoteCount, event_count: a.eventCount,
      };
      if (withText) row.text = a.text ?? '';
      return row;
    },
  };
}

export const QUOTE_COLUMNS = [
  'article_id', 'article_url', 'published', 'source', 'quote_index', 'speaker_name', 'speaker_entity_id', 'speaker_country',
  'speaker_anonymous', 'speaker_description', 'kind', 'text', 'cue',
] as const;

export const quoteRows: RowSpec<ExportedQuote> = {
  columns: QUOTE_COLUMNS,
  row: (q) => ({
    article_id: q.articleId,
    article_url: q.url,
    published: q.published,
    source: q.sourceName,
    quote_index: q.index,
    speaker_name: q.quote.speaker?.name ?? null,
    speaker_entity_id: q.quote.speaker?.entityId ?? null,
    speaker_country: q.speakerCountry,
    speaker_anonymous: q.quote.speaker ? q.quote.speaker.anonymous : null,
    speaker_description: q.quote.speaker?.description ?? null,
    kind: q.quote.kind,
    text: q.quote.text,
    cue: q.quote.cue?.text ?? null,
  }),
};
