// Log sinks (log-sink.ts): a rule names a sink, never a path; the operator's sinks are plain
// file names inside <dataDir>/alerts/; a symlink or hard link out of that folder is refused.
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { DeliveryError } from './deliver.js';
import { appendToSink, checkSinks, ruleRefusal } from './log-sink.js';
import { parseRuleSpec, parseRulesYaml } from './rules.js';

const temp = () => mkdtempSync(join(tmpdir(), 'readout-sink-'));
const sinks = (dir: string, logSinks: Record<string, string> = { desk: 'desk.jsonl' }) => ({ logSinks, logDir: join(dir, 'alerts') });

async function refusal(p: Promise<unknown>): Promise<DeliveryError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(DeliveryError);
  expect((err as DeliveryError).permanent).toBe(true);
  return err as DeliveryError;
}

describe('rule bodies name no file', () => {
  it('refuses `file` on a log delivery, naming deliver.N.file and the sink to use instead', () => {
    for (const file of ['../../x', '/tmp/x.jsonl', 'alerts.jsonl']) {
      expect(() => parseRuleSpec({ name: 'r', match: {}, deliver: [{ kind: 'log' }, { kind: 'log', file }] })).toThrow(/deliver\.1\.file: a rule cannot name a file.*sink/);
    }
    expect(() => parseRulesYaml('rules:\n  - {name: r, match: {}, deliver: [{kind: log, file: /home/u/.bashrc}]}\n', 'rules.yaml')).toThrow(/rules\.yaml: rule 1: deliver\.0\.file/);
    expect(() => parseRuleSpec({ name: 'r', match: {}, deliver: [{ kind: 'log', sink: '../x' }] })).toThrow(/deliver\.0\.sink/);
    expect(parseRuleSpec({ name: 'r', match: {}, deliver: [{ kind: 'log', sink: 'desk' }] }).deliver).toEqual([{ kind: 'log', sink: 'desk' }]);
  });

  it('refuses a sink the config does not name', () => {
    const spec = parseRuleSpec({ name: 'r', match: {}, deliver: [{ kind: 'log', sink: 'desk' }, { kind: 'log', sink: 'other' }] });
    expect(() => checkSinks(spec, { desk: 'desk.jsonl' })).toThrow(/deliver\.1\.sink: no log sink "other" is configured \(configured: desk\)/);
    expect(() => checkSinks(spec, { desk: 'd.jsonl', other: 'o.jsonl' })).not.toThrow();
    // An inherited property is not a sink.
    expect(() => checkSinks(parseRuleSpec({ name: 'r', match: {}, deliver: [{ kind: 'log', sink: 'constructor' }] }), {})).toThrow(/no log sink "constructor"/);
  });

  it('refuses a stored rule that still carries a file path', () => {
    const legacy = { name: 'old', spec: { deliver: [{ kind: 'webhook', url: 'https://h.example/', secret: 'x'.repeat(16) }, { kind: 'log', file: '/etc/cron.d/x' }] } } as unknown as Parameters<typeof ruleRefusal>[0];
    expect(ruleRefusal(legacy)).toMatch(/rule "old" is refused: deliver\.1\.file names a file path.*sink/);
    expect(ruleRefusal({ name: 'new', spec: { deliver: [{ kind: 'log', sink: 'desk' }, { kind: 'log' }] } })).toBeNull();
  });
});

describe('the operator configures sinks', () => {
  it('takes plain file names only, resolved in <dataDir>/alerts', () => {
    const c = loadConfig({ env: {}, overrides: { dataDir: '/srv/readout', alerts: { logSinks: { desk: 'desk.jsonl', 'night-desk': 'night_2.jsonl' } } } });
    expect(c.alerts).toMatchObject({ logDir: '/srv/readout/alerts', logSinks: { desk: 'desk.jsonl', 'night-desk': 'night_2.jsonl' } });
    expect(loadConfig({ env: {} }).alerts.logSinks).toEqual({});
    for (const file of ['../x.jsonl', '/etc/passwd', 'sub/x.jsonl', '..', '.', '.bashrc', 'a\\b']) {
      expect(() => loadConfig({ env: {}, overrides: { alerts: { logSinks: { desk: file } } } }), file).toThrow(/alerts\.logSinks\.desk.*plain file name/);
    }
    expect(() => loadConfig({ env: {}, overrides: { alerts: { logSinks: { '../x': 'x.jsonl' } } } })).toThrow(/alerts\.logSinks/);
  });
});

describe('appendToSink', () => {
  it('appends JSON lines to the sink file inside <dataDir>/alerts, created 0600', async () => {
    const dir = temp();
    await appendToSink(sinks(dir), 'desk', '{"a":1}');
    await appendToSink(sinks(dir), 'desk', '{"a":2}');
    const file = join(dir, 'alerts', 'desk.jsonl');
    expect(readFileSync(file, 'utf8')).toBe('{"a":1}\n{"a":2}\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'alerts')).mode & 0o777).toBe(0o700);
  });

  it('refuses a sink that is not configured, and a file name that slipped past the config', async () => {
    const dir = temp();
    await refusal(appendToSink(sinks(dir), 'other', '{}'));
    await refusal(appendToSink(sinks(dir), 'toString', '{}'));
    await refusal(appendToSink(sinks(dir, { desk: '../escape.jsonl' }), 'desk', '{}'));
    expect(existsSync(join(dir, 'escape.jsonl'))).toBe(false);
  });

  it('refuses a symlink pointing out of the folder, and writes nothing through it', async () => {
    const dir = temp();
    const outside = join(dir, 'outside.txt');
    writeFileSync(outside, 'keep\n');
    mkdirSync(join(dir, 'alerts'));
    symlinkSync(outside, join(dir, 'alerts', 'desk.jsonl'));
    expect((await refusal(appendToSink(sinks(dir), 'desk', '{"x":1}'))).message).toMatch(/not a regular file|symlink/);
    // A dangling symlink would otherwise create its target.
    const target = join(dir, 'created-by-link.txt');
    symlinkSync(target, join(dir, 'alerts', 'dangling.jsonl'));
    await refusal(appendToSink(sinks(dir, { desk: 'dangling.jsonl' }), 'desk', '{"x":1}'));
    expect(readFileSync(outside, 'utf8')).toBe('keep\n');
    expect(existsSync(target)).toBe(false);
  });

  it('refuses a hard link to a file elsewhere', async () => {
    const dir = temp();
    const outside = join(dir, 'outside.txt');
    writeFileSync(outside, 'keep\n');
    mkdirSync(join(dir, 'alerts'));
    linkSync(outside, join(dir, 'alerts', 'desk.jsonl'));
    await refusal(appendToSink(sinks(dir), 'desk', '{"x":1}'));
    expect(readFileSync(outside, 'utf8')).toBe('keep\n');
  });
});
