// The Store over Kysely, shared by both dialects. Each method delegates to its concern's
// module (sources, raw, articles, comments, search, jobs) and wraps database errors with what
// was being done. A Store made by transaction() carries the transaction and reuses it for
// nested transaction() calls and for the multi-statement operations (insertArticle, …).
// Calls made on the outer Store from inside transaction(fn) join the transaction too (tracked
// with AsyncLocalStorage): with SQLite they would otherwise wait forever for the connection
// the transaction holds, and with PostgreSQL they would silently write outside it.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely } from 'kysely';
import type { Analysis } from '../analyze/types.js';
import type { Logger } from '../core/logger.js';
import { ReadoutError } from '../core/errors.js';
import type { RawResponse, ReaderComment } from '../core/types.js';
import * as analyses from './analyses.js';
import * as alerts from './alerts.js';
import type { AlertDelivery, AlertFilter, DeliveryFilter, DeliveryPatch, NewAlert, StoredAlert } from './alerts.js';
import type { NewRule, Rule } from '../alerts/rules.js';
import * as apiTokens from './api-tokens.js';
import * as articles from './articles.js';
import * as briefs from './briefs.js';
import type { ArticleEntityCountry, BriefSummary, NewBrief, StoredBrief } from './briefs.js';
import * as precedentsOf from './precedents.js';
import type { PrecedentsResult } from '../insights/precedents.js';
import * as comments from './comments.js';
import * as events from './events.js';
import * as timelineOf from './timeline.js';
import * as insights from './insights.js';
import type { AttentionRow, PersonnelFilter, RoleRecord, ToneRow, TrendFilter, TrendSubject } from '../insights/types.js';
import * as exportsOf from './exports.js';
import { exportEvents } from './exports-events.js';
import type { ArticleExportFilter, CandidateExportFilter, EntityCount, ExportedArticle, ExportedQuote, QuoteExportFilter } from './exports.js';
import type { EventExportFilter, ExportedEvent } from './exports-events.js';
import * as jobs from './jobs.js';
import * as opinion from './opinion.js';
import type { ArticlePositionRow, ReaderArticleRow } from '../opinion/aggregate.js';
import { runMigrations } from './migrations/index.js';
import * as raw from './raw.js';
import type { Database, Dialect } from './schema.js';
import { search } from './search.js';
import * as sources from './sources.js';
import * as stream from './stream.js';
import type { TimelineEntry, TimelineEntryDetail } from '../events/timeline.js';
import type {
  ActorCandidate,
  AnalyzeFilter,
  ArticleInsertResult,
  ArticleToAnalyze,
  CandidateFilter,
  CandidateStatus,
  Job,
  JobCountFilter,
  JobStatus,
  LeaseOptions,
  MergeSummary,
  NewArticle,
  NewJob,
  NewSource,
  SearchHit,
  SearchQuery,
  SimilarCandidate,
  Source,
  SourcePatch,
  Store,
  StoreStats,
  StoredAnalysis,
  StoredArticle,
  TimelineCount,
  TimelineCountFilter,
  TimelineFilter,
} from './types.js';
import type { ApiToken, NewApiToken, StreamPage, StreamPosition } from './types.js';
import { wrap, type StoreContext } from './util.js';

export class KyselyStore implements Store, StoreContext {
  /**
   * @param db the database, or the transaction when inTransaction
   * @param label where the data lives (password removed), for messages
   */
  constructor(
    readonly db: Kysely<Database>,
    readonly dialect: Dialect,
    private readonly logger: Logger,
    readonly label: string,
    private readonly inTransaction = false,
    private readonly activeTransaction = new AsyncLocalStorage<KyselyStore>(),
  ) {}

  /** This store, or the transaction of this store that the calling code runs inside. */
  private current(): KyselyStore {
    return this.inTransaction ? this : (this.activeTransaction.getStore() ?? this);
  }

  async migrate(): Promise<void> {
    if (this.inTransaction) throw new ReadoutError('store', 'store: migrate() cannot run inside a transaction');
    await wrap(`migrate the database ${this.label}`, () => runMigrations(this.db, this.dialect, this.logger));
  }

  async close(): Promise<void> {
    if (this.inTransaction) throw new ReadoutError('store', 'store: close() cannot run inside a transaction');
    await wrap(`close the database ${this.label}`, () => this.db.destroy());
  }

  /**
   * Errors thrown by fn roll the transaction back and propagate unchanged. Keep fn short and
   * free of network waits: with SQLite the transaction holds the write lock and the only
   * connection, so every other store call waits for it.
   */
  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    const current = this.current();
    if (current.inTransaction) return fn(current);
    return this.db.transaction().execute((trx) => {
      const tx = new KyselyStore(trx, this.dialect, this.logger, this.label, true, this.activeTransaction);
      return this.activeTransaction.run(tx, () => fn(tx));
    });
  }

  /**
   * For the store's own multi-statement operations. Outside a caller's transaction, a
   * PostgreSQL deadlock or serialisation failure is retried (the whole operation re-runs).
   */
  async atomic<T>(fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this.db);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction().execute(fn);
      } catch (err) {
        if (attempt >= MAX_ATTEMPTS || !isTransient(err)) throw err;
        this.logger.debug({ stage: 'store', attempt, err: String(err) }, 'store: transient conflict, retrying');
      }
    }
  }

  // sources
  addSource(source: NewSource): Promise<Source> {
    return wrap(`add source ${source.url}`, () => sources.addSource(this.current(), source));
  }
  getSource(idOrUrl: number | string): Promise<Source | null> {
    return wrap(`fetch source ${idOrUrl}`, () => sources.getSource(this.current(), idOrUrl));
  }
  listSources(): Promise<Source[]> {
    return wrap('list sources', () => sources.listSources(this.current()));
  }
  updateSource(id: number, patch: SourcePatch): Promise<void> {
    return wrap(`update source ${id}`, () => sources.updateSource(this.current(), id, patch));
  }
  removeSource(id: number): Promise<boolean> {
    return wrap(`remove source ${id}`, () => sources.removeSource(this.current(), id));
  }
  dueSources(now: string): Promise<Source[]> {
    return wrap('list due sources', () => sources.dueSources(this.current(), now));
  }

  // raw archive
  putRaw(response: RawResponse): Promise<string> {
    return wrap(`archive the response from ${response.finalUrl || response.url}`, () => raw.putRaw(this.current(), response));
  }
  getRaw(hash: string): Promise<RawResponse | null> {
    return wrap(`fetch raw response ${hash}`, () => raw.getRaw(this.current(), hash));
  }

  // articles
  insertArticle(article: NewArticle): Promise<ArticleInsertResult> {
    return wrap(`insert article ${article.canonicalUrl}`, () => articles.insertArticle(this.current(), article));
  }
  getArticle(id: number): Promise<StoredArticle | null> {
    return wrap(`fetch article ${id}`, () => articles.getArticle(this.current(), id));
  }
  findArticleByUrl(url: string): Promise<StoredArticle | null> {
    return wrap(`fetch article ${url}`, () => articles.findArticleByUrl(this.current(), url));
  }
  findSimilarCandidates(bands: number[], limit?: number): Promise<SimilarCandidate[]> {
    return wrap('find near-duplicate candidates', () => articles.findSimilarCandidates(this.current(), bands, limit));
  }
  setArticleGroup(id: number, groupId: number): Promise<void> {
    return wrap(`set the group of article ${id}`, () => articles.setArticleGroup(this.current(), id, groupId));
  }
  addComments(articleId: number, list: ReaderComment[]): Promise<number> {
    return wrap(`add comments to article ${articleId}`, () => comments.addComments(this.current(), articleId, list));
  }
  listComments(articleId: number): Promise<ReaderComment[]> {
    return wrap(`list comments of article ${articleId}`, () => comments.listComments(this.current(), articleId));
  }
  search(query: SearchQuery): Promise<SearchHit[]> {
    return wrap(`search for "${query.text}"`, () => search(this.current(), query));
  }

  // jobs
  enqueue(job: NewJob): Promise<number | null> {
    return wrap(`enqueue ${job.kind} job${job.dedupeKey ? ` ${job.dedupeKey}` : ''}`, () => jobs.enqueue(this.current(), job));
  }
  lease(kinds: string[], leaseMs: number, now?: string, options?: LeaseOptions): Promise<Job | null> {
    return wrap('lease a job', () => jobs.lease(this.current(), kinds, leaseMs, now, options));
  }
  reclaimJobs(owners: string[], options?: { now?: string; maxReclaims?: number }): Promise<number> {
    return wrap('reclaim the jobs of dead workers', () => jobs.reclaim(this.current(), owners, options));
  }
  leaseOwners(): Promise<string[]> {
    return wrap('list job lease owners', () => jobs.leaseOwners(this.current()));
  }
  renewLease(id: number, owner: string, leaseMs: number, now?: string): Promise<boolean> {
    return wrap(`renew the lease of job ${id}`, () => jobs.renewLease(this.current(), id, owner, leaseMs, now));
  }
  countJobs(filter?: JobCountFilter): Promise<number> {
    return wrap('count jobs', () => jobs.countJobs(this.current(), filter));
  }
  complete(id: number): Promise<void> {
    return wrap(`complete job ${id}`, () => jobs.complete(this.current(), id));
  }
  fail(id: number, error: string, retryAt: string | null, owner?: string): Promise<void> {
    return wrap(`record the failure of job ${id}`, () => jobs.fail(this.current(), id, error, retryAt, owner));
  }
  listJobs(filter?: { status?: JobStatus; kind?: string; limit?: number }): Promise<Job[]> {
    return wrap('list jobs', () => jobs.listJobs(this.current(), filter));
  }
  pendingJobs(kinds?: string[]): Promise<number> {
    return wrap('count pending jobs', () => jobs.pendingJobs(this.current(), kinds));
  }

  // analyses and candidate actors
  saveAnalysis(articleId: number, analysis: Analysis): Promise<void> {
    return wrap(`save the analysis of article ${articleId}`, () => analyses.saveAnalysis(this.current(), articleId, analysis));
  }
  getAnalysis(articleId: number): Promise<StoredAnalysis | null> {
    return wrap(`fetch the analysis of article ${articleId}`, () => analyses.getAnalysis(this.current(), articleId));
  }
  articlesToAnalyze(filter: AnalyzeFilter & { afterId: number; limit: number }): Promise<ArticleToAnalyze[]> {
    return wrap('list articles to analyse', () => analyses.articlesToAnalyze(this.current(), filter));
  }
  countArticlesToAnalyze(filter: AnalyzeFilter): Promise<number> {
    return wrap('count articles to analyse', () => analyses.countArticlesToAnalyze(this.current(), filter));
  }
  listCandidates(filter?: CandidateFilter): Promise<ActorCandidate[]> {
    return wrap('list candidate actors', () => analyses.listCandidates(this.current(), filter));
  }
  setCandidateStatus(key: string, status: CandidateStatus): Promise<void> {
    return wrap(`mark candidate actor "${key}" ${status}`, () => analyses.setCandidateStatus(this.current(), key, status));
  }

  // events
  mergeEvents(): Promise<MergeSummary> {
    return wrap('merge events', () => events.mergeEvents(this.current()));
  }
  timeline(filter?: TimelineFilter): Promise<TimelineEntry[]> {
    return wrap('read the event timeline', () => timelineOf.timeline(this.current(), filter));
  }
  timelineEvent(id: number): Promise<TimelineEntryDetail | null> {
    return wrap(`read event ${id}`, () => timelineOf.timelineEvent(this.current(), id));
  }
  timelineCounts(filter: TimelineCountFilter): Promise<TimelineCount[]> {
    return wrap(`count events per ${filter.by}`, () => timelineOf.timelineCounts(this.current(), filter));
  }

  // insights
  trendAttention(subject: TrendSubject, filter: TrendFilter): Promise<AttentionRow[]> {
    return wrap(`count ${subject.kind} attention per ${filter.by}`, () => insights.trendAttention(this.current(), subject, filter));
  }
  trendTone(subject: Exclude<TrendSubject, { kind: 'keyword' }>, filter: TrendFilter): Promise<ToneRow[]> {
    return wrap(`count ${subject.kind} events per ${filter.by}`, () => insights.trendTone(this.current(), subject, filter));
  }
  roleRecords(filter?: PersonnelFilter): Promise<RoleRecord[]> {
    return wrap('list role observations', () => insights.roleRecords(this.current(), filter));
  }

  // bulk exports
  exportEvents(filter?: EventExportFilter): AsyncIterable<ExportedEvent> {
    return exportsOf.wrapRows('export events', exportEvents(this.current(), filter));
  }
  exportArticles(filter?: ArticleExportFilter): AsyncIterable<ExportedArticle> {
    return exportsOf.wrapRows('export articles', exportsOf.exportArticles(this.current(), filter));
  }
  exportQuotes(filter?: QuoteExportFilter): AsyncIterable<ExportedQuote> {
    return exportsOf.wrapRows('export quotes', exportsOf.exportQuotes(this.current(), filter));
  }
  exportCandidates(filter?: CandidateExportFilter): AsyncIterable<ActorCandidate> {
    return exportsOf.wrapRows('export candidate actors', exportsOf.exportCandidates(this.current(), filter));
  }
  entityCounts(keys: readonly string[]): Promise<Map<string, EntityCount>> {
    return wrap('count entity mentions', () => exportsOf.entityCounts(this.current(), keys));
  }

  stats(): Promise<StoreStats> {
    return wrap('compute statistics', () => stats(this.current().db));
  }

  countArticles(): Promise<number> {
    return wrap('count articles', async () =>
      Number((await this.current().db.selectFrom('articles').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0),
    );
  }

  // precedents and briefs
  precedents(eventId: number, options?: precedentsOf.PrecedentOptions): Promise<PrecedentsResult | null> {
    return wrap(`find precedents of event ${eventId}`, () => precedentsOf.precedents(this.current(), eventId, options));
  }
  articleEntityCountries(articleIds: number[]): Promise<ArticleEntityCountry[]> {
    return wrap('read the countries of article entities', () => briefs.articleEntityCountries(this.current(), articleIds));
  }
  saveBrief(brief: NewBrief): Promise<BriefSummary> {
    return wrap('save a brief', () => briefs.saveBrief(this.current(), brief));
  }
  listBriefs(limit?: number): Promise<BriefSummary[]> {
    return wrap('list saved briefs', () => briefs.listBriefs(this.current(), limit));
  }
  getBrief(id: number): Promise<StoredBrief | null> {
    return wrap(`fetch brief ${id}`, () => briefs.getBrief(this.current(), id));
  }

  // API tokens and the live feed
  createApiToken(token: NewApiToken): Promise<ApiToken> {
    return wrap(`create API token ${token.name}`, () => apiTokens.createApiToken(this.current(), token));
  }
  findApiToken(hash: string): Promise<ApiToken | null> {
    return wrap('look up an API token', () => apiTokens.findApiToken(this.current(), hash));
  }
  listApiTokens(): Promise<ApiToken[]> {
    return wrap('list API tokens', () => apiTokens.listApiTokens(this.current()));
  }
  revokeApiToken(idOrName: number | string): Promise<number> {
    return wrap(`revoke API token ${idOrName}`, () => apiTokens.revokeApiToken(this.current(), idOrName));
  }
  touchApiToken(id: number, at: string): Promise<void> {
    return wrap(`record the use of API token ${id}`, () => apiTokens.touchApiToken(this.current(), id, at));
  }
  streamAfter(after: StreamPosition, limit: number): Promise<StreamPage> {
    return wrap('read new articles, events and alerts', () => stream.streamAfter(this.current(), after, limit));
  }
  streamHead(): Promise<StreamPosition> {
    return wrap('read the newest ids', () => stream.streamHead(this.current()));
  }

  // opinion positions
  saveArticlePositions(articleId: number, positions: opinion.NewArticlePosition[]): Promise<void> {
    return wrap(`save the positions of article ${articleId}`, () => opinion.saveArticlePositions(this.current(), articleId, positions));
  }
  commentsToScore(articleId: number, scorerVersion: string): Promise<opinion.CommentToScore[]> {
    return wrap(`list the comments of article ${articleId} to score`, () => opinion.commentsToScore(this.current(), articleId, scorerVersion));
  }
  saveCommentPositions(positions: opinion.NewCommentPosition[]): Promise<void> {
    return wrap('save comment positions', () => opinion.saveCommentPositions(this.current(), positions));
  }
  columnistRows(filter: opinion.ColumnistFilter): Promise<ArticlePositionRow[]> {
    return wrap(`read the columnists' positions on ${filter.issue}`, () => opinion.columnistRows(this.current(), filter));
  }
  readerRows(filter: opinion.ReaderFilter): Promise<ReaderArticleRow[]> {
    return wrap(`read the readers' positions on ${filter.issue}`, () => opinion.readerRows(this.current(), filter));
  }

  // watch rules, alerts and deliveries
  createRule(rule: NewRule): Promise<Rule> {
    return wrap(`create rule ${rule.spec.name}`, () => alerts.createRule(this.current(), rule));
  }
  updateRule(id: number, rule: NewRule): Promise<Rule> {
    return wrap(`update rule ${id}`, () => alerts.updateRule(this.current(), id, rule));
  }
  getRule(idOrName: number | string): Promise<Rule | null> {
    return wrap(`fetch rule ${idOrName}`, () => alerts.getRule(this.current(), idOrName));
  }
  listRules(): Promise<Rule[]> {
    return wrap('list rules', () => alerts.listRules(this.current()));
  }
  removeRule(idOrName: number | string): Promise<boolean> {
    return wrap(`remove rule ${idOrName}`, () => alerts.removeRule(this.current(), idOrName));
  }
  alertCandidates(articleId: number): Promise<TimelineEntry[]> {
    return wrap(`read the events of article ${articleId}`, () => alerts.alertCandidates(this.current(), articleId));
  }
  recordAlert(alert: NewAlert): Promise<{ alert: StoredAlert; deliveries: AlertDelivery[] } | null> {
    return wrap(`record an alert of rule ${alert.rule.id}`, () => alerts.recordAlert(this.current(), alert));
  }
  listAlerts(filter?: AlertFilter): Promise<StoredAlert[]> {
    return wrap('list alerts', () => alerts.listAlerts(this.current(), filter));
  }
  getDelivery(id: number): Promise<{ delivery: AlertDelivery; alert: StoredAlert; rule: Rule } | null> {
    return wrap(`fetch delivery ${id}`, () => alerts.getDelivery(this.current(), id));
  }
  updateDelivery(id: number, patch: DeliveryPatch): Promise<void> {
    return wrap(`update delivery ${id}`, () => alerts.updateDelivery(this.current(), id, patch));
  }
  listDeliveries(filter?: DeliveryFilter): Promise<AlertDelivery[]> {
    return wrap('list deliveries', () => alerts.listDeliveries(this.current(), filter));
  }
}

const MAX_ATTEMPTS = 3;

/** PostgreSQL deadlock_detected / serialization_failure. */
function isTransient(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}

async function stats(db: Kysely<Database>): Promise<StoreStats> {
  const count = async (table: 'sources' | 'articles' | 'comments' | 'raw_responses') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
  const groups = await db
    .selectFrom((eb) => eb.selectFrom('articles').select('group_id').groupBy('group_id').having((h) => h.fn.countAll(), '>', 1).as('g'))
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  const byStatus = await db.selectFrom('jobs').select(['status', (eb) => eb.fn.countAll().as('n')]).groupBy('status').execute();
  const jobCounts: Record<JobStatus, number> = { queued: 0, running: 0, done: 0, failed: 0 };
  for (const r of byStatus) if (r.status in jobCounts) jobCounts[r.status as JobStatus] = Number(r.n);
  return {
    sources: await count('sources'),
    articles: await count('articles'),
    comments: await count('comments'),
    rawResponses: await count('raw_responses'),
    duplicateGroups: Number(groups?.n ?? 0),
    jobs: jobCounts,
  };
}
