// The pipeline half of alerting. After an article's analysis is saved and its events merged
// (src/pipeline/analyze-stage.ts), evaluateArticle matches every enabled rule against the
// merged events the article's reports belong to, records new alerts (once per real-world event:
// src/store/alerts.ts recordAlert) and enqueues one `deliver` job per push delivery, in the same
// transaction. runDelivery is the `deliver` job: it posts or appends, and records the outcome on
// the delivery row; the job's retries (growing delays) come from the jobs table.
import { describeError } from '../core/errors.js';
import { actorLabel, toJson, type TimelineEntry } from '../events/timeline.js';
import type { Services } from '../pipeline/services.js';
import { jobRetryDelayMs } from '../pipeline/schedule.js';
import type { Job, NewJob } from '../store/types.js';
import { appendJsonLine, DeliveryError, postWebhook } from './deliver.js';
import { firstReport, matchEvent, reportKey } from './matcher.js';

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

/** Matches the enabled rules against the article's merged events; returns the alerts recorded. */
export async function evaluateArticle(svc: Pick<Services, 'store' | 'config' | 'logger'>, articleId: number): Promise<number> {
  const rules = (await svc.store.listRules()).filter((r) => r.spec.enabled);
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
      const payload = { rule: { id: rule.id, name: rule.name }, reasons, event: toJson(entry) };
      const done = await svc.store.transaction(async (tx) => {
        const rec = await tx.recordAlert({ rule, mergedEventId: entry.event.id, reportKeys: keys, title: alertTitle(entry), payload });
        for (const d of rec?.deliveries ?? []) await tx.enqueue(deliverJob(d.id, svc.config.alerts.maxAttempts));
        return rec;
      });
      if (done) {
        recorded++;
        svc.logger.info({ stage: 'alerts', rule: rule.name, alert_id: done.alert.id, event_id: entry.event.id, article_id: articleId }, `alert: ${done.alert.title}`);
      }
    }
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
  const spec = rule.spec.deliver.find((d) => (d.kind === 'webhook' ? d.url : (d.file ?? 'log')) === delivery.target && d.kind === delivery.kind);
  try {
    let status: number | null = null;
    if (!spec) throw new DeliveryError(`rule ${rule.name} no longer has this ${delivery.kind} delivery (${delivery.target})`, true);
    if (spec.kind === 'webhook') {
      status = (await postWebhook(spec.url, spec.secret, body, { timeoutMs: svc.config.alerts.webhookTimeoutMs, allowPrivate: svc.config.fetch.allowPrivate, userAgent: svc.config.fetch.userAgent, now: () => sent })).status;
    } else if (spec.file) {
      await appendJsonLine(spec.file, body);
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
