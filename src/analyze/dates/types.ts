// Internal shapes shared by the date rules.
import type { DateMention, Sentence } from '../types.js';
import type { Ymd } from './calendar.js';

export type Granularity = DateMention['granularity'];

export interface Candidate {
  start: number;
  end: number;
  value: string | null;
  granularity: Granularity;
  /** Resolved in document order against what came before ("a year earlier" after a quarter). */
  deferred?: 'year-ago' | 'quarter-ref' | 'that-year' | 'day-offset' | 'ordinal-day';
  /** day-offset: days from the narrative's last day (−1 "the previous day"); ordinal-day: the day of the month. */
  offset?: number;
  /** Explicit year or quarter this candidate states, for the later anaphoric ones. */
  year?: number;
  quarter?: { y: number; q: number };
  /** Rule rank, for ties between equally long overlapping candidates. */
  rank?: number;
}

export interface Ctx {
  text: string;
  sentences: readonly Sentence[];
  pub: Ymd | null;
  /** Day number of the publication date (0 when unknown; check pub first). */
  pubDay: number;
}

/** A rule scans one sentence's `text`, which starts at offset `base` of the article. */
export type Rule = (ctx: Ctx, out: Candidate[], text: string, base: number) => void;

/** Which trigger words make a sentence worth a rule's regexes (see triggers.ts). */
export type Family = 'month' | 'year' | 'weekday' | 'deictic' | 'unit' | 'ago' | 'quarter' | 'half' | 'season' | 'ref' | 'anchored';
export type FamilyRule = [Family, Rule];
