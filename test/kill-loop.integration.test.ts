// Analysis is never lost: `readout ingest` killed with SIGKILL 20 times at random moments (four
// processes at once on one store, so kills land while others run), then one clean run, leaves
// every article stored once and analysed by the current analyzer, with no job failed or pending.
// A killed process's jobs are taken back at once by the next one (no two-minute lease wait).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYZER_VERSION } from '../src/analyze/analyze.js';
import { silentLogger } from '../src/core/logger.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/types.js';
import { EXCHANGE, storyArticles } from './helpers/desk-stories.js';
import { tempDir } from './helpers/services.js';

const LANES = 4;
const KILLS_PER_LANE = 5;
const ROUNDS = 6;

/** Runs `readout ingest`; with killAfterMs, SIGKILLs it that long after its first line on stderr (the file is stored, analysis runs). */
function runIngest(dir: string, killAfterMs: number | null): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/cli.ts', '--db', join(dir, 'store.db'), '--config', join(dir, 'readout.yaml'), 'ingest', join(dir, 'articles.jsonl')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let timer: NodeJS.Timeout | undefined;
    child.stderr.on('data', () => {
      if (killAfterMs !== null && !timer) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

describe('kill loop', () => {
  let dir: string;
  let store: Store;
  const articles = storyArticles(
    Array.from({ length: ROUNDS }, (_, r) => EXCHANGE.map(([day, outlet, text]) => [day, outlet, `${text} Officials in round ${r} said the talks would continue.`] as const)).flat(),
  ).map((a, i) => ({ ...a, url: `${a.url}-${i}` }));

  beforeAll(async () => {
    dir = tempDir('killloop');
    writeFileSync(join(dir, 'articles.jsonl'), articles.map((a) => JSON.stringify(a)).join('\n') + '\n');
    // The default two-minute lease: a restart must not wait for it. Analysis in the main thread
    // keeps each process's start-up short (every run pays a few seconds of module loading).
    writeFileSync(join(dir, 'readout.yaml'), 'log: { level: silent }\nanalyze: { workers: 0 }\n');
    store = await openStore(join(dir, 'store.db'), silentLogger());
  });

  afterAll(async () => {
    await store.close();
  });

  it('loses no analysis and duplicates nothing across 20 random SIGKILLs', async () => {
    let killed = 0;
    // Each lane runs until it has killed KILLS_PER_LANE processes (one that finished first does not count).
    const lane = async () => {
      let mine = 0;
      for (let k = 0; k < 3 * KILLS_PER_LANE && mine < KILLS_PER_LANE; k++) {
        if ((await runIngest(dir, Math.random() * 600)) === null) mine++;
      }
      killed += mine;
    };
    await Promise.all(Array.from({ length: LANES }, lane));
    expect(killed).toBe(LANES * KILLS_PER_LANE);
    const beforeClean = await store.listJobs({ kind: 'analyze', limit: 1000 });

    expect(await runIngest(dir, null)).toBe(0);

    const stats = await store.stats();
    expect(stats.jobs).toMatchObject({ queued: 0, running: 0, failed: 0 });
    expect(stats.articles).toBe(articles.length);
    const jobs = await store.listJobs({ kind: 'analyze', limit: 1000 });
    expect(jobs).toHaveLength(articles.length);
    expect(new Set(jobs.map((j) => j.dedupeKey)).size).toBe(articles.length);
    expect(await store.countArticlesToAnalyze({ staleVersion: { analyzer: ANALYZER_VERSION } })).toBe(0);
    // Some kills landed while analyses ran, and those jobs were taken back, not failed.
    expect(beforeClean.some((j) => j.reclaims > 0 || j.status === 'running')).toBe(true);
    expect(jobs.every((j) => j.status === 'done' && j.attempts <= 1)).toBe(true);
  }, 240_000);
});
