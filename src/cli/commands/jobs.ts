import type { Command } from 'commander';
import { parseLimit } from '../../outputs/plan.js';
import { JOB_KINDS } from '../../pipeline/jobs.js';
import { JOB_STATUSES } from '../../store/jobs.js';
import type { JobStatus } from '../../store/types.js';
import type { CliContext } from '../context.js';
import { ReadoutError } from '../../core/errors.js';

/** A --status / --kind value: one of `allowed`, else an error naming the flag and the choices. */
function oneOf<T extends string>(value: string | undefined, flag: string, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (!(allowed as readonly string[]).includes(v)) throw new ReadoutError('input', `${flag} must be one of ${allowed.join(', ')}, not "${value}"`);
  return v as T;
}

export function registerJobs(program: Command, ctx: CliContext): void {
  program
    .command('jobs')
    .description('list pipeline jobs with their status, attempts, timings and errors')
    .option('--status <status>', 'queued|running|done|failed')
    .option('--kind <kind>', JOB_KINDS.join('|'))
    .option('--limit <n>', 'how many', '50')
    .option('--json', 'JSON output')
    .action(async (opts: { status?: string; kind?: string; limit: string; json?: boolean }) => {
      const status = oneOf<JobStatus>(opts.status, '--status', JOB_STATUSES);
      const kind = oneOf(opts.kind, '--kind', JOB_KINDS);
      const limit = parseLimit(opts.limit);
      const store = await ctx.store();
      const jobs = await store.listJobs({ status, kind, limit });
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
