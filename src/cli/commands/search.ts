import type { Command } from 'commander';
import { ReadoutError } from '../../core/errors.js';
import { ARTICLE_KINDS, type ArticleKind } from '../../core/types.js';
import type { SearchHit } from '../../store/types.js';
import type { CliContext } from '../context.js';
import { parseSince } from '../../core/days.js';

interface SearchOptions {
  source?: string;
  since?: string;
  until?: string;
  kind?: string;
  limit: string;
  order: string;
  json?: boolean;
}

export function formatHit(hit: SearchHit, color: boolean): string {
  const mark = (s: string) => (color ? s.replace(/«/g, '\x1b[1m').replace(/»/g, '\x1b[0m') : s.replace(/«/g, '[').replace(/»/g, ']'));
  const date = hit.published ? hit.published.slice(0, 10) : 'undated';
  const group = hit.groupSize > 1 ? `  (${hit.groupSize} versions, group ${hit.groupId})` : '';
  return [
    `${date}  ${hit.title ?? '(untitled)'}  [${hit.kind}${hit.sourceName ? `, ${hit.sourceName}` : ''}]${group}`,
    `  ${hit.url}`,
    `  ${mark(hit.snippet.replace(/\s+/g, ' '))}`,
  ].join('\n');
}

export function registerSearch(program: Command, ctx: CliContext): void {
  program
    .command('search')
    .description('full-text search of stored articles, with highlighted snippets')
    .argument('[query]', 'words (ANDed) and "quoted phrases"; empty lists everything', '')
    .option('--source <s>', 'source id, URL or outlet name')
    .option('--since <date>', 'YYYY-MM-DD, ISO date-time, or relative like 24h / 7d')
    .option('--until <date>', 'YYYY-MM-DD or ISO date-time')
    .option('--kind <kind>', ARTICLE_KINDS.join('|'))
    .option('--limit <n>', 'maximum results (1-500)', '20')
    .option('--order <order>', 'newest|relevance (default: relevance with a query, newest without)', '')
    .option('--json', 'JSON output')
    .action(async (query: string, opts: SearchOptions) => {
      if (opts.kind && !ARTICLE_KINDS.includes(opts.kind as ArticleKind)) {
        throw new ReadoutError('input', `unknown --kind "${opts.kind}"`, { hint: `use one of ${ARTICLE_KINDS.join(', ')}` });
      }
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new ReadoutError('input', `--limit must be a whole number from 1 to 500, not "${opts.limit}"`);
      const order = opts.order || (query.trim() ? 'relevance' : 'newest');
      if (order !== 'newest' && order !== 'relevance') throw new ReadoutError('input', `--order must be newest or relevance, not "${opts.order}"`);
      let since: string | undefined;
      let until: string | undefined;
      try {
        since = opts.since ? parseSince(opts.since) : undefined;
        until = opts.until ? parseSince(opts.until, new Date(), '--until') : undefined;
      } catch (err) {
        throw new ReadoutError('input', (err as Error).message);
      }
      const store = await ctx.store();
      const hits = await store.search({ text: query, source: opts.source, since, until, kind: opts.kind as ArticleKind | undefined, limit, order });
      if (opts.json) return ctx.out(JSON.stringify(hits, null, 2));
      if (hits.length === 0) return ctx.err('no matching articles');
      const color = process.stdout.isTTY === true;
      ctx.out(hits.map((h) => formatHit(h, color)).join('\n\n'));
      ctx.err(`${hits.length} result(s), ${order === 'newest' ? 'newest' : 'best'} first`);
    });
}
