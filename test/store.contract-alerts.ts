// Store contract, part 10: watch rules, alerts and deliveries (src/store/alerts.ts): rules CRUD,
// "once per real-world event" in recordAlert (per rule × merged event, and per report key
// across a re-merge that gives the reports a new merged id), delivery status updates and the
// alert feed (newest first, by rule, keyset pagination).
import { describe, expect, it } from 'vitest';
import { parseRuleSpec, resolveRule, type NewRule, type Rule } from '../src/alerts/rules.js';
import { reportKey } from '../src/alerts/matcher.js';
import type { Store } from '../src/store/types.js';
import { fakeAnalysis } from './store.contract-analyses.js';
import type { ContractContext } from './store.contract.js';
import { sampleArticle } from './store.contract.js';
import { ev } from './store.contract-events.js';

const HOOK = 'https://hooks.example/readout';
const SECRET = 'contract-secret-0123456789';

function newRule(name: string, over: Record<string, unknown> = {}): NewRule {
  const spec = parseRuleSpec({
    name, match: { types: ['REJECT'], actors: ['PRK'] },
    deliver: [{ kind: 'webhook', url: HOOK, secret: SECRET }, { kind: 'log', sink: 'desk' }, { kind: 'log' }], ...over,
  });
  return { spec, resolved: resolveRule(spec, null), origin: 'api' };
}

async function report(store: Store, outlet: string, published: string, events = [ev()]): Promise<number> {
  const { id } = await store.insertArticle(sampleArticle({ sourceName: outlet, published }));
  await store.saveAnalysis(id, fakeAnalysis('x', [], { events }));
  return id;
}

/** What evaluateArticle records for one candidate event (first report's key first). */
async function alertOn(store: Store, rule: Rule, articleId: number) {
  const [entry] = await store.alertCandidates(articleId);
  if (!entry) throw new Error(`no merged event for article ${articleId}`);
  const keys = [...entry.reports].sort((a, b) => a.seenAt.localeCompare(b.seenAt) || a.articleId - b.articleId).map(reportKey);
  return { entry, rec: await store.recordAlert({ rule, mergedEventId: entry.event.id, reportKeys: keys, title: `REJECT #${entry.event.id}`, payload: { reasons: ['type REJECT'], event: { id: entry.event.id } } }) };
}

export function alertContract(ctx: ContractContext): void {
  describe('watch rules and alerts', () => {
    it('creates, reads, lists, updates and removes rules (names unique, feed token kept)', async () => {
      const { store } = ctx;
      const a = await store.createRule(newRule('dprk rejections'));
      expect(a).toMatchObject({ name: 'dprk rejections', origin: 'api', spec: { enabled: true, match: { types: ['REJECT'], actors: ['PRK'], skipNegated: true } } });
      expect(a.resolved.actors).toHaveLength(1);
      expect(a.spec.deliver[0]).toEqual({ kind: 'webhook', url: HOOK, secret: SECRET });
      expect(a.feedToken).toMatch(/^rdf_/);
      expect(Date.parse(a.createdAt)).not.toBeNaN();
      const b = await store.createRule({ ...newRule('file rule', { deliver: [] }), origin: 'file' });
      expect(b.origin).toBe('file');
      expect(b.feedToken).not.toBe(a.feedToken);
      await expect(store.createRule(newRule('dprk rejections'))).rejects.toMatchObject({ code: 'input' });

      expect(await store.getRule(a.id)).toEqual(a);
      expect(await store.getRule('dprk rejections')).toEqual(a);
      expect(await store.getRule(99999)).toBeNull();
      expect(await store.getRule('nope')).toBeNull();
      expect((await store.listRules()).map((r) => r.id)).toEqual([a.id, b.id]);

      const changed = await store.updateRule(a.id, newRule('dprk rejections v2', { enabled: false }));
      expect(changed).toMatchObject({ id: a.id, name: 'dprk rejections v2', feedToken: a.feedToken, createdAt: a.createdAt, spec: { enabled: false } });
      expect(await store.getRule('dprk rejections')).toBeNull();
      await expect(store.updateRule(a.id, newRule('file rule'))).rejects.toMatchObject({ code: 'input' });
      await expect(store.updateRule(99999, newRule('ghost'))).rejects.toMatchObject({ code: 'input' });

      // Removing a rule takes its alerts and deliveries with it.
      const id = await report(store, 'Harbor Ledger', '2026-03-02T09:00:00Z');
      await store.mergeEvents();
      const { rec } = await alertOn(store, changed, id);
      expect(rec?.deliveries).toHaveLength(3);
      expect(await store.removeRule('dprk rejections v2')).toBe(true);
      expect(await store.removeRule(a.id)).toBe(false);
      expect(await store.listAlerts()).toEqual([]);
      expect(await store.listDeliveries()).toEqual([]);
      expect(await store.getDelivery(rec!.deliveries[0]!.id)).toBeNull();
      expect((await store.listRules()).map((r) => r.id)).toEqual([b.id]);
    });

    it('records an alert once per rule and real-world event: a second report, a re-merge and a repeat add none', async () => {
      const { store } = ctx;
      const rule = await store.createRule(newRule('rejections'));
      const other = await store.createRule(newRule('rejections too', { deliver: [] }));
      const a1 = await report(store, 'Harbor Ledger', '2026-03-02T09:00:00Z');
      await store.mergeEvents();
      const first = await alertOn(store, rule, a1);
      expect(first.rec).not.toBeNull();
      expect(first.rec!.alert).toMatchObject({ ruleId: rule.id, mergedEventId: first.entry.event.id, reportKey: `${a1}:e1`, title: `REJECT #${first.entry.event.id}`, payload: { reasons: ['type REJECT'] } });
      expect(first.rec!.deliveries.map((d) => [d.kind, d.target, d.status, d.attempts])).toEqual([
        ['webhook', HOOK, 'pending', 0], ['log', 'sink:desk', 'pending', 0], ['log', 'log', 'pending', 0],
      ]);
      // The same call again (a retried evaluation): nothing new.
      expect((await alertOn(store, rule, a1)).rec).toBeNull();
      // Another rule alerts on the same event independently.
      expect((await alertOn(store, other, a1)).rec?.deliveries).toEqual([]);

      // A second outlet's report joins the same merged event: no second alert.
      const a2 = await report(store, 'Northern Wire', '2026-03-03T07:00:00Z', [ev({ sentence: { start: 0, end: 10, text: "Pyongyang on Monday dismissed Washington's offer of talks." } })]);
      await store.mergeEvents();
      const second = await alertOn(store, rule, a2);
      expect(second.entry.event.id).toBe(first.entry.event.id);
      expect(second.entry.reports).toHaveLength(2);
      expect(second.rec).toBeNull();

      // A different merged id carrying a report the alert covered (as after a re-merge): none.
      const moved = await store.recordAlert({ rule, mergedEventId: first.entry.event.id + 1000, reportKeys: [`${a2}:e1`], title: 'moved', payload: {} });
      expect(moved).toBeNull();
      // A key first seen with that moved event is now known too, so a later move that only carries it adds none either.
      expect(await store.recordAlert({ rule, mergedEventId: first.entry.event.id + 2000, reportKeys: [`${a2}:e1`, '999999:e9'], title: 'moved again', payload: {} })).toBeNull();
      expect(await store.recordAlert({ rule, mergedEventId: first.entry.event.id + 3000, reportKeys: ['999999:e9'], title: 'and again', payload: {} })).toBeNull();

      // A real re-analysis: both articles re-saved, their reports merged again (whatever merged id they get).
      await store.saveAnalysis(a1, fakeAnalysis('x', [], { events: [ev({ intensity: -5 })] }));
      await store.saveAnalysis(a2, fakeAnalysis('x', [], { events: [ev({ sentence: { start: 0, end: 10, text: "Pyongyang on Monday dismissed Washington's offer of talks." } })] }));
      await store.mergeEvents();
      expect((await alertOn(store, rule, a1)).rec).toBeNull();
      expect((await alertOn(store, rule, a2)).rec).toBeNull();

      // A new event is a new alert.
      const a3 = await report(store, 'Northern Wire', '2026-03-20T07:00:00Z', [ev({ date: '2026-03-20', type: 'THREATEN', intensity: -7, sentence: { start: 0, end: 10, text: 'North Korea threatened the United States with retaliation.' } })]);
      await store.mergeEvents();
      const third = await alertOn(store, rule, a3);
      expect(third.rec?.alert.reportKey).toBe(`${a3}:e1`);
      expect((await store.listAlerts({ ruleId: rule.id })).map((a) => a.id)).toEqual([third.rec!.alert.id, first.rec!.alert.id]);
      await expect(store.recordAlert({ rule, mergedEventId: 1, reportKeys: [], title: 't', payload: {} })).rejects.toMatchObject({ code: 'input' });
    });

    it('records keyed alerts without a merged event (personnel moves, spikes) once per rule and key', async () => {
      const { store } = ctx;
      const rule = await store.createRule(newRule('moves', { match: { personnel: { changes: ['dismissed'] } } }));
      const other = await store.createRule(newRule('moves too', { match: { personnel: {} }, deliver: [] }));
      const key = 'personnel:name:odile-marchetti|trade minister|dismissed|2026-03-05';
      const first = await store.recordAlert({ rule, mergedEventId: null, reportKeys: [], dedupeKey: key, title: 'DISMISSED: Odile Marchetti', payload: { kind: 'personnel' } });
      expect(first?.alert).toMatchObject({ ruleId: rule.id, mergedEventId: null, dedupeKey: key, reportKey: key, title: 'DISMISSED: Odile Marchetti', payload: { kind: 'personnel' } });
      expect(first?.deliveries).toHaveLength(3);
      // The same key again (a re-ingest, a re-analysis, another outlet): nothing new.
      expect(await store.recordAlert({ rule, mergedEventId: null, reportKeys: [], dedupeKey: key, title: 'again', payload: {} })).toBeNull();
      // Another rule, or another key, is another alert; a spike key is one per bucket.
      expect((await store.recordAlert({ rule: other, mergedEventId: null, reportKeys: [], dedupeKey: key, title: 'other rule', payload: {} }))?.deliveries).toEqual([]);
      const spike = await store.recordAlert({ rule, mergedEventId: null, reportKeys: [], dedupeKey: 'spike:2026-03-09', title: 'spike', payload: {} });
      expect(spike?.alert.dedupeKey).toBe('spike:2026-03-09');
      // Event alerts keep a null key, and many of them coexist with keyed ones.
      const ev1 = await store.recordAlert({ rule, mergedEventId: 41, reportKeys: ['41:e1'], title: 'event 1', payload: {} });
      const ev2 = await store.recordAlert({ rule, mergedEventId: 42, reportKeys: ['42:e1'], title: 'event 2', payload: {} });
      expect([ev1?.alert.dedupeKey, ev2?.alert.dedupeKey, ev1?.alert.mergedEventId]).toEqual([null, null, 41]);
      expect((await store.listAlerts({ ruleId: rule.id })).map((a) => [a.mergedEventId, a.dedupeKey])).toEqual([[42, null], [41, null], [null, 'spike:2026-03-09'], [null, key]]);
      // The database enforces the key per rule, whatever the caller does.
      await expect(ctx.harness.query(`INSERT INTO alerts (rule_id, merged_event_id, dedupe_key, report_key, title, payload, created_at) VALUES (${rule.id}, NULL, 'spike:2026-03-09', 'k', 't', '{}', '2026-03-10T00:00:00.000Z')`)).rejects.toThrow();
      await ctx.harness.query(`INSERT INTO alerts (rule_id, merged_event_id, dedupe_key, report_key, title, payload, created_at) VALUES (${other.id}, NULL, 'spike:2026-03-09', 'k', 't', '{}', '2026-03-10T00:00:00.000Z')`);
      // A delivery of a keyed alert reads back with its alert.
      expect((await store.getDelivery(first!.deliveries[0]!.id))?.alert).toMatchObject({ mergedEventId: null, dedupeKey: key });
      await expect(store.recordAlert({ rule, mergedEventId: null, reportKeys: [], title: 'no key', payload: {} })).rejects.toMatchObject({ code: 'input' });
      expect(await store.removeRule(rule.id)).toBe(true);
      expect((await store.listAlerts()).every((a) => a.ruleId === other.id)).toBe(true);
    });

    it('updates deliveries and lists alerts and deliveries newest first, by rule, alert and status', async () => {
      const { store } = ctx;
      const rule = await store.createRule(newRule('feed'));
      const quiet = await store.createRule(newRule('quiet', { deliver: [{ kind: 'log' }] }));
      const recs = [];
      for (let i = 0; i < 3; i++) {
        const keys = [`${100 + i}:e1`];
        recs.push((await store.recordAlert({ rule, mergedEventId: 10 + i, reportKeys: keys, title: `alert ${i} <b>&</b>`, payload: { n: i, nested: { list: [1, 'two'] } } }))!);
      }
      const q = (await store.recordAlert({ rule: quiet, mergedEventId: 10, reportKeys: ['100:e1'], title: 'quiet', payload: {} }))!;
      expect(q).not.toBeNull();

      const all = await store.listAlerts();
      expect(all.map((a) => a.id)).toEqual([q.alert.id, ...recs.map((r) => r.alert.id).reverse()]);
      expect(all[1]).toMatchObject({ title: 'alert 2 <b>&</b>', payload: { n: 2, nested: { list: [1, 'two'] } }, mergedEventId: 12 });
      const page1 = await store.listAlerts({ ruleId: rule.id, limit: 2 });
      expect(page1.map((a) => a.payload.n)).toEqual([2, 1]);
      const page2 = await store.listAlerts({ ruleId: rule.id, limit: 2, beforeId: page1[1]!.id });
      expect(page2.map((a) => a.payload.n)).toEqual([0]);
      expect(await store.listAlerts({ ruleId: 99999 })).toEqual([]);

      const hook = recs[0]!.deliveries[0]!;
      expect(hook.nextAttemptAt).not.toBeNull();
      await store.updateDelivery(hook.id, { status: 'pending', attempts: 1, lastError: 'webhook hooks.example answered HTTP 500', responseStatus: 500, nextAttemptAt: '2026-03-02T10:00:05.000Z' });
      let got = await store.getDelivery(hook.id);
      expect(got?.delivery).toMatchObject({ status: 'pending', attempts: 1, lastError: 'webhook hooks.example answered HTTP 500', responseStatus: 500, nextAttemptAt: '2026-03-02T10:00:05.000Z', deliveredAt: null });
      expect(got?.alert.id).toBe(recs[0]!.alert.id);
      expect(got?.rule.id).toBe(rule.id);
      // A patch changes only what it names; null clears.
      await store.updateDelivery(hook.id, { status: 'delivered', attempts: 2, responseStatus: 204, deliveredAt: '2026-03-02T10:00:06.000Z', nextAttemptAt: null });
      got = await store.getDelivery(hook.id);
      expect(got?.delivery).toMatchObject({ status: 'delivered', attempts: 2, lastError: 'webhook hooks.example answered HTTP 500', responseStatus: 204, nextAttemptAt: null, deliveredAt: '2026-03-02T10:00:06.000Z' });
      await store.updateDelivery(hook.id, { lastError: null });
      expect((await store.getDelivery(hook.id))?.delivery.lastError).toBeNull();
      await store.updateDelivery(hook.id, {});
      await store.updateDelivery(recs[1]!.deliveries[0]!.id, { status: 'failed', attempts: 5, lastError: 'gave up', responseStatus: null, nextAttemptAt: null });
      expect(await store.getDelivery(99999)).toBeNull();

      expect((await store.listDeliveries({ status: 'delivered' })).map((d) => d.id)).toEqual([hook.id]);
      expect((await store.listDeliveries({ status: 'failed' })).map((d) => d.id)).toEqual([recs[1]!.deliveries[0]!.id]);
      expect((await store.listDeliveries({ alertId: recs[2]!.alert.id })).map((d) => d.id)).toEqual(recs[2]!.deliveries.map((d) => d.id).reverse());
      expect((await store.listDeliveries({ ruleId: quiet.id })).map((d) => [d.kind, d.target])).toEqual([['log', 'log']]);
      const forRule = await store.listDeliveries({ ruleId: rule.id, status: 'pending', limit: 4 });
      expect(forRule).toHaveLength(4);
      expect(forRule.map((d) => d.id)).toEqual([...forRule.map((d) => d.id)].sort((x, y) => y - x));
      expect(forRule.every((d) => typeof d.id === 'number' && typeof d.attempts === 'number')).toBe(true);
    });
  });
}
