// Shapes of one article's analysis (contract: ../shared/contracts/analysis.schema.json).
// Offsets are UTF-16 code-unit offsets into the body text, end exclusive.
import type { ActorType } from '../registry/types.js';

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  text: string;
  /** Index of the paragraph (blank- or newline-separated block) the sentence is in. */
  paragraph: number;
}

export interface Token extends Span {
  text: string;
  /** text in lower case, computed once (every stage looks words up in lower case). */
  lower: string;
  /** Index into Segmented.sentences. */
  sentence: number;
  /** Universal POS tag from wink-nlp (PROPN, NOUN, VERB, PUNCT...). */
  pos: string;
}

/** The text split once into paragraphs, sentences and tokens; every stage reads this. */
export interface Segmented {
  text: string;
  sentences: Sentence[];
  tokens: Token[];
}

export interface ArticleInput {
  text: string;
  /** ISO date or date-time; null when unknown (relative dates then stay unresolved). */
  published: string | null;
  title?: string | null;
  url?: string | null;
  byline?: string | null;
  language?: string | null;
  kind?: 'news' | 'opinion' | 'analysis' | 'press-release' | 'transcript' | 'other' | null;
}

export interface Mention extends Span {
  text: string;
  /** How the mention names the entity. */
  via?: 'name' | 'alias' | 'variant' | 'surname' | 'title' | 'pronoun' | 'metonym' | 'demonym' | 'generic' | 'acronym';
}

export interface Entity {
  /** Registry id when resolved, else null (a candidate actor). */
  id: string | null;
  name: string;
  type: ActorType;
  country: string | null;
  roles: string[];
  mentions: Mention[];
  /** Extra: the institution the text ties the entity to ("at the National Security Council"). */
  affiliation?: string | null;
}

export interface DateMention extends Span {
  text: string;
  /** YYYY-MM-DD, YYYY-MM or YYYY (or a TIMEX-style special value); null when it cannot be resolved. */
  value: string | null;
  granularity: 'day' | 'month' | 'year' | 'week' | 'quarter' | 'half' | 'decade' | 'season' | 'other';
}

export interface Speaker {
  name: string | null;
  entityId: string | null;
  anonymous: boolean;
  description: string | null;
}

export interface Quote extends Span {
  text: string;
  kind: 'direct' | 'partial' | 'indirect';
  speaker: Speaker | null;
  /** Extra: the speaker cue in the text ("said the source"), for evidence. */
  cue?: (Span & { text: string }) | null;
}

/** A title attached to a person in the text, with the personnel change it signals. */
export interface RoleObservation {
  /** Canonical name of the person. */
  person: string;
  personId: string | null;
  title: string;
  /** Institution named with the title, when any. */
  org: string | null;
  orgId: string | null;
  country: string | null;
  change: 'holds' | 'appointed' | 'dismissed' | 'punished' | 'kept' | 'former' | 'resigned' | 'promoted' | 'nominated';
  /** Date of the change or observation when the sentence gives one, else the publication date. */
  date: string | null;
  sentence: Span & { text: string };
}

/** PLOVER event types (2021 names) plus STATEMENT for neutral public comment. */
export const EVENT_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT',
  'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT', 'STATEMENT',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Who acts or is acted on; people roll up to their institution and country at the event's date. */
export interface EventActor {
  name: string | null;
  entityId: string | null;
  country: string | null;
  /** Extra: registry id of the institution the person acted for (their post on the event date). */
  institution?: string | null;
}

export interface AnalysisEvent {
  /** Unique within the article ("e1", "e2", … in text order). */
  id: string;
  /** When it happened (YYYY-MM-DD, YYYY-MM or YYYY): from the text, else the publication day (datePrecision 'published'); null when neither is known. */
  date: string | null;
  /** Extra: 'text' when the text dates the event, 'published' when the date is only the article's publication day. */
  datePrecision?: 'text' | 'published';
  type: EventType;
  /** PLOVER mode where the text supports it (CONSULT: visit|meeting|call; AID: offered|delivered …). */
  mode?: string | null;
  source: EventActor;
  target: EventActor | null;
  /** Cooperation (+10) to conflict (−10), from the type/mode scale in data/lexicon/events.yaml. */
  intensity: number;
  /** CAMEO root code ("01"–"20") for export. */
  cameo?: string | null;
  negated?: boolean;
  modality?: 'asserted' | 'reported' | 'hypothetical' | 'planned';
  // The contract's enum: state media speaking for its government counts as 'official'.
  sourcing?: 'official' | 'anonymous-source' | 'expert' | 'media-report' | 'speculation' | 'unknown';
  sentence?: Span & { text: string };
  /** Extra: the article's other sentences reporting the same happening (events/happenings.ts). */
  evidence?: (Span & { text: string })[];
  /** Extra: the words that triggered the event (evidence). */
  trigger?: Span & { text: string };
  /** Extra: the quote the event is made of, when it is a statement with quoted words. */
  quote?: string | null;
  /** Id of an earlier event in this article that this one answers. */
  respondsTo?: string | null;
  /** Extra: the explicit response cue in the sentence ("in response to", "rebuked"), for cross-article linking. */
  responseCue?: string | null;
}

export interface Analysis {
  document: {
    title: string | null;
    published: string | null;
    language: string;
    url: string | null;
    byline: string | null;
    kind: NonNullable<ArticleInput['kind']>;
    text: string;
  };
  entities: Entity[];
  quotes: Quote[];
  events: AnalysisEvent[];
  dates: DateMention[];
  roles: RoleObservation[];
  /** Analyzer code version and registry version, so stale analyses can be found and re-run. */
  analyzer: { version: string; registry: string };
}

/** The entities of one article with their mentions, as later stages (quotes, roles, events) see them. */
export interface EntityIndex {
  readonly entities: Entity[];
  /** The entity one of whose mentions overlaps [start, end) (persons first, then the longest mention). */
  at(start: number, end: number): Entity | null;
  /**
   * The entity a referring phrase at [start, end) stands for, looking back from `start`:
   * pronouns ("she", "his"), surnames ("Choe"), titles ("the vice foreign minister", "the spokesman"),
   * metonyms ("Pyongyang"). Null when nothing compatible was mentioned before.
   */
  resolve(phrase: string, start: number, end: number): Entity | null;
  /** Records that [start, end) refers to `entity` (e.g. a pronoun speaker once resolved). */
  addMention(entity: Entity, mention: Mention): void;
}
