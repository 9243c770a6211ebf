// `readout export events|articles|quotes|actors [--format csv|jsonl] [--output FILE] [filters]`:
// bulk exports for spreadsheets, R/pandas and other tools, streamed in constant memory (the
// store is read one keyset page at a time and written with backpressure; src/store/exports.ts,
// src/outputs/*). CSV is RFC 4180 with a header row and formula-injection guarding (see
// src/outputs/csv.ts); JSONL is one object per line with the same keys. `--json` means jsonl.
//
// Filters (each export takes those that make sense for it; others are refused naming the flag):
//   events    --since --until (event day) --actor --dyad [--directed] --type (PLOVER types) --source (outlet)
//   articles  --since --until (article date) --actor (named in the analysis) --source --kind (article kind) --with-text
//   quotes    --since --until --actor (the speaker) --source --kind (direct|partial|indirect)
//   actors    --actor (id, name or country) --type (actor type) --kind (organisation kind) --with-counts
// --actor and --dyad take what `readout timeline` takes (registry id, ISO3 code or name).
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Command } from 'commander';
import { ReadoutError } from '../../core/errors.js';
import { ARTICLE_KINDS } from '../../core/types.js';
import { EXPORT_KINDS, parseFormat, parseKind, parseLimit, planExport, QUOTE_KINDS, type ExportOptions } from '../../outputs/plan.js';
import { writeRows, type WriteResult } from '../../outputs/write.js';
import type { CliContext } from '../context.js';
import { lazyRegistry } from '../filters.js';

/** Writes to FILE through FILE.partial, renamed when complete (a failed export leaves no half file under the name). */
async function toFile(path: string, write: (out: NodeJS.WritableStream) => Promise<WriteResult>): Promise<WriteResult> {
  const partial = `${path}.partial`;
  const out = createWriteStream(partial, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => {
    out.once('open', () => resolve());
    out.once('error', reject);
  });
  try {
    await opened;
  } catch (err) {
    throw new ReadoutError('input', `export: cannot write ${path}: ${(err as Error).message}`, { cause: err, hint: 'check that the folder exists and is writable' });
  }
  try {
    const result = await write(out);
    await new Promise<void>((resolve, reject) => {
      out.once('error', reject);
      out.end(() => resolve());
    });
    await rename(partial, path);
    return result;
  } catch (err) {
    out.destroy();
    await rm(partial, { force: true });
    throw err;
  }
}

export function registerExport(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .argument('<what>', `what to export: ${EXPORT_KINDS.join(', ')}`)
    .description('export events, articles, quotes or actors as CSV or JSONL, streamed (constant memory)')
    .option('--format <format>', 'csv (RFC 4180, header row; default) or jsonl (one JSON object per line)')
    .option('--json', 'same as --format jsonl')
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .option('--since <date>', 'on or after this day (events: event day; articles, quotes: article date)')
    .option('--until <date>', 'on or before this day')
    .option('--actor <actor>', 'events: source or target; articles: named in; quotes: speaker; actors: id, name or country')
    .option('--dyad <A-B>', 'events between two actors, either way (AAA-BBB with ISO3 codes, or A,B)')
    .option('--directed', 'with --dyad: only events from the first actor to the second')
    .option('--type <types>', 'events: PLOVER types (REJECT,ACCUSE,…); actors: person, organization, country, place, other')
    .option('--source <source>', 'outlet: source id, feed URL or outlet name')
    .option('--kind <kinds>', `articles: ${ARTICLE_KINDS.join(', ')}; quotes: ${QUOTE_KINDS.join(', ')}; actors: organisation kind`)
    .option('--with-text', 'articles: add the full text column')
    .option('--with-counts', 'actors: add article and mention counts')
    .option('--limit <n>', 'stop after this many rows')
    .action(async (what: string, opts: ExportOptions) => {
      const kind = parseKind(what);
      const format = parseFormat(opts);
      const limit = parseLimit(opts.limit);
      if (opts.output !== undefined && !opts.output.trim()) throw new ReadoutError('input', '--output is empty', { hint: 'give a file path, or leave it out for standard output' });
      const plan = planExport(kind, opts, lazyRegistry(ctx));
      const items = plan.items(await ctx.store());
      const write = (out: NodeJS.WritableStream) => writeRows(items, plan.spec, format, out, { limit });
      if (opts.output !== undefined) {
        const result = await toFile(opts.output, write);
        ctx.err(`exported ${result.rows} ${result.rows === 1 ? kind.replace(/s$/, '') : kind} to ${opts.output} (${format})`);
      } else {
        await write(ctx.outStream());
      }
    });
}
