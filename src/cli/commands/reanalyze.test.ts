// The analyze stage end to end: `ingest` of JSON Lines analyses everything before returning,
// candidate actors are kept and reviewed, `reanalyze` re-runs stale or selected analyses.
import { Writable } from 'node:stream';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Command, CommanderError } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/services.js';
import { ANALYZER_VERSION } from '../../analyze/analyze.js';
import { describeError } from '../../core/errors.js';
import { Context } from '../context.js';
import { registerActorCandidates } from './actors-candidates.js';
import { registerIngest } from './ingest.js';
import { registerReanalyze } from './reanalyze.js';

function sink() {
  const chunks: string[] = [];
  const stream = new Writable({ write: (c: Buffer, _e, done) => (chunks.push(c.toString()), done()) });
  return { stream, text: () => chunks.join('') };
}

/** The commands under test on a program of their own (main.ts registers them in the app). */
async function run(args: string[], env: NodeJS.ProcessEnv) {
  const program = new Command().exitOverride().option('--db <location>').option('--config <file>').option('--log-level <level>');
  const out = sink();
  const err = sink();
  program.configureOutput({ writeOut: (s) => out.stream.write(s), writeErr: (s) => err.stream.write(s) });
  const ctx = new Context(program, { READOUT_LOG_LEVEL: 'silent', ...env }, out.stream, err.stream);
  registerIngest(program, ctx);
  registerReanalyze(program, ctx);
  registerActorCandidates(program.command('actors'), ctx);
  let code: number;
  try {
    await program.parseAsync(['node', 'readout', ...args]);
    code = ctx.exitCode;
  } catch (e) {
    code = e instanceof CommanderError ? e.exitCode : 1;
    if (!(e instanceof CommanderError)) ctx.err(`readout: ${describeError(e)}`);
  } finally {
    await ctx.close();
  }
  return { code, stdout: out.text(), stderr: err.text() };
}

const records = [
  { url: 'https://wire.example/ports-1', title: 'Port talks', published: '2026-03-02', text: 'Foreign Minister Anna Kowal said on Monday that the port talks with the Baltic Shipping Union would resume next week. Kowal added that Deputy Minister Piotr Zielinski would lead the delegation.' },
  { url: 'https://wire.example/ports-2', title: 'Delegation named', published: '2026-03-06', text: 'Deputy Minister Piotr Zielinski arrived in Gdynia on Thursday. "We expect progress," Foreign Minister Anna Kowal told reporters in the capital.' },
  { url: 'https://wire.example/grain', title: 'Grain', published: '2026-03-09', text: 'Agriculture Minister Marta Wrona said on Friday that grain exports rose sharply after the harbour reopened to foreign ships.' },
];

describe('analysis in the pipeline (ingest, candidates, reanalyze)', () => {
  let env: NodeJS.ProcessEnv;
  let dbFile: string;
  const sql = <T>(query: string, ...params: unknown[]): T[] => {
    const db = new Database(dbFile);
    try {
      const stmt = db.prepare(query);
      return (stmt.reader ? stmt.all(...params) : (stmt.run(...params), [])) as T[];
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    const dir = tempDir('analyze');
    dbFile = join(dir, 'readout.db');
    writeFileSync(join(dir, 'readout.yaml'), 'analyze:\n  workers: 2\n');
    env = { READOUT_DB: dbFile, READOUT_CONFIG: join(dir, 'readout.yaml'), READOUT_DATA_DIR: dir };
    writeFileSync(join(dir, 'articles.jsonl'), records.map((r) => JSON.stringify(r)).join('\n'));
    const r = await run(['ingest', join(dir, 'articles.jsonl'), '--json'], env);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ read: 3, stored: 3, errors: 0 });
  });

  it('returns from ingest with every stored article analysed and its candidates kept', () => {
    const analyses = sql<{ article_id: number; analyzer_version: string; analysis: string }>('SELECT article_id, analyzer_version, analysis FROM analyses ORDER BY article_id');
    expect(analyses).toHaveLength(3);
    expect(analyses.every((a) => a.analyzer_version === ANALYZER_VERSION)).toBe(true);
    const first = JSON.parse(analyses[0]!.analysis) as { entities: { type: string }[] };
    expect(first.entities.some((e) => e.type === 'person')).toBe(true);
    expect(sql('SELECT kind, status FROM jobs WHERE kind = ? AND status <> ?', 'analyze', 'done')).toEqual([]);
    const kowal = sql<{ key: string; article_count: number }>("SELECT key, article_count FROM actor_candidates WHERE key LIKE '%kowal%'");
    expect(kowal).toEqual([{ key: 'name:anna kowal', article_count: 2 }]);
  });

  it('does not analyse or count again when the same file is ingested again', async () => {
    const before = sql('SELECT key, article_count FROM actor_candidates ORDER BY key');
    const dir = env.READOUT_DATA_DIR!;
    const r = await run(['ingest', join(dir, 'articles.jsonl'), '--json'], env);
    expect(JSON.parse(r.stdout)).toMatchObject({ stored: 0, duplicates: 3 });
    expect(sql('SELECT key, article_count FROM actor_candidates ORDER BY key')).toEqual(before);
    expect(sql<{ n: number }>("SELECT count(*) AS n FROM jobs WHERE kind = 'analyze'")[0]!.n).toBe(3);
  });

  it('lists candidates with filters, and confirms or rejects them', async () => {
    const list = JSON.parse((await run(['actors', 'candidates', '--json'], env)).stdout) as { key: string; articleCount: number; actorId: string }[];
    expect(list.length).toBeGreaterThan(0);
    expect(list[0]).toMatchObject({ key: 'name:anna kowal', articleCount: 2, actorId: 'candidate:anna-kowal', status: 'candidate' });
    const two = JSON.parse((await run(['actors', 'candidates', '--min-articles', '2', '--type', 'person', '--json'], env)).stdout) as { articleCount: number }[];
    expect(two.every((c) => c.articleCount >= 2)).toBe(true);
    expect((await run(['actors', 'candidates'], env)).stdout).toMatch(/Anna Kowal\s+\[name:anna kowal\]/);
    expect(await run(['actors', 'candidates', 'confirm', 'Anna Kowal'], env)).toMatchObject({ code: 0, stderr: expect.stringContaining('candidate:anna-kowal') });
    expect((await run(['actors', 'candidates', 'reject', 'name:nobody here'], env)).code).toBe(1);
    expect((await run(['actors', 'candidates', '--status', 'maybe'], env)).stderr).toMatch(/unknown --status/);
    const confirmed = JSON.parse((await run(['actors', 'candidates', '--status', 'confirmed', '--json'], env)).stdout) as { key: string }[];
    expect(confirmed.map((c) => c.key)).toEqual(['name:anna kowal']);
  });

  it('reanalyses only stale articles by default, every one with --all, and those since a date', async () => {
    // Confirming a candidate above changed the registry: everything is stale once.
    let r = await run(['reanalyze', '--json'], env);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ analysed: 3, skipped: 0, errors: 0 });
    r = await run(['reanalyze', '--json'], env);
    expect(JSON.parse(r.stdout)).toMatchObject({ analysed: 0, skipped: 3, errors: 0 });

    sql("UPDATE analyses SET analyzer_version = '0-old' WHERE article_id = (SELECT min(article_id) FROM analyses)");
    r = await run(['reanalyze'], env);
    expect(r.stdout).toMatch(/^1 article\(s\) analysed, 2 unchanged skipped, 0 error\(s\)/);
    expect(r.stderr).toMatch(/reanalyze: 1\/1/);
    expect(sql("SELECT article_id FROM analyses WHERE analyzer_version <> ?", ANALYZER_VERSION)).toEqual([]);

    r = await run(['reanalyze', '--all', '--since', '2026-03-05', '--json'], env);
    expect(JSON.parse(r.stdout)).toMatchObject({ analysed: 2, skipped: 0, errors: 0 });
    expect(sql("SELECT article_count FROM actor_candidates WHERE key = 'name:anna kowal'")).toEqual([{ article_count: 2 }]);
    expect((await run(['reanalyze', '--since', 'someday'], env)).stderr).toMatch(/not a date/);
  });
});
