// Shapes of the insights layer: what the store's aggregate queries return (one row per bucket,
// src/store/insights.ts) and what the pure functions of src/insights/* make of them.
import type { RoleObservation } from '../analyze/types.js';
import type { ActorMatch } from '../store/types.js';

export type TrendBy = 'day' | 'week';

/** What a trend follows. A dyad's attention is co-mention (undirected); its tone is directed a → b. */
export type TrendSubject =
  | { kind: 'actor'; actor: ActorMatch }
  | { kind: 'dyad'; a: ActorMatch; b: ActorMatch }
  | { kind: 'type'; type: string }
  | { kind: 'keyword'; text: string };

export interface TrendFilter {
  by: TrendBy;
  /** YYYY-MM-DD bounds (inclusive): articles' dated_at day, events' sort_date. */
  since?: string;
  until?: string;
}

/** Articles (and entity mentions) per bucket. mentions is null for keywords (the search index counts articles). */
export interface AttentionRow {
  /** The bucket's first day (YYYY-MM-DD; a week starts on Monday). */
  bucket: string;
  articles: number;
  mentions: number | null;
}

/** Merged real-world events per bucket: count, intensity sum, cooperative (> 0) and conflictual (< 0) ones. */
export interface ToneRow {
  bucket: string;
  events: number;
  intensitySum: number;
  coop: number;
  conflict: number;
}

export interface PersonnelFilter {
  /** The person: registry ids / candidate keys (person_key), or names (case-insensitive). */
  person?: { keys?: string[]; names?: string[] };
  /** YYYY-MM-DD bounds on the observation's date (its own, else its article's day). */
  since?: string;
  until?: string;
  /** Only observed changes (every change but "holds"). */
  changesOnly?: boolean;
  /** Only the observations read in this article. */
  articleId?: number;
  limit?: number;
}

/** A role observation with its evidence: the article it was read in. */
export interface RoleRecord {
  articleId: number;
  seq: number;
  personKey: string;
  person: string;
  title: string;
  /** The institution as the text names it. */
  org: string | null;
  change: RoleObservation['change'];
  /** The observation's date (partial dates kept), else its article's day. */
  date: string;
  url: string;
  outlet: string | null;
  sentence: string;
}
