// Streams rows to a Writable in constant memory: rows are pulled one at a time from an async
// iterable, formatted, gathered into chunks of ~64 KB, and written with backpressure (when
// write() returns false, the next chunk waits for 'drain'). Nothing holds more than one chunk
// plus the store's current page.
import type { Cell } from './csv.js';
import { csvLine } from './csv.js';
import { jsonlLine } from './jsonl.js';

export type ExportFormat = 'csv' | 'jsonl';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'jsonl'];

/** How one export kind becomes rows: the fixed column list (the CSV header) and a row mapper. */
export interface RowSpec<T> {
  columns: readonly string[];
  row(item: T): Record<string, Cell>;
}

export interface WriteOptions {
  /** Stop after this many rows. */
  limit?: number;
  /** Bytes gathered before a write (default 64 KiB). */
  chunkBytes?: number;
}

export interface WriteResult {
  rows: number;
  /** False when the reader went away (EPIPE: `readout export … | head`). */
  complete: boolean;
}

/** A stream error that means the reader closed the pipe: stop quietly. */
function isClosedPipe(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
}

export async function writeRows<T>(items: AsyncIterable<T>, spec: RowSpec<T>, format: ExportFormat, out: NodeJS.WritableStream, options: WriteOptions = {}): Promise<WriteResult> {
  const limit = options.limit ?? Infinity;
  const chunkChars = options.chunkBytes ?? 64 * 1024;
  let failure: unknown = null;
  const onError = (err: unknown) => {
    failure ??= err;
  };
  out.on('error', onError);
  let waiting: (() => void) | null = null;
  const wake = () => {
    const w = waiting;
    waiting = null;
    w?.();
  };
  out.on('drain', wake);
  out.on('error', wake);
  out.on('close', wake);

  const flush = async (chunk: string) => {
    if (failure) return;
    if (!out.write(chunk) && !failure) await new Promise<void>((resolve) => (waiting = resolve));
  };

  let rows = 0;
  let buffer = format === 'csv' ? csvLine(spec.columns) : '';
  try {
    if (rows < limit) {
      for await (const item of items) {
        const record = spec.row(item);
        buffer += format === 'csv' ? csvLine(spec.columns.map((c) => record[c])) : jsonlLine(record);
        rows++;
        if (buffer.length >= chunkChars) {
          await flush(buffer);
          buffer = '';
        }
        if (failure || rows >= limit) break;
      }
    }
    if (buffer && !failure) await flush(buffer);
  } finally {
    out.off('drain', wake);
    out.off('error', wake);
    out.off('close', wake);
    // Keep swallowing late errors (EPIPE after the last write) instead of crashing the process.
    if (!failure) out.off('error', onError);
  }
  if (failure) {
    if (isClosedPipe(failure)) return { rows, complete: false };
    throw failure;
  }
  return { rows, complete: true };
}
