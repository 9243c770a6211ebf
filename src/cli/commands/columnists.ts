// `readout columnists [--issue NAME] [--since D] [--until D] [--json]`: opinion and analysis pieces
// grouped by author, each author's position on an issue's hawkish (−1) ↔ engagement (+1) axis
// (mean over their pieces), its trend, and the evidence sentences that weighed most. Positions
// are stored when pieces are analysed (src/opinion/record.ts); the method is in docs/opinion.md.
import type { Command } from 'commander';
import { ReadoutError } from '../../core/errors.js';
import { columnistsReport, type ColumnistsReport } from '../../opinion/report.js';
import type { CliContext } from '../context.js';
import { sinceDay, untilDay } from '../../core/days.js';

interface ColumnistsOptions {
  issue?: string;
  since?: string;
  until?: string;
  json?: boolean;
}

export const signedPosition = (v: number | null): string => (v === null ? 'n/a' : `${v > 0 ? '+' : ''}${v.toFixed(2)}`);

export function formatColumnists(report: ColumnistsReport): string {
  const out = [`positions on "${report.issue.label}" (−1 hawkish … +1 engagement)`];
  for (const c of report.columnists) {
    const trend = c.trend.direction === null ? 'trend n/a' : `trend ${c.trend.direction} (${signedPosition(c.trend.slopePer30Days)} per 30 days)`;
    out.push('', `${c.author}: ${c.articles} piece${c.articles === 1 ? '' : 's'} (${c.scored} with cues), mean ${signedPosition(c.meanPosition)} ${c.lean}, ${trend}, ${c.firstDate} … ${c.lastDate}${c.outlets.length ? `, ${c.outlets.join(', ')}` : ''}`);
    for (const e of c.evidence) out.push(`    ${signedPosition(e.weight)}  “${e.sentence}” [${e.cues.join('; ')}] (${e.date}, ${e.url})`);
  }
  return out.join('\n');
}

export function registerColumnists(program: Command, ctx: CliContext): void {
  program
    .command('columnists')
    .description('opinion pieces grouped by author: each author\'s position on an issue (hawkish ↔ engagement), its trend, and the evidence sentences')
    .option('--issue <name>', 'the issue (data/lexicon/positions.yaml; default engagement-vs-pressure)')
    .option('--since <date>', 'pieces dated on or after this day (YYYY-MM-DD)')
    .option('--until <date>', 'pieces dated on or before this day (YYYY-MM-DD)')
    .option('--json', 'JSON output')
    .action(async (opts: ColumnistsOptions) => {
      const since = sinceDay(opts.since);
      const until = untilDay(opts.until);
      if (since && until && since > until) throw new ReadoutError('input', '--since is after --until');
      const report = await columnistsReport(await ctx.store(), { issue: opts.issue, since, until });
      if (opts.json) return ctx.out(JSON.stringify(report, null, 2));
      if (report.columnists.length === 0) return ctx.err('no scored opinion pieces with a byline (ingest opinion pieces, or widen the dates?)');
      ctx.out(formatColumnists(report));
    });
}
