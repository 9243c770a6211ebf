// Memory after a burst of large bodies returns to where it was: a forked server process
// (test/helpers/limits-memory-child.ts) answers rounds of bodies just under its 4 MiB limit and
// 64 MiB ones over it, then reports its memory after garbage collection. Sizes only, compared
// with generous margins; no timing.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/services.js';

interface Mem { rss: number; heapUsed: number; external: number }
const MB = 1024 * 1024;

describe('memory after a burst of large bodies', () => {
  it('comes back near the baseline, and every body is answered as its size says', () => {
    const rounds = 6;
    const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'test/helpers/limits-memory-child.ts', String(rounds), tempDir('limits-memory')], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    const { statuses, baseline, after, peakRss } = JSON.parse(run.stdout) as { statuses: Record<string, number[]>; baseline: Mem; after: Mem; peakRss: number };
    expect(statuses).toEqual({
      underLimit: Array(rounds + 1).fill(200),
      overDeclared: Array(rounds + 1).fill(413),
      overChunked: Array(rounds + 1).fill(413),
      noToken: Array(rounds + 1).fill(401),
    });
    // Each round sends 4 MiB that is read and 3 × 64 MiB that is not.
    expect(after.heapUsed - baseline.heapUsed).toBeLessThan(16 * MB);
    expect(after.external - baseline.external).toBeLessThan(16 * MB);
    expect(after.rss - baseline.rss).toBeLessThan(64 * MB);
    expect(peakRss - baseline.rss).toBeLessThan(128 * MB);
  });
});
