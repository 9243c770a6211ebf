// `npm run bench -- ab REF`: analysis speed of this checkout against another commit, in one
// process and one run, so both meet the same machine load. REF is checked out into a temporary
// git worktree (sharing this checkout's node_modules); the two analyzers take turns over the same
// ~800-word texts, round after round, and the worktree is removed at the end.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

interface Side {
  name: string;
  analyze: (input: { text: string; published: string }, registry: unknown) => unknown;
  registry: unknown;
  seconds: number;
  n: number;
}

async function side(name: string, root: string): Promise<Side> {
  const { analyzeArticle } = (await import(join(root, 'src/analyze/analyze.ts'))) as { analyzeArticle: Side['analyze'] };
  const { loadRegistry } = (await import(join(root, 'src/registry/load.ts'))) as { loadRegistry: () => unknown };
  return { name, analyze: analyzeArticle, registry: loadRegistry(), seconds: 0, n: 0 };
}

export async function benchAnalyzeAb(ref: string, texts: string[], rounds = 6): Promise<void> {
  const here = resolve('.');
  const dir = mkdtempSync(join(tmpdir(), 'readout-ab-'));
  execFileSync('git', ['worktree', 'add', '--detach', dir, ref], { stdio: 'ignore' });
  try {
    symlinkSync(join(here, 'node_modules'), join(dir, 'node_modules'));
    const sides = [await side(ref, dir), await side('this checkout', here)];
    for (const s of sides) for (const text of texts) s.analyze({ text, published: '2024-01-15' }, s.registry); // warm-up
    for (let r = 0; r < rounds; r++) {
      for (const s of sides) {
        const started = process.hrtime.bigint();
        for (const text of texts) s.analyze({ text, published: '2024-01-15' }, s.registry);
        s.seconds += Number(process.hrtime.bigint() - started) / 1e9;
        s.n += texts.length;
      }
    }
    console.log(`  ${texts.length} articles × ${rounds} rounds, turns alternating (one core):`);
    for (const s of sides) console.log(`  ${s.name.padEnd(30)} ${(s.n / s.seconds).toFixed(1).padStart(8)} articles/s  (${((s.seconds * 1000) / s.n).toFixed(2)} ms/article)`);
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', dir], { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  }
}
