// Watch rules, alerts and deliveries (migration 6). The tables are typed here (withTables), so
// the shared schema file stays untouched. recordAlert is where "once per real-world event" is
// enforced: an alert is keyed on (rule, merged event) and on every report key it covered, so a
// second outlet's report of the same event (same merged id) and a re-analysis that moves the
// reports to a new merged id (same report keys) both find the earlier alert and add none.
import type { Generated, Kysely, Selectable } from 'kysely';
import type { Delivery, NewRule, ResolvedMatch, Rule, RuleSpec } from '../alerts/rules.js';
import { deliveryTarget, newFeedToken } from '../alerts/rules.js';
import { ReadoutError } from '../core/errors.js';
import type { TimelineEntry } from '../events/timeline.js';
import { entriesByIds } from './events.js';
import type { Database } from './schema.js';
import { chunks, clean, nowIso, parseJson, type StoreContext } from './util.js';

interface AlertRulesTable {
  id: Generated<number>;
  name: string;
  spec: string;
  resolved: string;
  feed_token: string;
  origin: string;
  created_at: string;
  updated_at: string;
}
interface AlertsTable {
  id: Generated<number>;
  rule_id: number;
  merged_event_id: number | null;
  dedupe_key: string | null;
  report_key: string;
  title: string;
  payload: string;
  created_at: string;
}
interface AlertReportsTable {
  rule_id: number;
  report_key: string;
  alert_id: number;
}
interface AlertDeliveriesTable {
  id: Generated<number>;
  alert_id: number;
  rule_id: number;
  seq: number;
  kind: string;
  target: string;
  status: string;
  attempts: number;
  last_error: string | null;
  response_status: number | null;
  next_attempt_at: string | null;
  delivered_at: string | null;
  created_at: string;
}
export type AlertTables = { alert_rules: AlertRulesTable; alerts: AlertsTable; alert_reports: AlertReportsTable; alert_deliveries: AlertDeliveriesTable };
/** The database with the alert tables typed (also read by the live feed, src/store/stream.ts). */
export const adb = (db: Kysely<Database>): Kysely<Database & AlertTables> => db.withTables<AlertTables>();

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface StoredAlert {
  id: number;
  ruleId: number;
  /** The merged event of an event alert; null for personnel and spike alerts. */
  mergedEventId: number | null;
  /** Personnel and spike alerts: the key that makes them fire once per rule (null for event alerts). */
  dedupeKey: string | null;
  /** The first report's "articleId:eventId" (event alerts), else the dedupe key. */
  reportKey: string;
  title: string;
  /** The alert body every delivery sends (src/alerts/payload.ts). */
  payload: Record<string, unknown>;
  createdAt: string;
}

export interface AlertDelivery {
  id: number;
  alertId: number;
  ruleId: number;
  kind: Delivery['kind'];
  /** The webhook URL, "sink:NAME" for a log sink, or "log" for the process log. */
  target: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  responseStatus: number | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

export interface NewAlert {
  rule: Rule;
  /** The merged event (event alerts); null with a dedupeKey (personnel and spike alerts). */
  mergedEventId: number | null;
  /** Report keys of the event now; the first is the event's first report (empty for keyed alerts). */
  reportKeys: string[];
  /** Once per rule and key ("personnel:…", "spike:…"); needed when there is no merged event. */
  dedupeKey?: string;
  title: string;
  payload: Record<string, unknown>;
}

export interface DeliveryPatch {
  status?: DeliveryStatus;
  attempts?: number;
  lastError?: string | null;
  responseStatus?: number | null;
  nextAttemptAt?: string | null;
  deliveredAt?: string | null;
}

export interface AlertFilter {
  ruleId?: number;
  /** Alerts with ids below this (keyset pagination, newest first). */
  beforeId?: number;
  limit?: number;
}

export interface DeliveryFilter {
  ruleId?: number;
  alertId?: number;
  status?: DeliveryStatus;
  limit?: number;
}

function toRule(r: Selectable<AlertRulesTable>): Rule {
  return {
    id: Number(r.id), name: r.name, spec: parseJson<RuleSpec>(r.spec, {} as RuleSpec), resolved: parseJson<ResolvedMatch>(r.resolved, { actors: [], dyad: null }),
    feedToken: r.feed_token, origin: r.origin === 'file' ? 'file' : 'api', createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

function toAlert(r: Selectable<AlertsTable>): StoredAlert {
  return {
    id: Number(r.id), ruleId: Number(r.rule_id), mergedEventId: r.merged_event_id === null ? null : Number(r.merged_event_id), dedupeKey: r.dedupe_key ?? null, reportKey: r.report_key, title: r.title, payload: parseJson<Record<string, unknown>>(r.payload, {}), createdAt: r.created_at,
  };
}

function toDelivery(r: Selectable<AlertDeliveriesTable>): AlertDelivery {
  return {
    id: Number(r.id), alertId: Number(r.alert_id), ruleId: Number(r.rule_id), kind: r.kind as Delivery['kind'], target: r.target, status: r.status as DeliveryStatus,
    attempts: Number(r.attempts), lastError: r.last_error, responseStatus: r.response_status === null ? null : Number(r.response_status), nextAttemptAt: r.next_attempt_at,
    deliveredAt: r.delivered_at, createdAt: r.created_at,
  };
}

const limitOf = (n: number | undefined, dflt = 100) => Math.max(1, Math.min(Math.floor(n ?? dflt) || dflt, 1000));

export async function createRule(ctx: StoreContext, rule: NewRule): Promise<Rule> {
  const taken = await adb(ctx.db).selectFrom('alert_rules').select('id').where('name', '=', rule.spec.name).executeTakeFirst();
  if (taken) throw new ReadoutError('input', `store: a rule named "${rule.spec.name}" exists (#${taken.id})`, { hint: 'choose another name, or remove that rule first' });
  const at = nowIso();
  const row = await adb(ctx.db)
    .insertInto('alert_rules')
    .values({ name: rule.spec.name, spec: JSON.stringify(rule.spec), resolved: JSON.stringify(rule.resolved), feed_token: newFeedToken(), origin: rule.origin, created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRule(row);
}

/** Replaces the rule's spec (its feed token and alerts stay). */
export async function updateRule(ctx: StoreContext, id: number, rule: NewRule): Promise<Rule> {
  const clash = await adb(ctx.db).selectFrom('alert_rules').select('id').where('name', '=', rule.spec.name).where('id', '!=', id).executeTakeFirst();
  if (clash) throw new ReadoutError('input', `store: a rule named "${rule.spec.name}" exists (#${clash.id})`);
  const row = await adb(ctx.db)
    .updateTable('alert_rules')
    .set({ name: rule.spec.name, spec: JSON.stringify(rule.spec), resolved: JSON.stringify(rule.resolved), origin: rule.origin, updated_at: nowIso() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new ReadoutError('input', `store: rule ${id} not found`);
  return toRule(row);
}

export async function getRule(ctx: Pick<StoreContext, 'db'>, idOrName: number | string): Promise<Rule | null> {
  const q = adb(ctx.db).selectFrom('alert_rules').selectAll();
  const row = await (typeof idOrName === 'number' ? q.where('id', '=', idOrName) : q.where('name', '=', idOrName)).executeTakeFirst();
  return row ? toRule(row) : null;
}

export async function listRules(ctx: StoreContext): Promise<Rule[]> {
  return (await adb(ctx.db).selectFrom('alert_rules').selectAll().orderBy('id').execute()).map(toRule);
}

/** Removes the rule with its alerts and deliveries; false when there is none. */
export async function removeRule(ctx: StoreContext, idOrName: number | string): Promise<boolean> {
  return ctx.atomic(async (db) => {
    const rule = await getRule({ db }, idOrName);
    if (!rule) return false;
    await adb(db).deleteFrom('alert_deliveries').where('rule_id', '=', rule.id).execute();
    await adb(db).deleteFrom('alert_reports').where('rule_id', '=', rule.id).execute();
    await adb(db).deleteFrom('alerts').where('rule_id', '=', rule.id).execute();
    await adb(db).deleteFrom('alert_rules').where('id', '=', rule.id).execute();
    return true;
  });
}

/** The merged events an article's reports belong to, as timeline entries: what its analysis may alert on. */
export async function alertCandidates(ctx: StoreContext, articleId: number): Promise<TimelineEntry[]> {
  const rows = await ctx.db.selectFrom('article_events').select('merged_id').where('article_id', '=', articleId).where('merged_id', 'is not', null).execute();
  const ids = [...new Set(rows.map((r) => Number(r.merged_id)))];
  return ids.length ? entriesByIds(ctx, ids) : [];
}

/**
 * Records an alert and its pending deliveries, or returns null when the rule already alerted
 * on this event: same merged id, or any of its report keys (the reports moved on re-analysis).
 * The keys of the event's newer reports are added to the earlier alert, so later moves are caught too.
 * A keyed alert (dedupeKey: personnel moves, spikes) is once per rule and key.
 */
export async function recordAlert(ctx: StoreContext, alert: NewAlert): Promise<{ alert: StoredAlert; deliveries: AlertDelivery[] } | null> {
  const dedupeKey = alert.dedupeKey ?? null;
  if (alert.mergedEventId === null && dedupeKey === null) throw new ReadoutError('input', 'store: an alert needs a merged event or a dedupe key');
  if (alert.mergedEventId !== null && alert.reportKeys.length === 0) throw new ReadoutError('input', 'store: an alert needs the report keys of its event');
  return ctx.atomic(async (raw) => {
    const db = adb(raw);
    const ruleId = alert.rule.id;
    let earlier: number | undefined;
    if (dedupeKey !== null) earlier = (await db.selectFrom('alerts').select('id').where('rule_id', '=', ruleId).where('dedupe_key', '=', dedupeKey).executeTakeFirst())?.id;
    if (earlier === undefined && alert.mergedEventId !== null) {
      earlier = (await db.selectFrom('alerts').select('id').where('rule_id', '=', ruleId).where('merged_event_id', '=', alert.mergedEventId).executeTakeFirst())?.id;
    }
    for (const part of chunks(alert.reportKeys, 500)) {
      if (earlier !== undefined) break;
      earlier = (await db.selectFrom('alert_reports').select('alert_id').where('rule_id', '=', ruleId).where('report_key', 'in', part).executeTakeFirst())?.alert_id;
    }
    const keys = async (alertId: number) => {
      const rows = alert.reportKeys.map((k) => ({ rule_id: ruleId, report_key: k, alert_id: alertId }));
      for (const part of chunks(rows, 100)) await db.insertInto('alert_reports').values(part).onConflict((oc) => oc.doNothing()).execute();
    };
    if (earlier !== undefined) {
      await keys(Number(earlier));
      return null;
    }
    const at = nowIso();
    const row = await db
      .insertInto('alerts')
      .values({ rule_id: ruleId, merged_event_id: alert.mergedEventId, dedupe_key: dedupeKey, report_key: alert.reportKeys[0] ?? dedupeKey!, title: clean(alert.title), payload: JSON.stringify(alert.payload), created_at: at })
      .onConflict((oc) => oc.doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) return null;
    await keys(Number(row.id));
    const deliveries: AlertDelivery[] = [];
    for (const [seq, d] of alert.rule.spec.deliver.entries()) {
      const target = deliveryTarget(d);
      const inserted = await db
        .insertInto('alert_deliveries')
        .values({ alert_id: Number(row.id), rule_id: ruleId, seq, kind: d.kind, target, status: 'pending', attempts: 0, last_error: null, response_status: null, next_attempt_at: at, delivered_at: null, created_at: at })
        .returningAll()
        .executeTakeFirstOrThrow();
      deliveries.push(toDelivery(inserted));
    }
    return { alert: toAlert(row), deliveries };
  });
}

/** Newest first. */
export async function listAlerts(ctx: StoreContext, filter: AlertFilter = {}): Promise<StoredAlert[]> {
  const rows = await adb(ctx.db)
    .selectFrom('alerts')
    .selectAll()
    .$if(filter.ruleId !== undefined, (q) => q.where('rule_id', '=', filter.ruleId!))
    .$if(filter.beforeId !== undefined, (q) => q.where('id', '<', filter.beforeId!))
    .orderBy('id', 'desc')
    .limit(limitOf(filter.limit))
    .execute();
  return rows.map(toAlert);
}

export async function getDelivery(ctx: StoreContext, id: number): Promise<{ delivery: AlertDelivery; alert: StoredAlert; rule: Rule } | null> {
  const d = await adb(ctx.db).selectFrom('alert_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
  if (!d) return null;
  const a = await adb(ctx.db).selectFrom('alerts').selectAll().where('id', '=', d.alert_id).executeTakeFirst();
  const rule = await getRule(ctx, Number(d.rule_id));
  return a && rule ? { delivery: toDelivery(d), alert: toAlert(a), rule } : null;
}

export async function updateDelivery(ctx: StoreContext, id: number, patch: DeliveryPatch): Promise<void> {
  const set: Partial<Omit<AlertDeliveriesTable, 'id'>> = {};
  if (patch.status !== undefined) set.status = patch.status;
  if (patch.attempts !== undefined) set.attempts = patch.attempts;
  if (patch.lastError !== undefined) set.last_error = patch.lastError === null ? null : clean(patch.lastError);
  if (patch.responseStatus !== undefined) set.response_status = patch.responseStatus;
  if (patch.nextAttemptAt !== undefined) set.next_attempt_at = patch.nextAttemptAt;
  if (patch.deliveredAt !== undefined) set.delivered_at = patch.deliveredAt;
  if (Object.keys(set).length) await adb(ctx.db).updateTable('alert_deliveries').set(set).where('id', '=', id).execute();
}

/** Newest first. */
export async function listDeliveries(ctx: StoreContext, filter: DeliveryFilter = {}): Promise<AlertDelivery[]> {
  const rows = await adb(ctx.db)
    .selectFrom('alert_deliveries')
    .selectAll()
    .$if(filter.ruleId !== undefined, (q) => q.where('rule_id', '=', filter.ruleId!))
    .$if(filter.alertId !== undefined, (q) => q.where('alert_id', '=', filter.alertId!))
    .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status!))
    .orderBy('id', 'desc')
    .limit(limitOf(filter.limit))
    .execute();
  return rows.map(toDelivery);
}
