// The Store interface: every read and write of persistent state goes through it, and every
// implementation (SQLite, PostgreSQL) passes the same test suite (test/store.contract.ts).
import type { Analysis } from '../analyze/types.js';
import type { ArticleKind, RawResponse, ReaderComment, SourceKind } from '../core/types.js';
import type { TimelineEntry, TimelineEntryDetail } from '../events/timeline.js';
import type { AttentionRow, PersonnelFilter, RoleRecord, ToneRow, TrendFilter, TrendSubject } from '../insights/types.js';
import type { ArticleExportFilter, CandidateExportFilter, EntityCount, ExportedArticle, ExportedQuote, QuoteExportFilter } from './exports.js';
import type { EventExportFilter, ExportedEvent } from './exports-events.js';
import type { PrecedentsResult } from '../insights/precedents.js';
import type { ArticleEntityCountry, BriefSummary, NewBrief, StoredBrief } from './briefs.js';
import type { PrecedentOptions } from './precedents.js';
import type { ColumnistFilter, CommentToScore, NewArticlePosition, NewCommentPosition, ReaderFilter } from './opinion.js';
import type { ArticlePositionRow, ReaderArticleRow } from '../opinion/aggregate.js';
import type { NewRule, Rule } from '../alerts/rules.js';
import type { AlertDelivery, AlertFilter, DeliveryFilter, DeliveryPatch, NewAlert, StoredAlert } from './alerts.js';
import type { StreamPage, StreamPosition } from './stream.js';

export type { FeedActor, FeedAlert, FeedArticle, FeedEvent, StreamPage, StreamPosition } from './stream.js';

export interface SourceHealth {
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastError: string | null;
  failureStreak: number;
  itemsSeen: number;
  nextPollAt: string | null;
}

export interface Source extends SourceHealth {
  id: number;
  url: string;
  kind: SourceKind;
  title: string | null;
  tags: string[];
  intervalSeconds: number;
  enabled: boolean;
  /** Conditional-GET validators from the last 200 response. */
  etag: string | null;
  lastModified: string | null;
  createdAt: string;
}

export interface NewSource {
  url: string;
  kind: SourceKind;
  title?: string | null;
  tags?: string[];
  intervalSeconds: number;
}

export type SourcePatch = Partial<Omit<Source, 'id' | 'url' | 'createdAt'>>;

export interface NewArticle {
  url: string;
  /** Canonical URL with tracking parameters stripped: the dedup key. */
  canonicalUrl: string;
  /** Other URLs the same article was seen under. */
  aliasUrls?: string[];
  sourceId: number | null;
  sourceName: string | null;
  title: string | null;
  byline: string | null;
  published: string | null;
  language: string;
  kind: ArticleKind;
  section: string | null;
  text: string;
  /** sha256 of the normalised text. */
  contentHash: string;
  /** 64-bit SimHash as 16 hex digits. */
  simhash: string;
  /** MinHash signature (src/extract/fingerprint.ts) and the shingle count it was taken over. */
  minhash: string;
  shingleCount: number;
  /** LSH band keys of the MinHash: the near-duplicate lookup index. */
  bands: number[];
  rawHash: string | null;
  fetchedAt: string;
}

export interface StoredArticle extends Omit<NewArticle, 'bands'> {
  id: number;
  /** Near-duplicate group: the id of the first article of the group (itself when alone). */
  groupId: number;
  createdAt: string;
}

export interface SimilarCandidate {
  id: number;
  groupId: number;
  minhash: string;
  shingleCount: number;
  sharedBands: number;
}

export type ArticleInsertResult =
  | { status: 'inserted'; id: number; groupId: number }
  /** Same canonical URL, an alias URL, or the same content hash: nothing new stored. */
  | { status: 'duplicate'; id: number; groupId: number };

export interface SearchQuery {
  /** Free text; words are ANDed, "quoted phrases" kept; empty = match all. */
  text: string;
  /** Source id, URL, or source name (article.sourceName). */
  source?: string;
  since?: string;
  until?: string;
  kind?: ArticleKind;
  limit?: number;
  order?: 'newest' | 'relevance';
  /**
   * Relevance order ranks only this many of the most recently stored matches (default
   * RANK_CANDIDATES in search.ts), so a common word costs bounded work.
   */
  rankCandidates?: number;
}

export interface SearchHit {
  id: number;
  url: string;
  title: string | null;
  sourceName: string | null;
  published: string | null;
  kind: ArticleKind;
  /** Text around the matches with matches wrapped in « ». */
  snippet: string;
  groupId: number;
  /** How many articles share the near-duplicate group (1 = alone). */
  groupSize: number;
  score: number;
  /** Set (on every hit) when more matches existed than relevance ranking considered. */
  rankCapped?: true;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface NewJob {
  kind: string;
  payload: Record<string, unknown>;
  /** Unique among all jobs ever enqueued: a second enqueue with the same key is a no-op. */
  dedupeKey?: string;
  runAfter?: string;
  maxAttempts?: number;
  sourceId?: number | null;
  /** A done or failed job with the same dedupe key is queued again (attempts reset) instead of a no-op. */
  requeueFinished?: boolean;
  /** The host the job will fetch from (the fetcher's per-host key), so leasing can pass over busy hosts. */
  host?: string | null;
}

export interface LeaseOptions {
  /** Stored with the lease ("<hostname>:<pid>:<random>"), so a successor can reclaim it. */
  owner?: string;
  /** Take-overs from dead holders before a job fails (default 5). */
  maxReclaims?: number;
  /** Hosts busy in the caller's process: their jobs are left for later (jobs without a host are never skipped). */
  skipHosts?: string[];
}

export interface JobCountFilter {
  status?: JobStatus;
  kinds?: string[];
  /** Only jobs finished at or after this time. */
  finishedSince?: string;
}

export interface Job {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  dedupeKey: string | null;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  runAfter: string;
  leaseUntil: string | null;
  lastError: string | null;
  sourceId: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  /** Who holds the lease while running. */
  leaseOwner: string | null;
  /** Times taken back from a holder that died (not counted in attempts). */
  reclaims: number;
  host: string | null;
}

export interface StoreStats {
  sources: number;
  articles: number;
  comments: number;
  rawResponses: number;
  duplicateGroups: number;
  jobs: Record<JobStatus, number>;
}

export interface StoredAnalysis {
  articleId: number;
  analyzerVersion: string;
  registryVersion: string;
  analyzedAt: string;
  /** The analysis as saved, document.text restored from the article. */
  analysis: Analysis;
}

/** Which stored articles to (re-)analyse. */
export interface AnalyzeFilter {
  /** Dated at or after this time (articles.dated_at: the published time, else when fetched). */
  since?: string;
  /** Only articles without an analysis, or whose analysis was made by other code or registry versions (registry left out: any). */
  staleVersion?: { analyzer: string; registry?: string };
}

/** What the analyzer needs of a stored article (ArticleInput's fields). */
export interface ArticleToAnalyze {
  id: number;
  text: string;
  published: string | null;
  title: string | null;
  /** The canonical URL. */
  url: string;
  byline: string | null;
  language: string;
  kind: ArticleKind;
}

export type CandidateStatus = 'candidate' | 'confirmed' | 'rejected';

/** A person or organisation named in articles that the registry does not know. */
export interface ActorCandidate {
  /** "name:<normalised name>"; a confirmed candidate joins the registry as candidateActorId(key). */
  key: string;
  name: string;
  type: 'person' | 'organization';
  country: string | null;
  /** Titles seen with the name (at most 20). */
  roles: string[];
  affiliation: string | null;
  /** Dates (article dated_at) of the first and last article naming it. */
  firstSeen: string;
  lastSeen: string;
  articleCount: number;
  status: CandidateStatus;
  /** Persons: other spellings of the name seen in articles ("Qassem Suleimani" for "Qasem Soleimani"). */
  aliases: string[];
}

export interface CandidateFilter {
  status?: CandidateStatus;
  type?: 'person' | 'organization';
  minArticles?: number;
  limit?: number;
}

/** An actor in timeline filters: any of registry ids (entity or institution), ISO3 countries, names (case-insensitive). */
export interface ActorMatch {
  ids?: string[];
  countries?: string[];
  names?: string[];
}

export interface TimelineFilter {
  /** Events with the actor as source or target. */
  actor?: ActorMatch;
  /** Events between a and b: a → b when directed, else either way. */
  dyad?: { a: ActorMatch; b: ActorMatch; directed?: boolean };
  /** YYYY-MM-DD bounds (inclusive) on the event's date (its day, else its first report's anchor). */
  since?: string;
  until?: string;
  limit?: number;
  /** With limit: keep the newest events (by date) rather than the oldest; still returned in date order. */
  newest?: boolean;
  /** Event types (PLOVER names, as EVENT_TYPES): events of any of them; none or empty = every type. */
  types?: string[];
}

/** What timelineCounts groups: the timeline filter (no limit) and the bucket size. */
export interface TimelineCountFilter extends Omit<TimelineFilter, 'limit' | 'newest'> {
  by: 'day' | 'week';
}

/** Events in one bucket: `day` is the day, or the Monday of the ISO week. */
export interface TimelineCount {
  day: string;
  events: number;
}

/** What one mergeEvents() run did. */
export interface MergeSummary {
  /** Pending reports merged. */
  reports: number;
  /** Merged events created, recomputed, and removed (no report left). */
  created: number;
  updated: number;
  removed: number;
  /** Response links written. */
  links: number;
}

/** API token roles, each allowed what the one before it is (src/api/auth.ts). */
export type ApiRole = 'viewer' | 'analyst' | 'admin';

export interface NewApiToken {
  name: string;
  role: ApiRole;
  /** sha256 (hex) of the token; the token itself is never stored. */
  hash: string;
}

export interface ApiToken {
  id: number;
  name: string;
  role: ApiRole;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs migrations; refuses (ReadoutError 'schema') a database newer than this code. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Runs fn in one transaction; the Store passed to fn writes inside it. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;

  // sources
  addSource(source: NewSource): Promise<Source>;
  getSource(idOrUrl: number | string): Promise<Source | null>;
  listSources(): Promise<Source[]>;
  updateSource(id: number, patch: SourcePatch): Promise<void>;
  removeSource(id: number): Promise<boolean>;
  /** Enabled sources whose nextPollAt is null or <= now. */
  dueSources(now: string): Promise<Source[]>;

  // raw archive (gzip inside; keyed by sha256 of the body)
  putRaw(raw: RawResponse): Promise<string>;
  getRaw(hash: string): Promise<RawResponse | null>;

  // articles
  insertArticle(article: NewArticle): Promise<ArticleInsertResult>;
  getArticle(id: number): Promise<StoredArticle | null>;
  /** Looks up by canonical or alias URL. */
  findArticleByUrl(url: string): Promise<StoredArticle | null>;
  /** Articles sharing at least one LSH band key, most shared bands first (the caller verifies similarity). */
  findSimilarCandidates(bands: number[], limit?: number): Promise<SimilarCandidate[]>;
  setArticleGroup(id: number, groupId: number): Promise<void>;
  addComments(articleId: number, comments: ReaderComment[]): Promise<number>;
  listComments(articleId: number): Promise<ReaderComment[]>;
  search(query: SearchQuery): Promise<SearchHit[]>;

  // jobs: a durable queue with leases
  enqueue(job: NewJob): Promise<number | null>;
  /** Leases the next runnable job (queued and due, or running with an expired lease, taken back without using an attempt). */
  lease(kinds: string[], leaseMs: number, now?: string, options?: LeaseOptions): Promise<Job | null>;
  /** Takes back at once the running jobs of these (dead) lease owners; returns how many. */
  reclaimJobs(owners: string[], options?: { now?: string; maxReclaims?: number }): Promise<number>;
  /** Distinct owners of running jobs. */
  leaseOwners(): Promise<string[]>;
  /** Extends the lease of a job its owner still holds; false when it was lost. */
  renewLease(id: number, owner: string, leaseMs: number, now?: string): Promise<boolean>;
  countJobs(filter?: JobCountFilter): Promise<number>;
  complete(id: number): Promise<void>;
  /** Records the error; requeues at retryAt while attempts < maxAttempts, else marks failed. */
  fail(id: number, error: string, retryAt: string | null, owner?: string): Promise<void>;
  listJobs(filter?: { status?: JobStatus; kind?: string; limit?: number }): Promise<Job[]>;
  /** Jobs queued or running (leased), optionally of some kinds. */
  pendingJobs(kinds?: string[]): Promise<number>;

  // analyses and candidate actors
  /**
   * Saves an article's analysis in one transaction, replacing what an earlier analysis of it
   * stored (entities, role observations, event reports: see mergeEvents), and updates candidate actors: unknown persons and
   * organisations are upserted, their article counts recomputed (re-analysis never double-counts).
   */
  saveAnalysis(articleId: number, analysis: Analysis): Promise<void>;
  getAnalysis(articleId: number): Promise<StoredAnalysis | null>;
  /** A page of articles to analyse, by ascending id after afterId (keyset pagination). */
  articlesToAnalyze(filter: AnalyzeFilter & { afterId: number; limit: number }): Promise<ArticleToAnalyze[]>;
  countArticlesToAnalyze(filter: AnalyzeFilter): Promise<number>;
  /** Most articles first. */
  listCandidates(filter?: CandidateFilter): Promise<ActorCandidate[]>;
  /** Throws ReadoutError('input') for an unknown key. */
  setCandidateStatus(key: string, status: CandidateStatus): Promise<void>;

  // events: per-article reports (written by saveAnalysis), merged events, response links
  /**
   * Merges the reports of analyses saved since the last run into real-world events (and
   * recomputes events whose reports changed on re-analysis), then re-links responses around
   * them. Run after saveAnalysis; a no-op when nothing is pending.
   */
  mergeEvents(): Promise<MergeSummary>;
  /** Merged events with their reports and response links, in date order. */
  timeline(filter?: TimelineFilter): Promise<TimelineEntry[]>;
  /** One merged event with its reports, the links from it and the links from the events that answer it; null for an unknown id. */
  timelineEvent(id: number): Promise<TimelineEntryDetail | null>;
  /** The timeline filter's events per day or ISO week of their sort date (one GROUP BY); buckets without events are left out. */
  timelineCounts(filter: TimelineCountFilter): Promise<TimelineCount[]>;

  // insights (src/store/insights.ts): per-bucket aggregates for trends, role observations for personnel
  /** Articles (and mentions) about the subject per day or week bucket of their date. */
  trendAttention(subject: TrendSubject, filter: TrendFilter): Promise<AttentionRow[]>;
  /** Merged events of the subject (a dyad: a → b only) per bucket: count, intensity sum, cooperative and conflictual counts. */
  trendTone(subject: Exclude<TrendSubject, { kind: 'keyword' }>, filter: TrendFilter): Promise<ToneRow[]>;
  /** Role observations with their article (url, outlet), newest first. */
  roleRecords(filter?: PersonnelFilter): Promise<RoleRecord[]>;

  // bulk exports (src/store/exports.ts): keyset-paginated, one page in memory at a time
  /** Merged events in (sort date, id) order with their first report, CAMEO root and response links. */
  exportEvents(filter?: EventExportFilter): AsyncIterable<ExportedEvent>;
  /** Articles by ascending id with entity/quote/event counts; the text only when asked for. */
  exportArticles(filter?: ArticleExportFilter): AsyncIterable<ExportedArticle>;
  /** Quotes of analysed articles, read from the stored analyses article by article. */
  exportQuotes(filter?: QuoteExportFilter): AsyncIterable<ExportedQuote>;
  /** Candidate actors (all statuses unless filtered) by key. */
  exportCandidates(filter?: CandidateExportFilter): AsyncIterable<ActorCandidate>;
  /** Articles and mentions per entity key (registry id or candidate key) from article_entities. */
  entityCounts(keys: readonly string[]): Promise<Map<string, EntityCount>>;

  stats(): Promise<StoreStats>;
  /** The number of stored articles: one query, for /health (stats() takes seven, each queued behind other requests). */
  countArticles(): Promise<number>;

  // precedents and briefs (src/store/precedents.ts, src/store/briefs.ts)
  /** The most similar earlier events of a merged event (same type and dyad) and what followed each; null for an unknown id. */
  precedents(eventId: number, options?: PrecedentOptions): Promise<PrecedentsResult | null>;
  /** The entities with a known country named in these articles (article_entities). */
  articleEntityCountries(articleIds: number[]): Promise<ArticleEntityCountry[]>;
  saveBrief(brief: NewBrief): Promise<BriefSummary>;
  /** Saved briefs, newest first. */
  listBriefs(limit?: number): Promise<BriefSummary[]>;
  getBrief(id: number): Promise<StoredBrief | null>;

  // API tokens and the live feed (src/store/api-tokens.ts, src/store/stream.ts, used by src/api/)
  createApiToken(token: NewApiToken): Promise<ApiToken>;
  /** The active (not revoked) token with this sha256 hash. */
  findApiToken(hash: string): Promise<ApiToken | null>;
  listApiTokens(): Promise<ApiToken[]>;
  /** Revokes the active token(s) with this id or name; returns how many. */
  revokeApiToken(idOrName: number | string): Promise<number>;
  touchApiToken(id: number, at: string): Promise<void>;
  /** Articles, merged events and alerts with ids above the given ones, ascending, at most limit of each (src/store/stream.ts). */
  streamAfter(after: StreamPosition, limit: number): Promise<StreamPage>;
  /** The highest article, merged event and alert ids (0 when none): where a live feed starts. */
  streamHead(): Promise<StreamPosition>;

  // opinion positions (src/store/opinion.ts, src/opinion/): stored when articles and comments are analysed
  /** Replaces the article's stored positions (all issues). */
  saveArticlePositions(articleId: number, positions: NewArticlePosition[]): Promise<void>;
  /** The article's comments not yet scored by this scorer version. */
  commentsToScore(articleId: number, scorerVersion: string): Promise<CommentToScore[]>;
  /** Replaces the stored positions of the (comment, issue) pairs given; throws ReadoutError('input') for an unknown comment. */
  saveCommentPositions(positions: NewCommentPosition[]): Promise<void>;
  /** Scored opinion/analysis pieces with a byline on an issue, by date. */
  columnistRows(filter: ColumnistFilter): Promise<ArticlePositionRow[]>;
  /** Per article, its comments on an issue aggregated (volume, tone, position counts) with the author's position. */
  readerRows(filter: ReaderFilter): Promise<ReaderArticleRow[]>;

  // watch rules, alerts and deliveries (src/store/alerts.ts, src/alerts/)
  /** Throws ReadoutError('input') when the name is taken. */
  createRule(rule: NewRule): Promise<Rule>;
  updateRule(id: number, rule: NewRule): Promise<Rule>;
  getRule(idOrName: number | string): Promise<Rule | null>;
  listRules(): Promise<Rule[]>;
  /** Removes the rule with its alerts and deliveries; false when there is none. */
  removeRule(idOrName: number | string): Promise<boolean>;
  /** The merged events (timeline entries) an article's reports belong to. */
  alertCandidates(articleId: number): Promise<TimelineEntry[]>;
  /** Records an alert and its pending deliveries; null when the rule already alerted on this real-world event. */
  recordAlert(alert: NewAlert): Promise<{ alert: StoredAlert; deliveries: AlertDelivery[] } | null>;
  /** Newest first. */
  listAlerts(filter?: AlertFilter): Promise<StoredAlert[]>;
  getDelivery(id: number): Promise<{ delivery: AlertDelivery; alert: StoredAlert; rule: Rule } | null>;
  updateDelivery(id: number, patch: DeliveryPatch): Promise<void>;
  /** Newest first. */
  listDeliveries(filter?: DeliveryFilter): Promise<AlertDelivery[]>;
}
