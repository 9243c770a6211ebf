// `readout analyze FILE.txt --published YYYY-MM-DD [--title T] --json` and `--batch FILE.jsonl`
// (contract: ../shared/contracts/cli.md). One process, one registry load, for the whole batch.
import type { Command } from 'commander';
import { analyzeArticle } from '../../analyze/analyze.js';
import type { Analysis, ArticleInput } from '../../analyze/types.js';
import { ReadoutError } from '../../core/errors.js';
import { decodeText } from '../../extract/charset.js';
import { loadRegistry } from '../../registry/load.js';
import type { Registry } from '../../registry/types.js';
import { binaryKind } from '../../sources/detect.js';
import { runBatch } from '../batch.js';
import type { CliContext } from '../context.js';
import { readLocalFile } from '../local-file.js';
import { formatAnalysis } from '../format-analysis.js';

/** Plain-text articles above this are refused (a whole book is not an article). */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;

interface AnalyzeOptions {
  published?: string;
  title?: string;
  url?: string;
  batch?: string;
  json?: boolean;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Checks a `published` value: an ISO date or date-time, or null. */
export function checkPublished(value: unknown, where: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || !DATE_RE.test(value) || Number.isNaN(Date.parse(value.slice(0, 10)))) {
    throw new ReadoutError('input', `${where}: "published" must be an ISO date like 2024-05-31, got ${JSON.stringify(value)}`);
  }
  return value;
}

function optionalString(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new ReadoutError('input', `"${field}" must be a string or null`);
  return value;
}

/** One batch record ({"id", "text", "published", "title"}) → the article to analyse. */
export function batchInput(rec: Record<string, unknown>): ArticleInput {
  if (typeof rec.text !== 'string') throw new ReadoutError('input', 'missing "text"');
  return {
    text: rec.text,
    published: checkPublished(rec.published, 'record'),
    title: optionalString(rec.title, 'title'),
    url: optionalString(rec.url, 'url'),
  };
}

async function readTextFile(path: string): Promise<string> {
  const bytes = await readLocalFile(path, { maxBytes: MAX_TEXT_BYTES, what: 'text', hint: 'give the article body as plain text' });
  const binary = binaryKind(bytes);
  if (binary) throw new ReadoutError('input', `${path}: not a text file (looks like ${binary})`);
  return decodeText(bytes).text;
}

/** The registry from config: shipped data plus the user's files. */
export function registryFor(ctx: CliContext): Registry {
  const { files, userFile } = ctx.config().registry;
  return loadRegistry({ files, userFile });
}

/** The contract's JSON (analysis.schema.json); internal-only fields stay out. */
export function toJson(a: Analysis): Record<string, unknown> {
  return { ...a };
}

export function registerAnalyze(program: Command, ctx: CliContext): void {
  program
    .command('analyze')
    .description('find actors, quotes and speakers, and dates in plain-text articles')
    .argument('[files...]', 'plain-text article files')
    .option('--published <date>', 'publication date (YYYY-MM-DD): relative dates resolve against it')
    .option('--title <title>', 'article title')
    .option('--url <url>', 'article address')
    .option('--batch <file>', 'JSON Lines of {"id", "text", "published", "title"}: one output line per record')
    .option('--json', 'print JSON (always on in batch mode)')
    .action(async (files: string[], opts: AnalyzeOptions) => {
      const registry = registryFor(ctx);
      if (opts.batch) {
        await runBatch(opts.batch, ctx, 'analyze', (rec) => toJson(analyzeArticle(batchInput(rec), registry)));
        return;
      }
      if (!files.length) throw new ReadoutError('input', 'analyze: give one or more text files or --batch FILE.jsonl');
      const published = checkPublished(opts.published, '--published');
      const results: Analysis[] = [];
      for (const file of files) {
        const text = await readTextFile(file);
        results.push(analyzeArticle({ text, published, title: opts.title ?? null, url: opts.url ?? null }, registry));
      }
      if (opts.json) ctx.out(JSON.stringify(results.length === 1 ? toJson(results[0]!) : results.map(toJson)));
      else ctx.out(results.map(formatAnalysis).join('\n\n'));
    });
}
