import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'readout-analyze-'));
const env = { READOUT_DATA_DIR: dir };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ARTICLE = 'Foreign Minister Odile Marchetti said on Friday that the talks would resume. “We are ready,” she told reporters.';

describe('readout analyze', () => {
  it('analyses one file into the contract shape', async () => {
    const file = join(dir, 'a.txt');
    writeFileSync(file, ARTICLE);
    const run = await runCli(['analyze', file, '--published', '2024-05-20', '--json'], env);
    expect(run.code).toBe(0);
    const a = JSON.parse(run.stdout);
    expect(a.document.published).toBe('2024-05-20');
    expect(a.entities.find((e: { name: string }) => e.name === 'Odile Marchetti')).toMatchObject({ type: 'person', roles: ['Foreign Minister'] });
    expect(a.quotes.find((q: { kind: string }) => q.kind === 'direct')).toMatchObject({ text: 'We are ready,', speaker: { name: 'Odile Marchetti', anonymous: false } });
    expect(a.dates[0]).toMatchObject({ text: 'Friday', value: '2024-05-17', granularity: 'day' });
  });

  it('answers a batch line by line, a bad record with an error line, in input order', async () => {
    const file = join(dir, 'batch.jsonl');
    const lines = [
      { id: 'one', text: ARTICLE, published: '2024-05-20', title: null },
      { id: 'two', text: 42, published: '2024-05-20' },
      { id: 'three', text: ARTICLE, published: 'last Tuesday' },
      { id: 'four', text: ARTICLE, published: null },
    ];
    writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\nnot json\n`);
    const run = await runCli(['analyze', '--batch', file, '--json'], env);
    const out = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['one', 'two', 'three', 'four', null]);
    expect(out[0].entities.length).toBeGreaterThan(0);
    expect(out[1].error).toMatch(/text/);
    expect(out[2].error).toMatch(/published/);
    expect(out[3].dates[0]).toMatchObject({ text: 'Friday', value: null });
    expect(out[4].error).toBeTruthy();
  });

  it('refuses a binary file with a message naming it', async () => {
    const file = join(dir, 'b.txt');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    const run = await runCli(['analyze', file, '--published', '2024-05-20', '--json'], env);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('b.txt');
  });

  it('gives the same output for the same input', async () => {
    const file = join(dir, 'c.txt');
    writeFileSync(file, ARTICLE);
    const args = ['analyze', file, '--published', '2024-05-20', '--json'];
    expect((await runCli(args, env)).stdout).toBe((await runCli(args, env)).stdout);
  });
});
