// `--batch FILE.jsonl` for the batch commands (extract, feed, analyze): one JSON object per line,
// one output line per record in input order, streamed. A bad record prints {"id", "error"} and
// the batch goes on (contract: ../shared/contracts/cli.md).
import { createReadStream, existsSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { createInterface } from 'node:readline';
import { describeError, ReadoutError } from '../core/errors.js';
import type { CliContext } from './context.js';

export interface BatchRecord {
  id: unknown;
  path: string;
  url: string | null;
}

/** Parses one input line into an object; throws ReadoutError('input') when it is not one. */
export function parseJsonLine(line: string): Record<string, unknown> {
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch {
    throw new ReadoutError('input', 'not a JSON object');
  }
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) throw new ReadoutError('input', 'not a JSON object');
  return rec as Record<string, unknown>;
}

/** Checks a file record ({"id", "path", "url"?}); throws ReadoutError('input') for a bad one. */
function toFileRecord(r: Record<string, unknown>, batchFile: string): BatchRecord {
  if (typeof r.path !== 'string' || !r.path) throw new ReadoutError('input', 'missing "path"');
  if (r.url !== undefined && r.url !== null && typeof r.url !== 'string') throw new ReadoutError('input', '"url" must be a string or null');
  // A relative path is read from the working directory, else next to the batch file.
  let path = r.path;
  if (!isAbsolute(path) && !existsSync(path) && existsSync(join(dirname(batchFile), path))) path = join(dirname(batchFile), path);
  return { id: r.id ?? null, path, url: typeof r.url === 'string' && r.url ? r.url : null };
}

/** Batch over file records ({"id", "path", "url"?}), for extract and feed. */
export function runFileBatch(
  file: string,
  ctx: CliContext,
  command: string,
  handle: (record: BatchRecord) => Promise<Record<string, unknown>>,
): Promise<void> {
  return runBatch(file, ctx, command, (rec) => handle(toFileRecord(rec, file)));
}

/** Streams a JSON Lines file: each object goes to `handle`, each result is printed with the record's id. */
export async function runBatch(
  file: string,
  ctx: CliContext,
  command: string,
  handle: (record: Record<string, unknown>) => Promise<Record<string, unknown>> | Record<string, unknown>,
): Promise<void> {
  const input = createReadStream(file);
  try {
    await new Promise<void>((resolve, reject) => {
      input.once('open', () => resolve());
      input.once('error', reject);
    });
  } catch (err) {
    throw new ReadoutError('input', `${file}: cannot read (${describeError(err)})`, { hint: 'check the batch file path', cause: err });
  }
  let n = 0;
  let failed = 0;
  for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
    const line = raw.trim();
    if (!line) continue;
    n++;
    let id: unknown = null;
    let out: string;
    try {
      const record = parseJsonLine(line);
      id = record.id ?? null;
      out = JSON.stringify({ id, ...(await handle(record)) });
    } catch (err) {
      failed++;
      out = JSON.stringify({ id, error: describeError(err) });
    }
    // ctx.out writes synchronously to files and, on Linux, to pipes: nothing piles up.
    ctx.out(out);
  }
  if (failed) ctx.err(`readout ${command}: ${failed} of ${n} records failed`);
}
