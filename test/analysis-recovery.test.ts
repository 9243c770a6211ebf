// Analysis is never lost and failures are reported as the store records them: at start-up
// (watch, serve, ingest) articles without an analysis by the current analyzer are queued again,
// even when their analyze job failed or finished before, and `watch --once` counts the jobs that
// failed during the run from the store, not only those its own workers saw fail.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ANALYZER_VERSION } from '../src/analyze/analyze.js';
import { ingestFile } from '../src/pipeline/ingest-files.js';
import { ownerId } from '../src/pipeline/lease-owner.js';
import { pollOnce } from '../src/pipeline/scheduler.js';
import type { Services } from '../src/pipeline/services.js';
import { EXCHANGE, storyArticles } from './helpers/desk-stories.js';
import { closeServices, tempDir, testServices } from './helpers/services.js';

let svc: Services | undefined;
afterEach(async () => {
  if (svc) await closeServices(svc);
  svc = undefined;
});

async function ingestStories(s: Services, n: number): Promise<void> {
  const file = join(tempDir('recovery'), 'a.jsonl');
  writeFileSync(file, storyArticles(EXCHANGE.slice(0, n)).map((a) => JSON.stringify(a)).join('\n') + '\n');
  expect(await ingestFile(s, file)).toMatchObject({ stored: n, errors: 0 });
}

describe('analysis recovery', () => {
  it('analyses at start-up the articles whose analyze job failed or ended without an analysis', async () => {
    svc = await testServices({ scheduler: { maxReclaims: 1 } });
    await ingestStories(svc, 3);
    const [third, second, first] = await svc.store.listJobs({ kind: 'analyze' });
    // The first failed for good (two crashes used to do this), the second ended without a
    // saved analysis, the third is pending as usual.
    await svc.store.lease(['analyze'], 60_000);
    await svc.store.fail(first!.id, 'lease expired: the worker stopped before finishing (crash or kill?)', null);
    await svc.store.lease(['analyze'], 60_000);
    await svc.store.complete(second!.id);
    expect(await svc.store.countArticlesToAnalyze({ staleVersion: { analyzer: ANALYZER_VERSION } })).toBe(3);

    const run = await pollOnce(svc);

    expect(run.failed).toBe(0);
    expect(await svc.store.countArticlesToAnalyze({ staleVersion: { analyzer: ANALYZER_VERSION } })).toBe(0);
    const jobs = await svc.store.listJobs({ kind: 'analyze' });
    expect(jobs.map((j) => [j.id, j.status])).toEqual([third, second, first].map((j) => [j!.id, 'done']));
    expect((await svc.store.stats()).jobs).toMatchObject({ queued: 0, running: 0, failed: 0 });
  }, 30_000);

  it('counts a job failed while taking it back from a dead worker in the run’s failures', async () => {
    svc = await testServices({ scheduler: { maxReclaims: 1 } });
    await ingestStories(svc, 1);
    const [job] = await svc.store.listJobs({ kind: 'analyze' });
    // Its holder died once already, and again now (a pid that cannot exist on this machine).
    const dead = ownerId((await import('node:os')).hostname(), 2 ** 22 + 1);
    await svc.store.lease(['analyze'], 60_000, undefined, { owner: dead });
    await svc.store.reclaimJobs([dead]);
    await svc.store.lease(['analyze'], 60_000, undefined, { owner: dead });

    const run = await pollOnce(svc);

    expect(await svc.store.listJobs({ kind: 'analyze' })).toEqual([expect.objectContaining({ id: job!.id, status: 'failed', reclaims: 1 })]);
    expect(run.failed).toBe(1);
  }, 30_000);
});
