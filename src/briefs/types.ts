// Shapes of a brief: what assembleBrief (assemble.ts) makes of query results and what the
// Markdown and HTML renderers print. Plain data (saved as JSON with --save).
import type { TimelineEntry } from '../events/timeline.js';
import type { ActorRef } from '../events/types.js';
import type { PersonnelChange } from '../insights/personnel.js';
import type { ArticleEntityCountry } from '../store/briefs.js';

export interface BriefLink {
  ref: string;
  /** "North Korea → United States REJECT", when the other event is known. */
  summary: string | null;
  rule: string;
  confidence: number;
  cue: string | null;
}

export interface BriefEvidence {
  /** The stored article the sentence is from (absent in briefs saved before it was recorded). */
  articleId?: number;
  url: string;
  outlet: string | null;
  sentence: string;
}

/** The parts of an item's score (rank.ts). intensity is shown, not weighted. */
export interface ScoreParts {
  novelty: number;
  intensity: number;
  actor: number;
  /** Coverage: distinct outlets, further articles at half. */
  reports: number;
}

export interface BriefItem {
  id: number;
  ref: string;
  date: string | null;
  sortDate: string;
  type: string;
  mode: string | null;
  modality: string;
  negated: boolean;
  /** "offer", "hypothetical offer", "threat", "meeting", "statement" … */
  label: string;
  source: string;
  target: string | null;
  intensity: number;
  quote: string | null;
  evidence: BriefEvidence | null;
  reportCount: number;
  outlets: string[];
  /** The events this one answers (response links), and the events in the brief answering it. */
  answers: BriefLink[];
  answeredBy: BriefLink[];
  /** First reported within the window and not a repeat of an earlier event (repeatOf names the earlier one). */
  novel: boolean;
  repeatOf: string | null;
  score: number;
  parts: ScoreParts;
}

export interface BriefPersonnelItem {
  date: string;
  person: string;
  title: string;
  change: string;
  institution: string;
  evidence: BriefEvidence;
}

export interface BriefTrendLine {
  label: string;
  kind: 'actor' | 'dyad';
  buckets: string[];
  articles: number[];
  events: number[];
  /** Mean intensity per bucket (null: no events). */
  tone: (number | null)[];
  /** Buckets flagged as spikes (attention or events). */
  spikes: string[];
  /** A dyad's reciprocity (src/insights/reciprocity.ts), with insufficient/note when it rests on too few paired days. */
  reciprocity?: { value: number | null; pairs: number; insufficient: boolean; minPairs: number; note: string | null; text: string };
}

export interface BriefSections {
  /** Key statements and who answered whom. */
  statements: BriefItem[];
  /** Visits and meetings (CONSULT). */
  meetings: BriefItem[];
  /** Threats (THREATEN) and offers (AID, AGREE), modality shown. */
  threatsOffers: BriefItem[];
  /** Other actions (sanctions, force, cooperation …). */
  other: BriefItem[];
}

export interface Brief {
  title: string;
  generatedAt: string;
  since: string;
  until: string;
  focus: string | null;
  sections: BriefSections;
  personnel: BriefPersonnelItem[];
  trends: BriefTrendLine[];
  /** The ranking formula, printed at the end of the brief. */
  ranking: string;
}

/** Everything a brief is assembled from: query results only. */
export interface BriefInput {
  /** YYYY-MM-DD bounds (inclusive) of the window. */
  since: string;
  until: string;
  /** ISO3 focus country, or null for all. */
  focus: string | null;
  generatedAt: string;
  /** Events dated in the window (store.timeline). */
  entries: TimelineEntry[];
  /** Events before the window, for repeat detection (and to describe what an item answers). */
  earlier: TimelineEntry[];
  /** Personnel changes in the window (changeFeed over store.roleRecords). */
  personnel: PersonnelChange[];
  /** Countries of the entities of the personnel articles (store.articleEntityCountries), for --focus. */
  personnelCountries: ArticleEntityCountry[];
  trends: BriefTrendLine[];
  /** 0..1 rank of an actor (rank.ts actorWeight); default: 1 for the focus country, 0.3 otherwise. */
  actorWeight?: (a: ActorRef | null) => number;
  /** Items per section (default 10). */
  limit?: number;
}
