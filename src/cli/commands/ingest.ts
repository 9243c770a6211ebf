import type { Command } from 'commander';
import { describeError } from '../../core/errors.js';
import { analyzeJobPool, drainAnalysis, enqueueMissingAnalyses } from '../../pipeline/analyze-run.js';
import { withAnalyzer } from '../../pipeline/analyze-stage.js';
import { ingestFile, listFiles, type IngestSummary } from '../../pipeline/ingest-files.js';
import { FETCH_KINDS } from '../../pipeline/jobs.js';
import { WorkerPool } from '../../pipeline/worker.js';
import type { CliContext } from '../context.js';
import { buildServices } from '../services.js';

function summaryLine(s: IngestSummary): string {
  const queued = s.queued ? `, ${s.queued} queued for fetching` : '';
  return `${s.file}: ${s.read} read, ${s.stored} stored, ${s.duplicates} duplicates, ${s.errors} errors${queued}`;
}

export function registerIngest(program: Command, ctx: CliContext): void {
  program
    .command('ingest')
    .description('ingest local files: saved HTML, plain text, feed XML, JSON Lines exports, or directories of them')
    .argument('<paths...>')
    .option('--json', 'print one summary object per file on stdout')
    .option('--no-fetch', 'do not fetch the pages of teaser-only feed items (they stay queued for `watch`)')
    .action(async (paths: string[], opts: { json?: boolean; fetch: boolean }) => {
      const base = await buildServices(ctx);
      const since = new Date().toISOString();
      let failed = 0;
      try {
        // Articles a crashed run stored without analysing them are analysed too.
        await enqueueMissingAnalyses(base);
        // Articles are analysed while the files are read; the command returns once all are.
        await withAnalyzer(base, async (svc) => {
          const analysis = analyzeJobPool(svc, 50);
          analysis.start();
          try {
            for (const file of listFiles(paths)) {
              let summary: IngestSummary;
              try {
                summary = await ingestFile(svc, file);
              } catch (err) {
                summary = { file, read: 0, stored: 0, duplicates: 0, queued: 0, errors: 1, messages: [describeError(err)] };
              }
              if (summary.errors > 0) failed++;
              for (const m of summary.messages) ctx.err(`  ${m}`);
              if (opts.json) ctx.out(JSON.stringify(summary));
              else ctx.err(summaryLine(summary));
            }
            if (opts.fetch && (await svc.store.pendingJobs(['article', 'comments'])) > 0) {
              ctx.err('fetching the pages of teaser-only feed items…');
              await new WorkerPool(svc, { concurrency: svc.config.scheduler.workers, kinds: FETCH_KINDS }).drain();
            }
          } finally {
            await analysis.stop();
          }
          const pending = await svc.store.pendingJobs(['analyze']);
          if (pending > 0) ctx.err(`analysing ${pending} article(s)…`);
          const analysed = await drainAnalysis(svc, since);
          if (analysed.failed > 0) ctx.err(`${analysed.failed} analysis or alert delivery job(s) failed (see \`readout jobs --status failed\`)`);
        });
      } finally {
        await base.fetcher.close();
      }
      if (failed > 0) ctx.setExitCode(1);
    });
}
