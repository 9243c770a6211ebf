// The live feed behind the API's `GET /stream` (src/api/sse.ts): rows newer than the last ids a
// client has seen, per table. There is no change feed in either backend, so the API polls
// these reads; each is a range scan on a primary key, cheap enough to run every second. The
// rows carry what a live screen filters and renders on without a second request per row.
import type { ArticleKind } from '../core/types.js';
import { adb } from './alerts.js';
import { parseJson, type StoreContext } from './util.js';

/** Where a feed reader is: the last article, merged event and alert id it has seen (0: none). */
export interface StreamPosition {
  articleId: number;
  eventId: number;
  alertId: number;
}

/** A new article as the API's `/stream` announces it. */
export interface FeedArticle {
  id: number;
  url: string;
  title: string | null;
  /** The source it was polled from (null for ingested files and ad-hoc fetches). */
  sourceId: number | null;
  sourceName: string | null;
  published: string | null;
  kind: ArticleKind;
  language: string;
  fetchedAt: string;
}

/** An event's actor as the feed shows it (the timeline JSON's actor fields). */
export interface FeedActor {
  name: string | null;
  /** Registry id, when the actor is known. */
  entityId: string | null;
  country: string | null;
  institution: string | null;
}

/** A new merged event as the API's `/stream` announces it. */
export interface FeedEvent {
  id: number;
  date: string | null;
  sortDate: string;
  type: string;
  intensity: number;
  negated: boolean;
  reportCount: number;
  /** Outlet names of its reports so far. */
  outlets: string[];
  source: FeedActor;
  target: FeedActor;
}

/** A new alert (a rule fired) as the API's `/stream` announces it. */
export interface FeedAlert {
  id: number;
  ruleId: number;
  ruleName: string;
  /** What fired: a merged event, a personnel move or an attention spike. */
  kind: 'event' | 'personnel' | 'spike';
  /** The merged event of an event alert; null for personnel and spike alerts. */
  mergedEventId: number | null;
  title: string;
  /** Why the rule fired, one reason per condition ("type THREATEN", "actor PRK"). */
  reasons: string[];
  /** Event alerts: the event's type and intensity (−10…+10) when the alert fired; null otherwise. */
  eventType: string | null;
  intensity: number | null;
  createdAt: string;
}

export interface StreamPage {
  articles: FeedArticle[];
  events: FeedEvent[];
  alerts: FeedAlert[];
}

interface AlertPayload {
  kind?: unknown;
  reasons?: unknown;
  event?: { type?: unknown; intensity?: unknown };
}

function alertKind(payload: AlertPayload, mergedEventId: number | null, dedupeKey: string | null): FeedAlert['kind'] {
  if (payload.kind === 'event' || payload.kind === 'personnel' || payload.kind === 'spike') return payload.kind;
  // Payloads written by other code paths (tests, older versions) may lack the kind: the dedupe key says it.
  if (mergedEventId === null && dedupeKey?.startsWith('personnel:')) return 'personnel';
  if (mergedEventId === null && dedupeKey?.startsWith('spike:')) return 'spike';
  return 'event';
}

/** Articles, merged events and alerts with ids above the given ones, ascending, at most limit of each. */
export async function streamAfter(ctx: StoreContext, after: StreamPosition, limit: number): Promise<StreamPage> {
  const n = Math.max(1, Math.min(Math.floor(limit) || 100, 1000));
  const articles = await ctx.db
    .selectFrom('articles')
    .select(['id', 'url', 'title', 'source_id', 'source_name', 'published', 'kind', 'language', 'fetched_at'])
    .where('id', '>', after.articleId)
    .orderBy('id')
    .limit(n)
    .execute();
  const events = await ctx.db
    .selectFrom('merged_events')
    .select(['id', 'date', 'sort_date', 'type', 'intensity', 'negated', 'report_count', 'outlets',
      'source_name', 'source_entity', 'source_country', 'source_institution', 'target_name', 'target_entity', 'target_country', 'target_institution'])
    .where('id', '>', after.eventId)
    .orderBy('id')
    .limit(n)
    .execute();
  // The rule's name comes along so a screen can label the alert without reading /rules; a rule's
  // removal takes its alerts with it (removeRule), so the join always finds the rule.
  const alerts = await adb(ctx.db)
    .selectFrom('alerts')
    .innerJoin('alert_rules', 'alert_rules.id', 'alerts.rule_id')
    .select(['alerts.id', 'alerts.rule_id', 'alert_rules.name as rule_name', 'alerts.merged_event_id', 'alerts.dedupe_key', 'alerts.title', 'alerts.payload', 'alerts.created_at'])
    .where('alerts.id', '>', after.alertId)
    .orderBy('alerts.id')
    .limit(n)
    .execute();
  return {
    articles: articles.map((r): FeedArticle => ({
      id: Number(r.id), url: r.url, title: r.title, sourceId: r.source_id === null ? null : Number(r.source_id), sourceName: r.source_name,
      published: r.published, kind: r.kind as ArticleKind, language: r.language, fetchedAt: r.fetched_at,
    })),
    events: events.map((r): FeedEvent => ({
      id: Number(r.id), date: r.date, sortDate: r.sort_date, type: r.type, intensity: Number(r.intensity), negated: Number(r.negated) === 1,
      reportCount: Number(r.report_count), outlets: parseJson<string[]>(r.outlets, []),
      source: { name: r.source_name, entityId: r.source_entity, country: r.source_country, institution: r.source_institution },
      target: { name: r.target_name, entityId: r.target_entity, country: r.target_country, institution: r.target_institution },
    })),
    alerts: alerts.map((r): FeedAlert => {
      const mergedEventId = r.merged_event_id === null ? null : Number(r.merged_event_id);
      const payload = parseJson<AlertPayload>(r.payload, {});
      const kind = alertKind(payload, mergedEventId, r.dedupe_key);
      const event = kind === 'event' ? payload.event : undefined;
      return {
        id: Number(r.id), ruleId: Number(r.rule_id), ruleName: r.rule_name, kind, mergedEventId, title: r.title,
        reasons: Array.isArray(payload.reasons) ? payload.reasons.filter((x): x is string => typeof x === 'string') : [],
        eventType: typeof event?.type === 'string' ? event.type : null,
        intensity: typeof event?.intensity === 'number' ? event.intensity : null,
        createdAt: r.created_at,
      };
    }),
  };
}

/** The highest article, merged event and alert ids (0 when none): where a live feed starts. */
export async function streamHead(ctx: StoreContext): Promise<StreamPosition> {
  const a = await ctx.db.selectFrom('articles').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  const e = await ctx.db.selectFrom('merged_events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  const l = await adb(ctx.db).selectFrom('alerts').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return { articleId: Number(a?.id ?? 0), eventId: Number(e?.id ?? 0), alertId: Number(l?.id ?? 0) };
}
