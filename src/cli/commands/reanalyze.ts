// `readout reanalyze [--since DATE] [--all] [--json]`: re-runs analysis over stored articles on
// the analysis pool, in keyset-paginated batches (constant memory however many are stored).
// By default only articles never analysed, or analysed by another analyzer or registry version.
import type { Command } from 'commander';
import { ReadoutError } from '../../core/errors.js';
import { reanalyze, type ReanalyzeSummary } from '../../pipeline/analyze-run.js';
import { withAnalyzer } from '../../pipeline/analyze-stage.js';
import type { CliContext } from '../context.js';
import { parseSince } from '../../core/days.js';
import { buildServices } from '../services.js';

interface ReanalyzeOptions {
  since?: string;
  all?: boolean;
  json?: boolean;
}

export function summaryText(s: ReanalyzeSummary): string {
  return `${s.analysed} article(s) analysed, ${s.skipped} unchanged skipped, ${s.errors} error(s) (analyzer ${s.analyzer.version}, registry ${s.analyzer.registry})`;
}

export function registerReanalyze(program: Command, ctx: CliContext): void {
  program
    .command('reanalyze')
    .description('re-run analysis over stored articles: those never analysed or analysed by another analyzer/registry version (--all: every one)')
    .option('--since <date>', 'only articles published (else fetched) since DATE: YYYY-MM-DD, an ISO date-time, or 24h/7d')
    .option('--all', 'every article in range, even those whose analysis is current')
    .option('--json', 'print the summary as JSON on stdout')
    .action(async (opts: ReanalyzeOptions) => {
      let since: string | undefined;
      try {
        since = opts.since ? parseSince(opts.since) : undefined;
      } catch (err) {
        throw new ReadoutError('input', (err as Error).message);
      }
      const base = await buildServices(ctx);
      let summary: ReanalyzeSummary;
      try {
        summary = await withAnalyzer(base, (svc) =>
          reanalyze(svc, {
            since,
            all: opts.all,
            onProgress: (done, total, errors) => ctx.err(`reanalyze: ${done}/${total} article(s)${errors ? `, ${errors} error(s)` : ''}`),
          }),
        );
      } finally {
        await base.fetcher.close();
      }
      for (const m of summary.messages) ctx.err(`  ${m}`);
      ctx.out(opts.json ? JSON.stringify(summary) : summaryText(summary));
      if (summary.errors > 0) ctx.setExitCode(1);
    });
}
