// Rules and queued deliveries from before log sinks (issue 12), through the real worker pool and
// jobs table: a stored rule whose `log` delivery still names a file path is refused wherever
// rules are loaded (at watch/serve start and when articles are evaluated: an error naming the
// rule and what to do, no alert), a delivery already queued to such a path is failed
// permanently without writing anything, and a rules file with `file:` does not load.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluateAll } from '../src/alerts/evaluate.js';
import { syncRulesFile } from '../src/alerts/rules-file.js';
import { parseRuleSpec, resolveRule, type NewRule, type Rule } from '../src/alerts/rules.js';
import type { Services } from '../src/pipeline/services.js';
import { WorkerPool } from '../src/pipeline/worker.js';
import { closeServices, tempDir, testServices } from './helpers/services.js';
import { fakeAnalysis } from './store.contract-analyses.js';
import { ev } from './store.contract-events.js';
import { sampleArticle } from './store.contract.js';

const MATCH = { types: ['REJECT'], actors: ['PRK'] };

describe('rules and deliveries that name a file path (from before log sinks)', () => {
  let svc: Services;
  let logged: { level: number; msg: string; rule?: string }[];
  let target: string;

  beforeEach(async () => {
    svc = await testServices({ alerts: { logSinks: { desk: 'desk.jsonl' } } });
    logged = [];
    svc.logger = pino({ level: 'info' }, { write: (line: string) => void logged.push(JSON.parse(line) as (typeof logged)[number]) });
    target = join(tempDir('victim'), 'cron-job');
  });
  afterEach(async () => closeServices(svc));

  /** A rule as an older version stored it: a log delivery with a file path (the store keeps what it is given). */
  async function legacyRule(name = 'legacy'): Promise<Rule> {
    const spec = parseRuleSpec({ name, match: MATCH, deliver: [{ kind: 'log', sink: 'desk' }] });
    return svc.store.createRule({ spec: { ...spec, deliver: [{ kind: 'log', file: target }] }, resolved: resolveRule(spec, null), origin: 'api' } as unknown as NewRule);
  }

  async function rejection(): Promise<number> {
    const { id } = await svc.store.insertArticle(sampleArticle({ sourceName: 'Harbor Ledger', published: '2026-03-02T09:00:00Z' }));
    await svc.store.saveAnalysis(id, fakeAnalysis('x', [], { events: [ev()] }));
    await svc.store.mergeEvents();
    return id;
  }

  it('refuses the rule at load: an error naming it and what to do, and no alert on a matching event', async () => {
    await legacyRule();
    const loaded = await syncRulesFile(svc, undefined);
    expect(loaded.refused).toEqual([expect.stringMatching(/rule "legacy" is refused: deliver\.0\.file names a file path.*sink/)]);
    expect(await evaluateAll(svc, await rejection())).toBe(0);
    expect(await evaluateAll(svc, await rejection())).toBe(0);
    const errors = logged.filter((l) => l.level >= 50);
    // Once at load, once when evaluation first meets it (not once per article).
    expect(errors.map((e) => e.msg)).toEqual([expect.stringMatching(/rule "legacy" is refused/), expect.stringMatching(/rule "legacy" is refused/)]);
    expect(await svc.store.listAlerts()).toEqual([]);
    expect(existsSync(target)).toBe(false);
  });

  it('fails a delivery queued to a file path permanently and writes nothing', async () => {
    const rule = await legacyRule();
    const articleId = await rejection();
    // An alert recorded (and its delivery queued) before the upgrade.
    const [entry] = await svc.store.alertCandidates(articleId);
    const rec = await svc.store.transaction(async (tx) => {
      const r = await tx.recordAlert({ rule, mergedEventId: entry!.event.id, reportKeys: [`${articleId}:e1`], title: 'REJECT', payload: { kind: 'event' } });
      for (const d of r!.deliveries) await tx.enqueue({ kind: 'deliver', payload: { deliveryId: d.id }, dedupeKey: `deliver:${d.id}`, maxAttempts: 5 });
      return r!;
    });
    expect(rec.deliveries.map((d) => [d.kind, d.target])).toEqual([['log', target]]);

    await new WorkerPool(svc, { concurrency: 1, kinds: ['deliver'] }).drain();
    const d = (await svc.store.getDelivery(rec.deliveries[0]!.id))!.delivery;
    expect(d).toMatchObject({ status: 'failed', attempts: 1, nextAttemptAt: null, deliveredAt: null });
    expect(d.lastError).toMatch(/refused/);
    expect((await svc.store.stats()).jobs).toMatchObject({ queued: 0, failed: 1 });
    expect(existsSync(target)).toBe(false);
  });

  it('does not load a rules file whose rule names a file, or a sink the config lacks', async () => {
    const file = join(tempDir('rules'), 'rules.yaml');
    writeFileSync(file, `rules:\n  - {name: r, match: {types: [REJECT]}, deliver: [{kind: log, file: ${JSON.stringify(target)}}]}\n`);
    await expect(syncRulesFile(svc, file)).rejects.toThrow(/rule 1: deliver\.0\.file: a rule cannot name a file/);
    writeFileSync(file, 'rules:\n  - {name: r, match: {types: [REJECT]}, deliver: [{kind: log, sink: cron}]}\n');
    await expect(syncRulesFile(svc, file)).rejects.toThrow(/rule 1: deliver\.0\.sink: no log sink "cron"/);
    writeFileSync(file, 'rules:\n  - {name: r, match: {types: [REJECT]}, deliver: [{kind: log, sink: desk}]}\n');
    expect(await syncRulesFile(svc, file)).toMatchObject({ created: 1, refused: [] });
    expect(await svc.store.listRules()).toHaveLength(1);
  });
});
