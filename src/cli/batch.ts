// `--batch FILE.jsonl` for the file commands (extract, feed): one input record per line
// ({"id", "path", "url"?}), one output line per record in input order, streamed. A bad record
// prints {"id", "error"} and the batch goes on (contract: ../shared/contracts/cli.md).
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

/** Parses one input line; throws ReadoutError('input') for a bad one (the id, when readable, is in `id`). */
export function parseBatchLine(line: string, batchFile: string): BatchRecord {
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch {
    throw new ReadoutError('input', 'not a JSON object');
  }
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) throw new ReadoutError('input', 'not a JSON object');
  const r = rec as Record<string, unknown>;
  if (typeof r.path !== 'string' || !r.path) throw Object.assign(new ReadoutError('input', 'missing "path"'), { id: r.id ?? null });
  if (r.url !== undefined && r.url !== null && typeof r.url !== 'string') {
    throw Object.assign(new ReadoutError('input', '"url" must be a string or null'), { id: r.id ?? null });
  }
  // A relative path is read from the working directory, else next to the batch file.
  let path = r.path;
  if (!isAbsolute(path) && !existsSync(path) && existsSync(join(dirname(batchFile), path))) path = join(dirname(batchFile), path);
  return { id: r.id ?? null, path, url: typeof r.url === 'string' && r.url ? r.url : null };
}

export async function runFileBatch(
  file: string,
  ctx: CliContext,
  command: string,
  handle: (record: BatchRecord) => Promise<Record<string, unknown>>,
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
      const record = parseBatchLine(line, file);
      id = record.id;
      out = JSON.stringify({ id, ...(await handle(record)) });
    } catch (err) {
      failed++;
      if (id === null && err && typeof err === 'object' && 'id' in err) id = (err as { id: unknown }).id;
      out = JSON.stringify({ id, error: describeError(err) });
    }
    // ctx.out writes synchronously to files and, on Linux, to pipes: nothing piles up.
    ctx.out(out);
  }
  if (failed) ctx.err(`readout ${command}: ${failed} of ${n} records failed`);
}
