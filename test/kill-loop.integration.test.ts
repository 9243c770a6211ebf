// Analysis is never lost: `readout ingest` killed with SIGKILL 20 times at random moments (four
// processes at once on one store, so kills land while others run), then one clean run, leaves
// every article stored once and analysed by the current analyzer, with no job failed or pending.
// A killed process's jobs are taken back at once by the next one (no two-minute lease wait).
// Every run ingests a batch of its own, so it always has work when the kill comes (a run over
// files already done would finish before it), besides the leftovers its start-up sweep queues.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYZER_VERSION } from '../src/analyze/analyze.js';
import { silentLogger } from '../src/core/logger.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/types.js';
import { EXCHANGE, storyArticles } from './helpers/desk-stories.js';
import { tempDir } from './helpers/services.js';
import { spawnCli } from './helpers/spawn-cli.js';

const LANES = 4;
const KILLS_PER_LANE = 5;
/** Runs a lane may make to reach its kills (a run that finishes before its kill does not count). */
const RUNS_PER_LANE = 3 * KILLS_PER_LANE;
const BATCH = 3;

/** Runs `readout ingest` on the files; with killAfterMs, SIGKILLs it that long after its first line on stderr (the file is stored, analysis runs). */
function runIngest(dir: string, files: string[], killAfterMs: number | null): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawnCli(['--db', join(dir, 'store.db'), '--config', join(dir, 'readout.yaml'), 'ingest', ...files], { stderr: true });
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
  const batches = Array.from({ length: LANES * RUNS_PER_LANE }, (_, b) =>
    storyArticles(Array.from({ length: BATCH }, (_, i) => {
      const [day, outlet, text] = EXCHANGE[(b * BATCH + i) % EXCHANGE.length]!;
      return [day, outlet, `${text} Officials in batch ${b} said the talks would continue.`] as const;
    })).map((a, i) => ({ ...a, url: `${a.url}-${b}-${i}` })),
  );
  const fileOf = (b: number) => join(dir, `batch-${b}.jsonl`);

  beforeAll(async () => {
    dir = tempDir('killloop');
    batches.forEach((articles, b) => writeFileSync(fileOf(b), articles.map((a) => JSON.stringify(a)).join('\n') + '\n'));
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
    const used: number[] = [];
    let next = 0;
    // Each lane runs until it has killed KILLS_PER_LANE processes, each run on a fresh batch.
    const lane = async () => {
      let mine = 0;
      for (let k = 0; k < RUNS_PER_LANE && mine < KILLS_PER_LANE; k++) {
        const b = next++;
        used.push(b);
        if ((await runIngest(dir, [fileOf(b)], Math.random() * 600)) === null) mine++;
      }
      killed += mine;
    };
    await Promise.all(Array.from({ length: LANES }, lane));
    expect(killed).toBe(LANES * KILLS_PER_LANE);
    const beforeClean = await store.listJobs({ kind: 'analyze', limit: 1000 });

    expect(await runIngest(dir, used.map(fileOf), null)).toBe(0);

    const total = used.length * BATCH;
    const stats = await store.stats();
    expect(stats.jobs).toMatchObject({ queued: 0, running: 0, failed: 0 });
    expect(stats.articles).toBe(total);
    const jobs = await store.listJobs({ kind: 'analyze', limit: 1000 });
    expect(jobs).toHaveLength(total);
    expect(new Set(jobs.map((j) => j.dedupeKey)).size).toBe(total);
    expect(await store.countArticlesToAnalyze({ staleVersion: { analyzer: ANALYZER_VERSION } })).toBe(0);
    // Some kills landed while analyses ran, and those jobs were taken back, not failed.
    expect(beforeClean.some((j) => j.reclaims > 0 || j.status === 'running')).toBe(true);
    expect(jobs.every((j) => j.status === 'done' && j.attempts <= 1)).toBe(true);
  }, 300_000);
});
