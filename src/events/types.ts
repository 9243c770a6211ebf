// Shapes of the cross-article event layer: one report (an event as one article tells it), the
// merged real-world event (all its reports), and the response links between merged events.
// Pure data: the store (src/store/events.ts) reads and writes them, src/events/* computes them.
import type { EventType } from '../analyze/types.js';

export type Modality = 'asserted' | 'reported' | 'hypothetical' | 'planned';

/** An event actor as stored: any field may be unknown. */
export interface ActorRef {
  name: string | null;
  entityId: string | null;
  country: string | null;
  institution: string | null;
}

/** One article's account of one event (a row of article_events, with its article's metadata). */
export interface EventReport {
  articleId: number;
  /** Position in the article's events list. */
  seq: number;
  /** The event id inside its article ("e1"). */
  eventId: string;
  /** The event's date from the text (YYYY-MM-DD, YYYY-MM or YYYY), or null. */
  date: string | null;
  /** YYYY-MM-DD the matching window is centred on: the day date, else the article's published day. Never shown as the date. */
  anchor: string;
  type: EventType;
  mode: string | null;
  source: ActorRef;
  target: ActorRef | null;
  intensity: number;
  cameo: string | null;
  negated: boolean;
  modality: Modality;
  sourcing: string | null;
  sentence: string;
  trigger: string | null;
  quote: string | null;
  /** Id of an earlier event of the same article this one answers. */
  respondsTo: string | null;
  responseCue: string | null;
  /** The article's outlet (source name), its URL, published time, and when it was dated (published, else fetched). */
  outlet: string | null;
  url: string;
  published: string | null;
  seenAt: string;
  /** The merged event this report belongs to; null until merged. */
  mergedId: number | null;
}

/** The representative fields of a merged event, computed from its reports (merge.ts). */
export interface MergedFields {
  /** Earliest of the most specific dates the reports give; null when none gives one. */
  date: string | null;
  /** Earliest and latest report anchor (the matching window of the event). */
  anchor: string;
  lastAnchor: string;
  /** date when it is a day, else the earliest anchor: what timelines sort and filter on. */
  sortDate: string;
  type: EventType;
  mode: string | null;
  source: ActorRef;
  target: ActorRef | null;
  /** Mean of the reports' intensities, one decimal. */
  intensity: number;
  negated: boolean;
  modality: Modality;
  quote: string | null;
  /** Distinct articles reporting it: an article that tells it twice (two of its reports merged here) counts once. */
  reportCount: number;
  outlets: string[];
  /** dated_at of the first and last article reporting it. */
  firstSeen: string;
  lastSeen: string;
}

export interface MergedEvent extends MergedFields {
  id: number;
}

export type ResponseRule = 'in-article' | 'cue' | 'reciprocity';

/** "event answers respondsTo", with the report and sentence that show it. */
export interface ResponseLink {
  eventId: number;
  respondsTo: number;
  rule: ResponseRule;
  /** 0..1. */
  confidence: number;
  articleId: number;
  sentence: string;
  cue: string | null;
}
