// `readout rules add|list|test|sync|remove` in-process on a fresh store.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { tempDir } from './helpers/services.js';

describe('readout rules', () => {
  it('adds, lists, tests, syncs from the rules file and removes rules', async () => {
    const dir = tempDir('rules-cli');
    const rulesFile = join(dir, 'rules.yaml');
    writeFileSync(rulesFile, 'rules:\n  - name: file-rule\n    match: {types: [THREATEN], dyad: {a: PRK, b: USA}}\n    deliver: [{kind: log}]\n');
    writeFileSync(join(dir, 'readout.yaml'), `alerts:\n  rulesFile: ${rulesFile}\n`);
    const env = { READOUT_DB: join(dir, 'readout.db'), READOUT_DATA_DIR: dir, READOUT_CONFIG: join(dir, 'readout.yaml'), READOUT_LOG_LEVEL: 'silent' };

    const added = await runCli(['rules', 'add', '--name', 'threats', '--type', 'threaten', '--actor', 'PRK', '--webhook', 'https://hooks.example/x', '--secret', 'abcdefghijklmnop'], env);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/threats \[api\]: actors PRK; types THREATEN → webhook https:\/\/hooks.example\/x/);
    expect(added.stderr).toMatch(/atom\?token=rdf_/);
    expect((await runCli(['rules', 'add', '--name', 'threats', '--type', 'THREATEN'], env)).stderr).toMatch(/exists/);
    expect((await runCli(['rules', 'add', '--name', 'bad', '--type', 'NOPE'], env)).stderr).toMatch(/match\.types/);

    const synced = await runCli(['rules', 'sync'], env);
    expect(synced.code, synced.stderr).toBe(0);
    expect(synced.stderr).toMatch(/1 created, 0 updated, 0 removed/);
    const listed = await runCli(['rules', 'list', '--json'], env);
    const rules = JSON.parse(listed.stdout) as { name: string; origin: string; spec: { deliver: { secret?: string }[] } }[];
    expect(rules.map((r) => [r.name, r.origin])).toEqual([['threats', 'api'], ['file-rule', 'file']]);
    expect(rules[0]!.spec.deliver[0]!.secret).toBe('***');

    const tested = await runCli(['rules', 'test', 'threats'], env);
    expect(tested.code, tested.stderr).toBe(0);
    expect(tested.stderr).toMatch(/0 of 0 events match/);

    writeFileSync(rulesFile, 'rules: []\n');
    expect((await runCli(['rules', 'sync'], env)).stderr).toMatch(/0 created, 0 updated, 1 removed/);
    expect((await runCli(['rules', 'remove', 'threats'], env)).code).toBe(0);
    expect((await runCli(['rules', 'remove', 'threats'], env)).stderr).toMatch(/no rule/);
  }, 60_000);

  it('refuses a rule that names a file; takes a configured log sink', async () => {
    const dir = tempDir('rules-cli-sink');
    writeFileSync(join(dir, 'readout.yaml'), 'alerts:\n  logSinks: { desk: desk.jsonl }\n');
    const env = { READOUT_DB: join(dir, 'readout.db'), READOUT_DATA_DIR: dir, READOUT_CONFIG: join(dir, 'readout.yaml'), READOUT_LOG_LEVEL: 'silent' };
    const target = join(dir, 'outside.jsonl');
    const flag = await runCli(['rules', 'add', '--name', 'f', '--type', 'THREATEN', '--log-file', target], env);
    expect(flag.code).not.toBe(0);
    expect(flag.stderr).toMatch(/--log-file: a rule cannot name a file[\s\S]*--log-sink/);
    writeFileSync(join(dir, 'rule.yaml'), `name: g\nmatch: {types: [THREATEN]}\ndeliver: [{kind: log, file: ${JSON.stringify(target)}}]\n`);
    expect((await runCli(['rules', 'add', '--file', join(dir, 'rule.yaml')], env)).stderr).toMatch(/deliver\.0\.file: a rule cannot name a file/);
    expect((await runCli(['rules', 'add', '--name', 'h', '--type', 'THREATEN', '--log-sink', 'cron'], env)).stderr).toMatch(/deliver\.0\.sink: no log sink "cron"/);
    const ok = await runCli(['rules', 'add', '--name', 'desk', '--type', 'THREATEN', '--log-sink', 'desk'], env);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/desk \[api\]: types THREATEN → log sink desk/);
    expect(JSON.parse((await runCli(['rules', 'list', '--json'], env)).stdout)).toHaveLength(1);
  }, 60_000);
});
