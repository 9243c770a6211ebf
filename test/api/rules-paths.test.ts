// A rule body cannot reach the file system (issue 12): POST /rules, PUT /rules/{id} and POST
// /rules/test refuse a `log` delivery with a `file` path (relative with "..", or absolute) with a
// 400 naming deliver.N.file and the sink to use instead, and after an alert fires and its
// deliveries run, no such file exists. A sink the operator configured is accepted and written
// inside <dataDir>/alerts/ only; a stored rule that still names a path (from before) is shown as
// refused, fires nothing, and fires again once a PUT replaces the path with a sink.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateArticle } from '../../src/alerts/evaluate.js';
import { parseRuleSpec, resolveRule, type NewRule } from '../../src/alerts/rules.js';
import { createApp, type ApiApp } from '../../src/api/app.js';
import { generateToken } from '../../src/api/auth.js';
import { loadConfig, type Config } from '../../src/config/config.js';
import { silentLogger } from '../../src/core/logger.js';
import { createFetcher } from '../../src/fetch/http.js';
import type { Services } from '../../src/pipeline/services.js';
import { WorkerPool } from '../../src/pipeline/worker.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/types.js';
import { emptyStore } from '../helpers/ingested-store.js';
import { fakeAnalysis } from '../store.contract-analyses.js';
import { ev } from '../store.contract-events.js';
import { sampleArticle } from '../store.contract.js';
import { json, type ErrorJson } from './fixtures.js';

const MATCH = { types: ['REJECT'], actors: ['PRK'] };
const tag = `readout-h12-${process.pid}-${Date.now()}`;

let dir: string;
let config: Config;
let store: Store;
let app: ApiApp;
let token: string;
let svc: Services;
let relative: string;
let absolute: string;

beforeAll(async () => {
  ({ dir } = emptyStore('api-sinks', 'alerts:\n  logSinks: { desk: desk.jsonl }\n'));
  config = loadConfig({ env: { READOUT_DATA_DIR: dir }, configPath: join(dir, 'readout.yaml') });
  store = await openStore(join(dir, 'readout.db'), silentLogger());
  const t = generateToken();
  await store.createApiToken({ name: 'analyst', role: 'analyst', hash: t.hash });
  token = t.token;
  app = createApp({ store, config, logger: silentLogger() });
  svc = { store, config, logger: silentLogger(), fetcher: createFetcher(config.fetch, silentLogger()), now: () => new Date() };
  // Where the old code would have written: relative to the server's folder, and an absolute path.
  relative = `../../${tag}.jsonl`;
  absolute = join(dir, 'outside', `${tag}.jsonl`);
});

afterAll(async () => {
  rmSync(resolve(relative), { force: true });
  await svc.fetcher.close();
  await store.close();
});

const send = (method: string, path: string, body: unknown) =>
  app.request(path, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** A REJECT event by North Korea: every rule above fires on it; then every deliver job runs. */
async function fireAndDeliver(): Promise<void> {
  const { id } = await store.insertArticle(sampleArticle({ sourceName: 'Harbor Ledger', published: '2026-03-02T09:00:00Z' }));
  await store.saveAnalysis(id, fakeAnalysis('x', [], { events: [ev()] }));
  await store.mergeEvents();
  await evaluateArticle(svc, id);
  await new WorkerPool(svc, { concurrency: 1, kinds: ['deliver'] }).drain();
}

const noPathFiles = () => {
  expect(existsSync(resolve(relative)), resolve(relative)).toBe(false);
  expect(existsSync(absolute), absolute).toBe(false);
  expect(existsSync(join(dir, 'outside'))).toBe(false);
};

describe('rule deliveries cannot name a file', () => {
  let ruleId = 0;

  it('POST /rules refuses a log file path, relative or absolute, with a 400 naming deliver.N.file', async () => {
    for (const file of [relative, absolute]) {
      const r = await send('POST', '/rules', { name: 'path rule', match: MATCH, deliver: [{ kind: 'log' }, { kind: 'log', file }] });
      expect(r.status, file).toBe(400);
      const body = await json<ErrorJson>(r);
      expect(body.error.field).toBe('deliver.1.file');
      expect(body.error.message).toMatch(/^deliver\.1\.file: a rule cannot name a file.*sink: NAME.*alerts\.logSinks/);
    }
    const dry = await send('POST', '/rules/test', { name: 'path rule', match: MATCH, deliver: [{ kind: 'log', file: absolute }] });
    expect(dry.status).toBe(400);
    expect((await store.listRules()).map((r) => r.name)).not.toContain('path rule');
  });

  it('PUT /rules/{id} refuses re-pointing a rule at a path; the stored rule stays as it was', async () => {
    const created = await send('POST', '/rules', { name: 'desk rule', match: MATCH, deliver: [{ kind: 'log', sink: 'desk' }] });
    expect(created.status).toBe(201);
    ruleId = (await json<{ id: number }>(created)).id;
    for (const file of [relative, absolute]) {
      const r = await send('PUT', `/rules/${ruleId}`, { name: 'desk rule', match: MATCH, deliver: [{ kind: 'log', file }] });
      expect(r.status, file).toBe(400);
      expect((await json<ErrorJson>(r)).error.field).toBe('deliver.0.file');
    }
    expect((await store.getRule(ruleId))?.spec.deliver).toEqual([{ kind: 'log', sink: 'desk' }]);
  });

  it('refuses a sink the operator did not configure, naming deliver.N.sink', async () => {
    for (const [method, path] of [['POST', '/rules'], ['PUT', `/rules/${ruleId}`]] as const) {
      const r = await send(method, path, { name: 'desk rule', match: MATCH, deliver: [{ kind: 'log', sink: 'cron' }] });
      expect(r.status).toBe(400);
      const body = await json<ErrorJson>(r);
      expect(body.error.field).toBe('deliver.0.sink');
      expect(body.error.message).toMatch(/no log sink "cron" is configured \(configured: desk\)/);
    }
  });

  it('writes the configured sink inside <dataDir>/alerts only, and no path file ever appears', async () => {
    await fireAndDeliver();
    const lines = readFileSync(join(dir, 'alerts', 'desk.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ type: 'readout.alert', rule: { name: 'desk rule' } });
    expect(readdirSync(join(dir, 'alerts'))).toEqual(['desk.jsonl']);
    const deliveries = await store.listDeliveries({ ruleId });
    expect(deliveries.map((d) => [d.kind, d.target, d.status])).toEqual([['log', 'sink:desk', 'delivered']]);
    noPathFiles();
  });

  it('shows a stored rule that names a path as refused, fires nothing for it, and fires again once PUT gives it a sink', async () => {
    // A rule saved before sinks existed (or planted in the store): the store keeps what it was given.
    const spec = parseRuleSpec({ name: 'legacy rule', match: MATCH });
    const legacy = { spec: { ...spec, deliver: [{ kind: 'log', file: absolute }] }, resolved: resolveRule(spec, null), origin: 'api' } as unknown as NewRule;
    const old = await store.createRule(legacy);
    const shown = await json<{ items: { id: number; refused?: string }[] }>(await app.request('/rules', { headers: { authorization: `Bearer ${token}` } }));
    expect(shown.items.find((r) => r.id === old.id)?.refused).toMatch(/rule "legacy rule" is refused: deliver\.0\.file names a file path/);
    expect(shown.items.find((r) => r.id === ruleId)?.refused).toBeUndefined();

    await fireAndDeliver();
    expect(await store.listAlerts({ ruleId: old.id })).toEqual([]);
    noPathFiles();

    const fixed = await send('PUT', `/rules/${old.id}`, { name: 'legacy rule', match: MATCH, deliver: [{ kind: 'log', sink: 'desk' }] });
    expect(fixed.status).toBe(200);
    expect((await json<{ refused?: string }>(fixed)).refused).toBeUndefined();
    await fireAndDeliver();
    expect(await store.listAlerts({ ruleId: old.id })).toHaveLength(1);
    noPathFiles();
  });
});
