// Analysis cost against store size: the analyze job (analysis, save, event merge, response
// links, alerts) timed for new articles on top of generated stores of about 1k, 10k and 100k
// merged events, in two layouts:
// - growing: the store grows as a desk's does, over time, at the generator's steady 100 articles
//   a day (1k events ≈ 12 days, 100k ≈ 3.3 years), and the new articles arrive on its last day.
//   This is "the 100,000th article costs about the same as the 100th": the criterion.
// - dense: every store spans the same 30 days, so the events around a new article grow 100×
//   with the store: a stress case where only the capped candidate queries bound the work.
// The articles are this file's own texts about the generator's most frequent countries, dated on
// the stores' last day. Each size is measured in a child process with a time limit, so a store
// size the code cannot handle shows as a timeout instead of stalling the whole `npm run bench`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/config.js';
import { silentLogger } from '../src/core/logger.js';
import { fingerprints } from '../src/extract/fingerprint.js';
import { inThreadAnalyzer } from '../src/pipeline/analyze-pool.js';
import { analyzeStored } from '../src/pipeline/analyze-stage.js';
import type { Services } from '../src/pipeline/services.js';
import { KyselyStore } from '../src/store/kysely-store.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/types.js';
import { generateStoreFile, type GenerateSummary } from './generate.js';

/** The dense layout's span; the growing layout ends on the same last day. */
const SPAN_DAYS = 30;
const LAST_DAY = '2026-01-30';
/** The growing layout's rate (the generator's default). */
const STEADY_PER_DAY = 100;

export type ScaleLayout = 'growing' | 'dense';

/** perDay and first day of a store of `articles` that ends on LAST_DAY. */
function layoutOf(layout: ScaleLayout, articles: number): { perDay: number; start: string } {
  const perDay = layout === 'dense' ? Math.ceil(articles / SPAN_DAYS) : STEADY_PER_DAY;
  const days = Math.ceil(articles / perDay);
  const start = new Date(Date.parse(`${LAST_DAY}T00:00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return { perDay, start };
}
/** Merged events per generated article (about 0.83 in bench/generate.ts). */
const EVENTS_PER_ARTICLE = 0.83;
const WARMUP = 2;
const MEASURED = 9;
const TIME_LIMIT_MS = 180_000;

const SIDES: [string, string][] = [
  ['North Korea', 'the United States'], ['China', 'Japan'], ['South Korea', 'North Korea'], ['Russia', 'Ukraine'],
  ['the United States', 'China'], ['Japan', 'South Korea'], ['North Korea', 'Japan'], ['China', 'the United States'],
];
const ISSUES = ['missile launches', 'tariffs on steel', 'joint military drills', 'fishing rights', 'sanctions on banks', 'the detained sailors', 'the border talks', 'the nuclear programme'];

/** A short news text with 4–6 events between two countries and a reply by the other side. */
function articleText(i: number): string {
  const [a, b] = SIDES[i % SIDES.length]!;
  const issue = ISSUES[(i * 3) % ISSUES.length]!;
  const other = ISSUES[(i * 5 + 1) % ISSUES.length]!;
  return [
    `${cap(a)} on Thursday rejected ${b}'s proposal on ${issue}, calling it a provocation that threatens regional peace.`,
    `"We will never accept pressure over ${issue}," the foreign ministry said in a statement carried by state media.`,
    `In response to the rejection, ${b} warned ${a} on Thursday that new measures over ${other} would follow.`,
    `${cap(b)} also accused ${a} of violating earlier agreements on ${issue}, officials said.`,
    `Analysts said the dispute over ${issue} and ${other} was unlikely to be settled before the summit next month.`,
  ].join('\n\n');
}
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export interface ScaleMeasure {
  /** Merged events in the store before the measured articles. */
  events: number;
  articles: number;
  /** Wall-clock ms per article of each measured analyze job; medianMs their median. */
  ms: number[];
  medianMs: number;
  /** CPU ms (user + system) of the process per job: steadier than wall time on a shared machine. */
  cpuMs: number[];
  medianCpuMs: number;
}

/** Child process: analyses WARMUP + MEASURED new articles on the store at path, timing each analyze job. */
async function measure(path: string): Promise<ScaleMeasure> {
  const logger = silentLogger();
  const dir = mkdtempSync(join(tmpdir(), 'readout-bench-scale-'));
  const store = await openStore(path, logger);
  try {
    const stats = await store.stats();
    const config = loadConfig({ env: {}, overrides: { dataDir: dir } });
    const analyzer = inThreadAnalyzer({ files: config.registry.files, userFile: config.registry.userFile, extra: [] });
    const svc: Services = { store, logger, config, now: () => new Date(), analyzer, fetcher: undefined as never };
    const events = await countEvents(store);
    const ms: number[] = [];
    const cpuMs: number[] = [];
    for (let i = 0; i < WARMUP + MEASURED; i++) {
      const text = articleText(i);
      const fp = fingerprints(text);
      const published = `${LAST_DAY}T${String(12 + (i % 12)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00.000Z`;
      const url = `https://scale-bench.example/${LAST_DAY}/story-${i}`;
      const inserted = await store.insertArticle({
        url, canonicalUrl: url, sourceId: null, sourceName: 'Scale Bench Wire', title: `Story ${i}`, byline: null, published, language: 'en', kind: 'news',
        section: null, text, contentHash: fp.contentHash, simhash: fp.simhash, minhash: fp.minhash, shingleCount: fp.shingleCount, bands: fp.bands, rawHash: null, fetchedAt: published,
      });
      const started = process.hrtime.bigint();
      const cpuStarted = process.cpuUsage();
      await analyzeStored(svc, inserted.id);
      const cpuUsed = process.cpuUsage(cpuStarted);
      if (i >= WARMUP) {
        ms.push(Number(process.hrtime.bigint() - started) / 1e6);
        cpuMs.push((cpuUsed.user + cpuUsed.system) / 1000);
      }
    }
    await analyzer.close();
    return { events, articles: stats.articles, ms, medianMs: median(ms), cpuMs, medianCpuMs: median(cpuMs) };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function median(xs: number[]): number {
  return [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
}

async function countEvents(store: Store): Promise<number> {
  if (!(store instanceof KyselyStore)) throw new Error('analyze-scale: needs the Kysely store (openStore)');
  const row = await store.db.selectFrom('merged_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Generates a store of about `events` merged events in the layout and measures it in a child process (null on timeout). */
export function measureAtSize(events: number, layout: ScaleLayout): { summary: GenerateSummary; result: ScaleMeasure | null } {
  const dir = mkdtempSync(join(tmpdir(), 'readout-bench-scale-store-'));
  try {
    const path = join(dir, 'scale.db');
    const articles = Math.round(events / EVENTS_PER_ARTICLE);
    const summary = generateStoreFile(path, articles, layoutOf(layout, articles));
    try {
      const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: TIME_LIMIT_MS });
      return { summary, result: JSON.parse(out.trim().split('\n').pop()!) as ScaleMeasure };
    } catch (err) {
      if ((err as { signal?: string }).signal === 'SIGTERM') return { summary, result: null };
      throw err;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The `npm run bench` case: ms per analysed article at each store size, and the largest/smallest ratio, in both layouts. */
export function benchAnalyzeScale(sizes = [1_000, 10_000, 100_000], layouts: ScaleLayout[] = ['growing', 'dense']): void {
  for (const layout of layouts) {
    const span = layout === 'dense' ? `each store spans ${SPAN_DAYS} days` : `stores grow over time at ${STEADY_PER_DAY} articles a day`;
    console.log(`\nAnalyze job (analysis, save, merge, response links, alerts) per new article, by store size, ${layout} (SQLite; ${span}; median of ${MEASURED} articles after ${WARMUP} warm-ups):`);
    const medians: number[] = [];
    const cpu: number[] = [];
    for (const size of sizes) {
      const { summary, result } = measureAtSize(size, layout);
      const built = `${summary.mergedEvents} events, ${summary.reports} reports, ${summary.links} links from ${summary.articles} articles in ${summary.seconds.toFixed(1)} s`;
      if (!result) {
        console.log(`  ~${String(size).padEnd(6)} events (${built}): no result within ${TIME_LIMIT_MS / 1000} s`);
        continue;
      }
      medians.push(result.medianMs);
      cpu.push(result.medianCpuMs);
      const range = `${Math.min(...result.ms).toFixed(1)}–${Math.max(...result.ms).toFixed(1)}`;
      console.log(`  ~${String(size).padEnd(6)} events (${built}):`);
      console.log(`      ${result.medianMs.toFixed(1).padStart(7)} ms/article wall (range ${range}), ${result.medianCpuMs.toFixed(1)} ms CPU`);
    }
    if (medians.length === sizes.length) {
      const ratio = (xs: number[]) => (xs[xs.length - 1]! / xs[0]!).toFixed(2);
      console.log(`  ratio largest/smallest store (${layout}): ${ratio(medians)}x wall, ${ratio(cpu)}x CPU`);
    }
  }
}

// `tsx bench/analyze-scale.ts PATH`: measures the store at PATH (child process); `tsx bench/analyze-scale.ts --run [SIZES]`: the whole case.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [first, ...rest] = process.argv.slice(2);
  if (first === '--run') benchAnalyzeScale(rest.length ? rest.map(Number) : undefined);
  else if (first) console.log(JSON.stringify(await measure(first)));
  else throw new Error('usage: tsx bench/analyze-scale.ts PATH | --run [EVENTS...]');
}
