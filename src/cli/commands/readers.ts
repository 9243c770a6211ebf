// `readout readers [--article ID | --topic KEYWORD] [--issue NAME] [--since D] [--until D] [--json]`:
// reader comments per article (and pooled over a topic's articles): volume, mean tone, position
// distribution (hawkish / neutral / engagement) and where readers diverge from the author's
// position. Comment scores are stored when comments are stored; method in docs/opinion.md.
import type { Command } from 'commander';
import { ReadoutError } from '../../core/errors.js';
import type { ReaderStats } from '../../opinion/aggregate.js';
import { readersReport, type ReadersReport } from '../../opinion/report.js';
import type { CliContext } from '../context.js';
import { sinceDay, untilDay } from '../../core/days.js';
import { signedPosition } from './columnists.js';

interface ReadersOptions {
  article?: string;
  topic?: string;
  issue?: string;
  since?: string;
  until?: string;
  json?: boolean;
}

function statsLine(s: ReaderStats): string {
  const d = s.distribution;
  const div = s.divergence.value === null ? 'divergence n/a' : `divergence ${signedPosition(s.divergence.value)}${s.divergence.diverges ? ' (readers diverge)' : ''}`;
  return `${s.comments} comment${s.comments === 1 ? '' : 's'}, tone ${signedPosition(s.meanTone)}, position ${signedPosition(s.meanPosition)}; hawkish ${d.hawkish} / neutral ${d.neutral} / engagement ${d.engagement}; ${div}`;
}

export function formatReaders(report: ReadersReport): string {
  const scope = report.scope.kind === 'article' ? `article ${report.scope.articleId}` : report.scope.kind === 'topic' ? `topic "${report.scope.topic}"` : 'all articles with comments';
  const out = [`readers on "${report.issue.label}", ${scope}`];
  for (const a of report.articles) {
    out.push('', `${a.articleId}  ${a.date}  ${a.title ?? a.url}${a.author ? ` — ${a.author}` : ''} (${a.kind}${a.authorPosition === null ? '' : `, author ${signedPosition(a.authorPosition)} ${a.authorLean}`})`, `    ${statsLine(a)}`);
  }
  if (report.articles.length > 1) out.push('', `total: ${statsLine(report.total)}`);
  return out.join('\n');
}

export function registerReaders(program: Command, ctx: CliContext): void {
  program
    .command('readers')
    .description('reader comments per article or topic: volume, tone, position distribution and divergence from the author')
    .option('--article <id>', 'one article (its id)')
    .option('--topic <keyword>', 'articles the full-text search matches ("quoted phrases" allowed)')
    .option('--issue <name>', 'the issue (data/lexicon/positions.yaml; default engagement-vs-pressure)')
    .option('--since <date>', 'articles dated on or after this day (YYYY-MM-DD)')
    .option('--until <date>', 'articles dated on or before this day (YYYY-MM-DD)')
    .option('--json', 'JSON output')
    .action(async (opts: ReadersOptions) => {
      if (opts.article !== undefined && opts.topic !== undefined) throw new ReadoutError('input', 'give --article or --topic, not both');
      let articleId: number | undefined;
      if (opts.article !== undefined) {
        articleId = Number(opts.article);
        if (!Number.isSafeInteger(articleId) || articleId < 1) throw new ReadoutError('input', `--article must be an article id, not "${opts.article}"`);
      }
      const since = sinceDay(opts.since);
      const until = untilDay(opts.until);
      if (since && until && since > until) throw new ReadoutError('input', '--since is after --until');
      const report = await readersReport(await ctx.store(), { issue: opts.issue, articleId, topic: opts.topic, since, until });
      if (opts.json) return ctx.out(JSON.stringify(report, null, 2));
      if (report.articles.length === 0) return ctx.err('no articles with reader comments match');
      ctx.out(formatReaders(report));
    });
}
