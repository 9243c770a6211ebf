// Export throughput and memory: `events` and `articles` are exported as CSV and JSONL into a
// discarding sink with backpressure, from the generated store of N synthetic analysed articles
// (bench/generate.ts, shared with the API benchmark). Prints rows/s and the peak heap/RSS
// sampled during each export, as a rise over the heap before it: constant memory means the
// rise does not grow with N. The exports run in a child process started with --expose-gc, so
// the heap and RSS are the export's, not what earlier benchmarks left behind.
import { execFileSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { silentLogger } from '../src/core/logger.js';
import { articleRows, eventRows } from '../src/outputs/rows.js';
import { writeRows, type ExportFormat, type RowSpec } from '../src/outputs/write.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/types.js';
import { describeStore, sharedStore } from './generate.js';

export interface ExportMeasure {
  kind: string;
  format: ExportFormat;
  rows: number;
  bytes: number;
  seconds: number;
  rowsPerSecond: number;
  /** Peak heapUsed / rss seen during the export, and heapUsed just before it (bytes). */
  peakHeap: number;
  peakRss: number;
  heapBefore: number;
}

/** Exports into a sink that drops what it gets after a tick (so backpressure applies), sampling memory. */
export async function measureExport<T>(kind: string, items: AsyncIterable<T>, spec: RowSpec<T>, format: ExportFormat): Promise<ExportMeasure> {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakHeap = heapBefore;
  let peakRss = process.memoryUsage().rss;
  const sample = () => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  };
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      sample();
      setImmediate(done);
    },
  });
  const timer = setInterval(sample, 5);
  const started = process.hrtime.bigint();
  const { rows } = await writeRows(items, spec, format, sink);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(timer);
  sample();
  return { kind, format, rows, bytes, seconds, rowsPerSecond: rows / seconds, peakHeap, peakRss, heapBefore };
}

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;

export function formatMeasure(m: ExportMeasure): string {
  return `  ${`${m.kind} ${m.format}`.padEnd(16)} ${String(m.rows).padStart(8)} rows ${mb(m.bytes).padStart(9)} in ${m.seconds.toFixed(2)} s = ${Math.round(m.rowsPerSecond).toString().padStart(7)} rows/s; peak heap ${mb(m.peakHeap)} (+${mb(m.peakHeap - m.heapBefore)} over start), peak RSS ${mb(m.peakRss)}`;
}

/** Runs every export measurement over a store (events and articles, CSV and JSONL). */
export async function measureExports(store: Store): Promise<ExportMeasure[]> {
  const out: ExportMeasure[] = [];
  for (const format of ['csv', 'jsonl'] as const) {
    out.push(await measureExport('events', store.exportEvents(), eventRows, format));
    out.push(await measureExport('articles', store.exportArticles(), articleRows(false), format));
  }
  return out;
}

/** Runs measureExports over the store at path in a fresh child process (with --expose-gc). */
export function measureExportsInChild(path: string): ExportMeasure[] {
  const out = execFileSync(process.execPath, [...process.execArgv, '--expose-gc', fileURLToPath(import.meta.url), path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').pop()!) as ExportMeasure[];
}

/** The `npm run bench` entry: the shared generated SQLite store of n articles (default 100k; generating it takes about a minute, each export a few seconds). */
export async function benchExport(n = 100_000): Promise<ExportMeasure[]> {
  console.log(`\nExport (\`readout export\` events and articles, CSV and JSONL) from a generated SQLite store of ${n} synthetic analysed articles:`);
  const shared = sharedStore(n);
  console.log(describeStore(shared));
  const results = measureExportsInChild(shared.path);
  for (const m of results) console.log(formatMeasure(m));
  return Promise.resolve(results);
}

// `tsx --expose-gc bench/export.ts PATH`: measures the exports of the store at PATH, prints them as JSON.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = process.argv[2];
  if (!path) throw new Error('usage: tsx --expose-gc bench/export.ts PATH');
  const store = await openStore(path, silentLogger());
  try {
    console.log(JSON.stringify(await measureExports(store)));
  } finally {
    await store.close();
  }
}
