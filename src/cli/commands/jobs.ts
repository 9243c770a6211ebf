import type { Command } from 'commander';
import type { JobStatus } from '../../store/types.js';
import type { CliContext } from '../context.js';

export function registerJobs(program: Command, ctx: CliContext): void {
  program
    .command('jobs')
    .description('list pipeline jobs with their status, attempts, timings and errors')
    .option('--status <status>', 'queued|running|done|failed')
    .option('--kind <kind>', 'poll|article|comments|analyze')
    .option('--limit <n>', 'how many', '50')
    .option('--json', 'JSON output')
    .action(async (opts: { status?: JobStatus; kind?: string; limit: string; json?: boolean }) => {
      const store = await ctx.store();
      const jobs = await store.listJobs({ status: opts.status, kind: opts.kind, limit: Number(opts.limit) || 50 });
      if (opts.json) return ctx.out(JSON.stringify(jobs, null, 2));
      const stats = await store.stats();
      ctx.out(`jobs: ${Object.entries(stats.jobs).map(([k, v]) => `${v} ${k}`).join(', ')}`);
      for (const j of jobs) {
        const what = String(j.payload.url ?? j.payload.sourceId ?? '');
        const ms = j.durationMs === null ? '' : ` ${j.durationMs}ms`;
        const reclaimed = j.reclaims > 0 ? ` (taken back ${j.reclaims}× from a dead worker)` : '';
        ctx.out(`#${j.id} ${j.kind.padEnd(8)} ${j.status.padEnd(7)} try ${j.attempts}/${j.maxAttempts}${reclaimed}${ms} ${what}${j.lastError ? `\n    error: ${j.lastError}` : ''}`);
      }
    });
}
