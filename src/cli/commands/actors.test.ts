import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.js';
import { loadRegistry } from '../../registry/load.js';
import type { CliContext } from '../context.js';
import { parseRole, registerActors } from './actors.js';

const root = mkdtempSync(join(tmpdir(), 'readout-actors-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dataDir = root;
let n = 0;
beforeEach(() => {
  dataDir = join(root, `d${n++}`);
});
const userFile = () => join(dataDir, 'actors.yaml');

async function run(args: string[]): Promise<{ out: string; err: string; thrown: unknown }> {
  const out: string[] = [];
  const err: string[] = [];
  const config = loadConfig({ env: { READOUT_DATA_DIR: dataDir } });
  const ctx = { config: () => config, out: (t: string) => out.push(t), err: (t: string) => err.push(t), setExitCode: () => {} } as unknown as CliContext;
  const program = new Command().exitOverride();
  program.configureOutput({ writeOut: () => {}, writeErr: () => {} });
  const actors = registerActors(program, ctx);
  expect(actors.name()).toBe('actors');
  let thrown: unknown;
  try {
    await program.parseAsync(['node', 'readout', 'actors', ...args]);
  } catch (e) {
    thrown = e;
  }
  return { out: out.join('\n'), err: err.join('\n'), thrown };
}

describe('readout actors', () => {
  it('lists actors filtered by type, country and query, as a table or JSON', async () => {
    const { out, thrown } = await run(['list', '--type', 'organization', '--country', 'KP', '--query', 'foreign']);
    expect(thrown).toBeUndefined();
    expect(out.split('\n')[0]).toMatch(/^ID\s+TYPE\s+COUNTRY\s+NAME$/);
    expect(out).toContain('org:prk-mfa');
    expect(out).not.toContain('org:kor-mofa');
    const json = JSON.parse((await run(['list', '--type', 'person', '--query', 'kim yo jong', '--json'])).out);
    expect(json.map((a: { id: string }) => a.id)).toEqual(['person:kim-yo-jong']);
  });

  it('shows an actor by id or name with roles, parent and children', async () => {
    const { out } = await run(['show', 'Choe Son-hui']);
    expect(out).toContain('person:choe-son-hui');
    expect(out).toMatch(/2022-06 → now\s+Minister of Foreign Affairs — org:prk-mfa/);
    const org = await run(['show', 'org:prk-wpk', '--json']);
    const json = JSON.parse(org.out);
    expect(json.actor.name).toBe("Workers' Party of Korea");
    expect(json.children).toContain('org:prk-wpk-central-committee');
    expect((await run(['show', 'Nobody Atall'])).thrown).toMatchObject({ code: 'input' });
  });

  it('adds an actor to the user file, keeping other entries, and refuses a duplicate id', async () => {
    const first = await run(['add', '--type', 'person', '--name', 'Pak Chol Su', '--alias', 'Pak Chol-su', '--country', 'KP', '--gender', 'm',
      '--role', 'First Vice Minister of Foreign Affairs@org:prk-mfa@2023-01']);
    expect(first.thrown).toBeUndefined();
    expect(first.out).toContain('person:pak-chol-su');
    const second = await run(['add', '--type', 'organization', '--name', 'Test Institute', '--country', 'KOR', '--kind', 'think-tank']);
    expect(second.thrown).toBeUndefined();
    const text = readFileSync(userFile(), 'utf8');
    expect(text).toContain('person:pak-chol-su');
    expect(text).toContain('org:test-institute');
    const r = loadRegistry({ userFile: userFile() });
    expect(r.get('person:pak-chol-su')).toMatchObject({ country: 'PRK', gender: 'm', roles: [{ title: 'First Vice Minister of Foreign Affairs', org: 'org:prk-mfa', start: '2023-01' }] });
    expect(r.lookup('pak chol su')).toEqual([{ actorId: 'person:pak-chol-su', via: 'name' }]);
    const dup = await run(['add', '--type', 'person', '--name', 'Pak Chol Su']);
    expect(dup.thrown).toMatchObject({ code: 'input', message: expect.stringContaining('already exists') });
    const shipped = await run(['add', '--type', 'person', '--name', 'Wang Yi']);
    expect(shipped.thrown).toMatchObject({ message: expect.stringContaining('person:wang-yi already exists') });
  });

  it('refuses unknown references without touching the file', async () => {
    const { thrown } = await run(['add', '--type', 'person', '--name', 'Jane Roe', '--role', 'Envoy@org:nowhere']);
    expect(thrown).toMatchObject({ code: 'input', message: expect.stringContaining('org:nowhere') });
    expect(() => readFileSync(userFile())).toThrow();
  });

  it('merges a user actor and a shipped actor into another', async () => {
    await run(['add', '--type', 'person', '--name', 'Kim Yeo-jeong', '--country', 'PRK']);
    const merged = await run(['merge', 'person:kim-yeo-jeong', 'person:kim-yo-jong']);
    expect(merged.thrown).toBeUndefined();
    expect((await run(['merge', 'person:li-qiang', 'person:li-keqiang'])).thrown).toBeUndefined();
    const r = loadRegistry({ userFile: userFile() });
    expect(r.lookup('kim yeo jeong')).toEqual([{ actorId: 'person:kim-yo-jong', via: 'alias' }]);
    expect(r.lookup('li qiang').map((h) => h.actorId)).toEqual(['person:li-keqiang']);
    const text = readFileSync(userFile(), 'utf8');
    expect(text).toMatch(/mergedInto: person:kim-yo-jong/);
    const shown = await run(['show', 'person:li-qiang']);
    expect(shown.err).toContain('merged into person:li-keqiang');
    expect((await run(['merge', 'person:li-keqiang', 'person:li-qiang'])).thrown).toMatchObject({ message: expect.stringContaining('loop') });
  });

  it('parses --role specs', () => {
    expect(parseRole('Envoy')).toEqual({ title: 'Envoy', org: null, start: null, end: null });
    expect(parseRole('Minister@org:prk-mfa@2020@2022-06')).toEqual({ title: 'Minister', org: 'org:prk-mfa', start: '2020', end: '2022-06' });
    expect(() => parseRole('@org:x')).toThrow(/TITLE/);
  });
});
