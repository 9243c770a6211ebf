// Export throughput and memory: `events` and `articles` are exported as CSV and JSONL into a
// discarding sink with backpressure, from the generated store of N synthetic analysed articles
// (bench/generate.ts, shared with the API benchmark). Prints rows/s and the peak heap/RSS
// sampled during each export, as a rise over the heap before it: constant memory means the
// rise does not grow with N. The exports run in a child process started with --expose-gc, so
// the heap and RSS are the export's, not what earlier benchmarks left behind. seedExportStore (through the store's methods: insertArticle,
// saveAnalysis, mergeEvents; ~2.5 ms an article) is kept for stores the generator cannot fill.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Analysis, AnalysisEvent, EventType } from '../src/analyze/types.js';
import { silentLogger } from '../src/core/logger.js';
import { articleRows, eventRows } from '../src/outputs/rows.js';
import { writeRows, type ExportFormat, type RowSpec } from '../src/outputs/write.js';
import { openStore } from '../src/store/open.js';
import type { NewArticle, Store } from '../src/store/types.js';
import { describeStore, sharedStore } from './generate.js';

const COUNTRIES = ['USA', 'PRK', 'KOR', 'JPN', 'CHN', 'RUS', 'FRA', 'DEU', 'GBR', 'IND', 'BRA', 'ZAF', 'TUR', 'IRN', 'ISR', 'EGY'];
const TYPES: EventType[] = ['AGREE', 'CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'STATEMENT'];
const OUTLETS = ['Harbor Ledger', 'Northern Wire', 'Daily Meridian', 'Capital Courier', 'Tidewater Post'];

function day(i: number, perDay: number): string {
  return new Date(Date.UTC(2020, 0, 1) + Math.floor(i / perDay) * 86_400_000).toISOString().slice(0, 10);
}

function article(i: number, published: string): NewArticle {
  const text = `Synthetic report ${i}. The foreign ministry said on Monday that it would answer the envoy's offer, "within days, not weeks", officials said. ${'Analysts expected a firm reply. '.repeat(20)}`;
  const hash = createHash('sha256').update(text).digest('hex');
  return {
    url: `https://bench.example/a/${i}`, canonicalUrl: `https://bench.example/a/${i}`, sourceId: null, sourceName: OUTLETS[i % OUTLETS.length]!,
    title: `Report ${i}: ministry answers, "soon"`, byline: 'Bench Writer', published: `${published}T08:00:00.000Z`, language: 'en', kind: 'news', section: null,
    text, contentHash: hash, simhash: hash.slice(0, 16), minhash: hash.repeat(2), shingleCount: 40, bands: [], rawHash: null, fetchedAt: `${published}T09:00:00.000Z`,
  };
}

function analysis(i: number, date: string): Analysis {
  const a = COUNTRIES[i % COUNTRIES.length]!;
  const b = COUNTRIES[(i * 7 + 3) % COUNTRIES.length]!;
  const target = b === a ? COUNTRIES[(i + 1) % COUNTRIES.length]! : b;
  const sentence = `The ${a} foreign ministry on Monday answered ${target}'s offer, "within days, not weeks", report ${i} said.`;
  const event: AnalysisEvent = {
    id: 'e1', date, type: TYPES[i % TYPES.length]!, mode: null, source: { name: a, entityId: `country:${a}`, country: a }, target: { name: target, entityId: `country:${target}`, country: target },
    intensity: (i % 21) - 10, cameo: String((i % 20) + 1).padStart(2, '0'), negated: i % 17 === 0, modality: 'asserted', sourcing: 'official',
    sentence: { start: 0, end: sentence.length, text: sentence }, trigger: { start: 20, end: 28, text: 'answered' }, quote: 'within days, not weeks', respondsTo: null, responseCue: null,
  };
  const mention = (name: string) => [{ start: 0, end: name.length, text: name, via: 'name' as const }];
  return {
    document: { title: `Report ${i}`, published: date, language: 'en', url: null, byline: null, kind: 'news', text: '' },
    entities: [
      { id: `country:${a}`, name: a, type: 'country', country: a, roles: [], mentions: mention(a) },
      { id: `country:${target}`, name: target, type: 'country', country: target, roles: [], mentions: mention(target) },
      // A registry-style id: an unknown name would make every save recount a candidate actor.
      { id: `person:bench-spokesperson-${i % 500}`, name: `Spokesperson ${i % 500}`, type: 'person', country: a, roles: ['spokesperson'], mentions: mention('Spokesperson') },
    ],
    quotes: [
      { start: 0, end: 10, text: 'within days, not weeks', kind: 'partial', speaker: { name: `Spokesperson ${i % 500}`, entityId: null, anonymous: false, description: null } },
      { start: 20, end: 30, text: 'a firm reply', kind: 'indirect', speaker: null },
    ],
    events: [event],
    dates: [],
    roles: [],
    analyzer: { version: 'bench', registry: 'bench' },
  };
}

/** Fills a store with n analysed articles (one event each, ~perDay a day) and merges their events. */
export async function seedExportStore(store: Store, n: number, options: { perDay?: number; batch?: number; progress?: (done: number) => void } = {}): Promise<void> {
  const perDay = options.perDay ?? 40;
  const batch = options.batch ?? 500;
  for (let start = 0; start < n; start += batch) {
    await store.transaction(async (tx) => {
      for (let i = start; i < Math.min(n, start + batch); i++) {
        const d = day(i, perDay);
        const { id } = await tx.insertArticle(article(i, d));
        await tx.saveAnalysis(id, analysis(i, d));
      }
    });
    await store.mergeEvents();
    options.progress?.(Math.min(n, start + batch));
  }
}

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
