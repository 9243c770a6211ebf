// Kysely table types: the database as the store's SQL sees it. The same columns exist in
// both dialects (created by src/store/migrations). Conventions:
// - timestamps are ISO-8601 UTC text ("2024-05-01T09:30:00.000Z"), so they compare as strings;
// - booleans are integers 0/1, JSON values (tags, headers, payloads) are text;
// - ids are INTEGER (SQLite rowid) / BIGINT identity (PostgreSQL, parsed to number by the pool).
// PostgreSQL-only columns (articles.search_vector) are reached through raw `sql` fragments.
import type { Generated } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface SourcesTable {
  id: Generated<number>;
  url: string;
  kind: string;
  title: string | null;
  /** JSON array of strings. */
  tags: string;
  interval_seconds: number;
  enabled: number;
  etag: string | null;
  last_modified: string | null;
  last_polled_at: string | null;
  last_success_at: string | null;
  last_error_at: string | null;
  last_error: string | null;
  failure_streak: number;
  items_seen: number;
  next_poll_at: string | null;
  created_at: string;
}

export interface RawResponsesTable {
  /** sha256 (hex) of the uncompressed body. */
  hash: string;
  url: string;
  final_url: string;
  status: number;
  /** JSON object. */
  headers: string;
  /** gzip-compressed body. */
  body: Buffer;
  /** Uncompressed size in bytes. */
  size: number;
  fetched_at: string;
  created_at: string;
}

export interface ArticlesTable {
  id: Generated<number>;
  url: string;
  canonical_url: string;
  source_id: number | null;
  source_name: string | null;
  title: string | null;
  byline: string | null;
  /** As given by the page (may be a date without time). */
  published: string | null;
  language: string;
  kind: string;
  section: string | null;
  text: string;
  content_hash: string;
  /** 16 lowercase hex digits. */
  simhash: string;
  shingle_count: number;
  minhash: string;
  raw_hash: string | null;
  fetched_at: string;
  /** Normalised published time, else fetched_at: what date filters and "newest" use. */
  dated_at: string;
  group_id: number;
  created_at: string;
}

export interface ArticleUrlsTable {
  url: string;
  article_id: number;
  created_at: string;
}

export interface ArticleBandsTable {
  band: number;
  article_id: number;
}

export interface CommentsTable {
  id: Generated<number>;
  article_id: number;
  author: string | null;
  published: string | null;
  text: string;
  /** sha256 of the whitespace-normalised text: unique per article. */
  text_hash: string;
  created_at: string;
}

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  /** JSON object. */
  payload: string;
  dedupe_key: string | null;
  status: string;
  attempts: number;
  max_attempts: number;
  run_after: string;
  lease_until: string | null;
  last_error: string | null;
  source_id: number | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  duration_ms: number | null;
  /** Who holds the lease: "<hostname>:<pid>:<random>" (migration 9). */
  lease_owner: string | null;
  /** Times the job was taken back from a dead or expired holder (not counted in attempts). */
  reclaims: Generated<number>;
  /** The host the job fetches from (lower-case name), for host-aware leasing; null: none or unknown. */
  host: string | null;
}

export interface AnalysesTable {
  article_id: number;
  analyzer_version: string;
  registry_version: string;
  analyzed_at: string;
  /** JSON: the Analysis without document.text. */
  analysis: string;
}

export interface ArticleEntitiesTable {
  article_id: number;
  /** Registry id, or "name:<normalised name>" for an entity the registry does not know. */
  entity_key: string;
  name: string;
  type: string;
  country: string | null;
  mention_count: number;
}

export interface RoleObservationsTable {
  article_id: number;
  /** Position in the analysis' roles list. */
  seq: number;
  /** Registry id of the person, else "name:<normalised name>". */
  person_key: string;
  person: string;
  title: string;
  org: string | null;
  change: string;
  date: string | null;
  sentence: string;
}

export interface ActorCandidatesTable {
  /** "name:<normalised name>". */
  key: string;
  name: string;
  type: string;
  country: string | null;
  /** JSON array of titles seen with the name. */
  roles: string;
  affiliation: string | null;
  /** dated_at of the first and last article mentioning the name. */
  first_seen: string;
  last_seen: string;
  article_count: number;
  status: string;
  created_at: string;
  updated_at: string;
  /** Persons: the romanisation-folded key of the name (registry/variant-key.ts), shared by its spellings. */
  variant_key: string | null;
  /** JSON array of other spellings of the name seen in articles. */
  aliases: Generated<string>;
}

/** Actor columns shared by article_events and merged_events (prefix source_ / target_). */
interface EventActorColumns {
  source_name: string | null;
  source_entity: string | null;
  source_country: string | null;
  source_institution: string | null;
  target_name: string | null;
  target_entity: string | null;
  target_country: string | null;
  target_institution: string | null;
  /** 0 when the event has no target at all. */
  has_target: number;
}

/** One event of one analysed article (a report), replaced whenever the article is re-analysed. */
export interface ArticleEventsTable extends EventActorColumns {
  article_id: number;
  /** Position in the analysis' events list. */
  seq: number;
  /** The id inside the article ("e1"). */
  event_id: string;
  date: string | null;
  /** YYYY-MM-DD: the day date, else the article's published day (matching window only). */
  anchor: string;
  type: string;
  mode: string | null;
  intensity: number;
  cameo: string | null;
  negated: number;
  modality: string;
  sourcing: string | null;
  trigger: string | null;
  quote: string | null;
  responds_to: string | null;
  response_cue: string | null;
  /** merged_events.id once merged, null while pending. */
  merged_id: number | null;
  sentence: string;
  /** The report's compared word stems (src/events/words.ts encodeWords); null for rows saved before migration 10. */
  words: string | null;
}

/** A real-world event: the representative fields of its reports (src/events/merge.ts). */
export interface MergedEventsTable extends EventActorColumns {
  id: Generated<number>;
  date: string | null;
  /** date when it is a day, else anchor: what timelines sort and filter on. */
  sort_date: string;
  anchor: string;
  last_anchor: string;
  type: string;
  mode: string | null;
  intensity: number;
  negated: number;
  modality: string;
  quote: string | null;
  report_count: number;
  /** JSON array of outlet names. */
  outlets: string;
  first_seen: string;
  last_seen: string;
  /** 1 while a report has left it and it awaits recomputation. */
  dirty: number;
  updated_at: string;
}

/** A merged event's fingerprint (src/events/fingerprint.ts): its reports' matching fields and stems, one row an event. */
export interface EventFingerprintsTable {
  event_id: number;
  /** JSON, see encodeFingerprint. */
  reports: string;
}

/** event_id answers responds_to (both merged_events ids), with the rule and its evidence. */
export interface EventLinksTable {
  event_id: number;
  responds_to: number;
  rule: string;
  confidence: number;
  article_id: number;
  cue: string | null;
  sentence: string;
}

export interface Database {
  schema_migrations: SchemaMigrationsTable;
  sources: SourcesTable;
  raw_responses: RawResponsesTable;
  articles: ArticlesTable;
  article_urls: ArticleUrlsTable;
  article_bands: ArticleBandsTable;
  comments: CommentsTable;
  jobs: JobsTable;
  analyses: AnalysesTable;
  article_entities: ArticleEntitiesTable;
  role_observations: RoleObservationsTable;
  actor_candidates: ActorCandidatesTable;
  article_events: ArticleEventsTable;
  merged_events: MergedEventsTable;
  event_links: EventLinksTable;
  event_fingerprints: EventFingerprintsTable;
  article_positions: ArticlePositionsTable;
  comment_positions: CommentPositionsTable;
}

/** An opinion piece's position on one issue (src/opinion), replaced when the article is re-analysed. */
export interface ArticlePositionsTable {
  article_id: number;
  issue: string;
  /** −1 hawkish … +1 engagement; null when no cue matched. */
  position: number | null;
  hawkish: number;
  engagement: number;
  tone: number;
  cues: number;
  /** JSON array of PositionEvidence. */
  evidence: string;
  scorer_version: string;
  scored_at: string;
}

/** A reader comment's position and tone on one issue. */
export interface CommentPositionsTable {
  comment_id: number;
  issue: string;
  article_id: number;
  position: number | null;
  tone: number;
  cues: number;
  scorer_version: string;
  scored_at: string;
}
