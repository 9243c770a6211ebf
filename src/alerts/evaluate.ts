// The pipeline half of alerting. After an article's analysis is saved and its events merged
// (src/pipeline/analyze-stage.ts), evaluateAll runs the three kinds of rule: evaluateArticle
// matches the event rules against the merged events the article's reports belong to (once per
// real-world event: src/store/alerts.ts recordAlert), evaluatePersonnel the personnel rules
// against the article's observed moves (once per person, post, change and day), and
// evaluateSpikes the spike rules against the analysed article's bucket (once per bucket). Each
// new alert is recorded with one `deliver` job per push delivery, in the same transaction. runDelivery is the `deliver` job: it posts or appends, and records the outcome on
// the delivery row; the job's retries (growing delays) come from the jobs table.
import { describeError } from '../core/errors.js';
import { actorLabel, toJson, type TimelineEntry } from '../events/timeline.js';
import type { Services } from '../pipeline/services.js';
import { jobRetryDelayMs } from '../pipeline/schedule.js';
import type { Job, NewJob } from '../store/types.js';
import { resolveActor } from '../registry/resolve.js';
import { institutionOf, UNNAMED_INSTITUTION, type PersonnelChange } from '../insights/personnel.js';
import { addTone, buildTrend } from '../insights/trends.js';
import { bucketOf } from '../insights/buckets.js';
import { DEFAULT_SPIKE_OPTIONS } from '../insights/spikes.js';
import { addDays } from '../events/text.js';
import type { ToneRow, TrendSubject } from '../insights/types.js';
import { registryOptions } from '../pipeline/analyze-stage.js';
import { loadRegistry } from '../registry/load.js';
import type { NewAlert, StoredAlert } from '../store/alerts.js';
import { DeliveryError, postWebhook } from './deliver.js';
import { appendToSink, ruleRefusal } from './log-sink.js';
import { firstReport, matchEvent, matchPersonnel, personnelKey, reportKey, spikeKey } from './matcher.js';
import { deliveryTarget, ruleKind, type Rule } from './rules.js';

export const DELIVER_KIND = 'deliver';

export function deliverJob(deliveryId: number, maxAttempts: number): NewJob {
  return { kind: DELIVER_KIND, payload: { deliveryId }, dedupeKey: `deliver:${deliveryId}`, maxAttempts };
}

/** A one-line title: type, actors and the quote (or sentence). */
export function alertTitle(entry: TimelineEntry): string {
  const e = entry.event;
  const text = e.quote ?? firstReport(entry)?.sentence ?? '';
  const short = text.length > 140 ? `${text.slice(0, 139)}…` : text;
  return `${e.type}: ${actorLabel(e.source)} → ${actorLabel(e.target)}${short ? ` — ${short}` : ''}`;
}

type AlertServices = Pick<Services, 'store' | 'config' | 'logger'>;

/** Records a new alert and enqueues its deliveries in one transaction; logs it. Null when the rule already alerted. */
async function record(svc: AlertServices, alert: NewAlert, log: Record<string, unknown>): Promise<StoredAlert | null> {
  const done = await svc.store.transaction(async (tx) => {
    const rec = await tx.recordAlert(alert);
    for (const d of rec?.deliveries ?? []) await tx.enqueue(deliverJob(d.id, svc.config.alerts.maxAttempts));
    return rec;
  });
  if (!done) return null;
  svc.logger.info({ stage: 'alerts', rule: alert.rule.name, alert_id: done.alert.id, ...log }, `alert: ${done.alert.title}`);
  return done.alert;
}

/**
 * Every kind of rule for an analysed article (after its analysis is saved and its events
 * merged): event rules on its merged events, personnel rules on its role observations, spike
 * rules on the article's bucket of their subjects' series. Returns the alerts recorded.
 */
/** Rule versions whose refusal was logged already (once per process, not once per article). */
const loggedRefusals = new Set<string>();

/** The enabled rules that may fire: a stored rule that still names a file path is refused (logged as an error) and left out. */
export async function usableRules(svc: AlertServices): Promise<Rule[]> {
  return (await svc.store.listRules()).filter((r) => {
    if (!r.spec.enabled) return false;
    const refusal = ruleRefusal(r);
    if (!refusal) return true;
    const seen = `${r.id}@${r.updatedAt}`;
    if (!loggedRefusals.has(seen)) svc.logger.error({ stage: 'alerts', rule: r.name, rule_id: r.id }, refusal);
    loggedRefusals.add(seen);
    return false;
  });
}

export async function evaluateAll(svc: AlertServices, articleId: number): Promise<number> {
  const rules = await usableRules(svc);
  if (rules.length === 0) return 0;
  const article = rules.some((r) => ruleKind(r.spec.match) === 'spike') ? await svc.store.getArticle(articleId) : null;
  const day = (article?.published ?? article?.fetchedAt)?.slice(0, 10);
  return (await evaluateArticle(svc, articleId, rules)) + (await evaluatePersonnel(svc, articleId, rules)) + (day ? await evaluateSpikes(svc, day, rules) : 0);
}

/** Matches the enabled event rules against the article's merged events; returns the alerts recorded. */
export async function evaluateArticle(svc: AlertServices, articleId: number, all?: Rule[]): Promise<number> {
  const rules = (all ?? (await usableRules(svc))).filter((r) => r.spec.enabled && !ruleRefusal(r) && ruleKind(r.spec.match) === 'event');
  if (rules.length === 0) return 0;
  const entries = await svc.store.alertCandidates(articleId);
  let recorded = 0;
  for (const entry of entries) {
    const first = firstReport(entry);
    if (!first) continue;
    const keys = [reportKey(first), ...entry.reports.filter((r) => r !== first).map(reportKey)];
    for (const rule of rules) {
      const reasons = matchEvent(rule, entry);
      if (!reasons) continue;
      const payload = { kind: 'event', rule: { id: rule.id, name: rule.name }, reasons, event: toJson(entry) };
      if (await record(svc, { rule, mergedEventId: entry.event.id, reportKeys: keys, title: alertTitle(entry), payload }, { event_id: entry.event.id, article_id: articleId })) recorded++;
    }
  }
  return recorded;
}

const short = (text: string, n = 160) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

/** A one-line title: person, change, post and institution, and the evidence sentence. */
export function personnelTitle(c: PersonnelChange): string {
  const inst = c.institution.name === UNNAMED_INSTITUTION ? '' : `, ${c.institution.name}`;
  return `${c.change.toUpperCase()}: ${c.person} (${c.title}${inst}) — ${short(c.evidence.sentence)}`;
}

/**
 * Matches the enabled personnel rules against the article's observed moves (role observations
 * but "holds"). One alert per rule and move (personnelKey: person, post, change, day), so a
 * re-ingest, a re-analysis or another outlet's report of the same move adds none.
 */
export async function evaluatePersonnel(svc: AlertServices, articleId: number, all?: Rule[]): Promise<number> {
  const rules = (all ?? (await usableRules(svc))).filter((r) => r.spec.enabled && !ruleRefusal(r) && ruleKind(r.spec.match) === 'personnel');
  if (rules.length === 0) return 0;
  const records = await svc.store.roleRecords({ articleId, changesOnly: true });
  if (records.length === 0) return 0;
  const registry = loadRegistry(await registryOptions(svc.config, svc.store));
  let recorded = 0;
  for (const r of records) {
    if (r.change === 'holds') continue;
    const institution = institutionOf(registry, r);
    const change: PersonnelChange = {
      date: r.date, person: r.person, personKey: r.personKey, title: r.title, change: r.change, institution,
      evidence: { articleId: r.articleId, url: r.url, outlet: r.outlet, date: r.date, sentence: r.sentence },
    };
    for (const rule of rules) {
      const reasons = matchPersonnel(rule, { record: r, institution });
      if (!reasons) continue;
      const key = personnelKey(r);
      const payload = { kind: 'personnel', rule: { id: rule.id, name: rule.name }, reasons, personnel: change };
      if (await record(svc, { rule, mergedEventId: null, reportKeys: [], dedupeKey: key, title: personnelTitle(change), payload }, { article_id: articleId, key })) recorded++;
    }
  }
  return recorded;
}

/** The spike rule's subject as a trend subject. */
function spikeSubject(rule: Rule): TrendSubject | null {
  const s = rule.spec.match.spike;
  if (!s) return null;
  const r = rule.resolved.spike;
  if (s.keyword !== undefined) return { kind: 'keyword', text: s.keyword };
  if (s.actor !== undefined) return { kind: 'actor', actor: r?.actor ?? resolveActor(s.actor, null) };
  if (s.dyad) return { kind: 'dyad', a: r?.dyad?.a ?? resolveActor(s.dyad.a, null), b: r?.dyad?.b ?? resolveActor(s.dyad.b, null) };
  return null;
}

function spikeLabel(rule: Rule): string {
  const s = rule.spec.match.spike!;
  return s.keyword !== undefined ? `"${s.keyword}"` : s.actor !== undefined ? s.actor : `${s.dyad!.a}–${s.dyad!.b}`;
}

/**
 * Evaluates the enabled spike rules for the bucket of `day` (the analysed article's day): the
 * subject's series over that bucket and the spike window before it (the store's per-bucket
 * aggregates, as `readout trends`, so the query stays bounded however long the history), and an
 * alert when that bucket is a spike (src/insights/spikes.ts), once per rule and bucket (spikeKey).
 */
export async function evaluateSpikes(svc: AlertServices, day: string, all?: Rule[]): Promise<number> {
  const rules = (all ?? (await usableRules(svc))).filter((r) => r.spec.enabled && !ruleRefusal(r) && ruleKind(r.spec.match) === 'spike');
  let recorded = 0;
  for (const rule of rules) {
    const s = rule.spec.match.spike!;
    const subject = spikeSubject(rule);
    if (!subject) continue;
    const bucket = bucketOf(day, s.by);
    const filter = { by: s.by, since: addDays(bucket, -(DEFAULT_SPIKE_OPTIONS.window + 1) * (s.by === 'week' ? 7 : 1)), until: day };
    const attention = s.series === 'articles' ? await svc.store.trendAttention(subject, filter) : [];
    let tone: ToneRow[] | null = null;
    if (s.series === 'events' && subject.kind !== 'keyword') {
      tone = subject.kind === 'dyad'
        ? addTone(await svc.store.trendTone(subject, filter), await svc.store.trendTone({ kind: 'dyad', a: subject.b, b: subject.a }, filter))
        : await svc.store.trendTone(subject, filter);
    }
    const trend = buildTrend({ by: s.by, since: filter.since, until: filter.until, attention, tone });
    const last = trend.buckets.find((b) => b.bucket === bucket);
    if (!last || !last.spike.includes(s.series)) continue;
    const count = s.series === 'articles' ? last.articles : last.events;
    const z = s.series === 'articles' ? last.z.articles : last.z.events;
    const baseline = trend.buckets.slice(-1 - trend.spikeMethod.window, -1).map((b) => (s.series === 'articles' ? b.articles : b.events));
    const label = spikeLabel(rule);
    const title = `SPIKE: ${count} ${s.series} on ${label} in the ${s.by} of ${last.bucket} (z ${z ?? '?'}; previous ${s.by}s ${baseline.join(', ')})`;
    const spike = { subject: { kind: subject.kind, label }, by: s.by, series: s.series, bucket: last.bucket, count, z, baseline, method: trend.spikeMethod };
    const payload = { kind: 'spike', rule: { id: rule.id, name: rule.name }, reasons: [`spike ${s.series} ${label} per ${s.by}`], spike };
    if (await record(svc, { rule, mergedEventId: null, reportKeys: [], dedupeKey: spikeKey(last.bucket), title, payload }, { bucket: last.bucket })) recorded++;
  }
  return recorded;
}

/** The `deliver` job: sends one delivery and records the outcome; throws DeliveryError to retry (or not, when permanent). */
export async function runDelivery(svc: Pick<Services, 'store' | 'config' | 'logger' | 'now'>, job: Job): Promise<void> {
  const deliveryId = Number(job.payload.deliveryId);
  if (!Number.isInteger(deliveryId)) throw new DeliveryError('deliver job without a deliveryId', true);
  const found = await svc.store.getDelivery(deliveryId);
  if (!found) return; // its rule was removed
  const { delivery, alert, rule } = found;
  if (delivery.status === 'delivered') return;
  const sent = svc.now();
  const body = JSON.stringify({ type: 'readout.alert', alertId: alert.id, deliveryId, attempt: job.attempts, sentAt: sent.toISOString(), title: alert.title, ...alert.payload });
  const spec = rule.spec.deliver.find((d) => deliveryTarget(d) === delivery.target && d.kind === delivery.kind);
  try {
    let status: number | null = null;
    // A rule or a queued delivery from before sinks that names a file path is failed, never written.
    const refusal = ruleRefusal(rule);
    if (refusal) throw new DeliveryError(refusal, true);
    if (delivery.kind === 'log' && delivery.target !== 'log' && !delivery.target.startsWith('sink:')) {
      throw new DeliveryError(`a log delivery to a file path (${delivery.target}) is refused: rules can no longer write files; use a log sink (config alerts.logSinks)`, true);
    }
    if (!spec) throw new DeliveryError(`rule ${rule.name} no longer has this ${delivery.kind} delivery (${delivery.target})`, true);
    if (spec.kind === 'webhook') {
      status = (await postWebhook(spec.url, spec.secret, body, { timeoutMs: svc.config.alerts.webhookTimeoutMs, allowPrivate: svc.config.fetch.allowPrivate, userAgent: svc.config.fetch.userAgent, now: () => sent })).status;
    } else if (spec.sink !== undefined) {
      await appendToSink(svc.config.alerts, spec.sink, body);
    } else {
      svc.logger.info({ stage: 'alerts', rule: rule.name, alert_id: alert.id, alert: alert.payload }, `alert: ${alert.title}`);
    }
    // lastError stays: on a delivery that needed retries it tells why the earlier attempts failed.
    await svc.store.updateDelivery(deliveryId, { status: 'delivered', attempts: job.attempts, deliveredAt: sent.toISOString(), responseStatus: status, nextAttemptAt: null });
  } catch (err) {
    const permanent = err instanceof DeliveryError && err.permanent;
    const last = permanent || job.attempts >= job.maxAttempts;
    await svc.store.updateDelivery(deliveryId, {
      status: last ? 'failed' : 'pending',
      attempts: job.attempts,
      lastError: describeError(err),
      responseStatus: err instanceof DeliveryError ? err.status : null,
      nextAttemptAt: last ? null : new Date(sent.getTime() + jobRetryDelayMs(job.attempts)).toISOString(),
    });
    throw err instanceof DeliveryError ? err : new DeliveryError(describeError(err), false);
  }
}
