// `npm run bench`: extraction pages/s (ours vs plain Readability + jsdom on the same pages, in
// the same run), analysis articles/s, the analyze job's time per article on stores of 1k, 10k and
// 100k events (bench/analyze-scale.ts), ingest throughput from a local fixture server into a fresh SQLite store,
// and, over one generated store of 100k analysed articles (bench/generate.ts), export rows/s with peak
// memory, API p50/p99 latency and the dashboard's time to first screen in Chromium.
// Benchmark pages are read from ../shared/eval when present (measurement only, never copied);
// otherwise generated pages are used. `npm run bench -- load` runs only the API load benchmark
// (bench/load.ts: autocannon against `readout serve`), which the full run leaves out;
// `npm run bench -- scale` runs only the analyze-scale case; `npm run bench -- ab REF` compares
// analysis speed with another commit in the same run (bench/analyze-ab.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractPage } from '../src/extract/page.js';
import { benchAnalyze, toArticleLength } from './analyze.js';
import { benchAnalyzeAb } from './analyze-ab.js';
import { benchAnalyzeScale } from './analyze-scale.js';
import { benchIngest } from './ingest.js';
import { benchExport } from './export.js';
import { benchApi } from './api.js';
import { benchDashboard } from './dashboard.js';
import { benchLoad } from './load.js';

const AEB = resolve('../shared/eval/data/article-extraction-benchmark/html');

function loadPages(): { source: string; pages: string[] } {
  if (existsSync(AEB)) {
    const files = readdirSync(AEB).filter((f) => f.endsWith('.html.gz'));
    return { source: `${files.length} pages of ${AEB}`, pages: files.map((f) => gunzipSync(readFileSync(join(AEB, f))).toString('utf8')) };
  }
  const pages = Array.from({ length: 80 }, (_, i) =>
    `<html><head><title>Page ${i}</title></head><body><nav>menu</nav><article>${'<p>Officials said the talks would continue after the envoy visited the capital. </p>'.repeat(20 + i)}</article></body></html>`,
  );
  return { source: `${pages.length} generated pages`, pages };
}

/** The pages' extracted texts, cut or repeated to about 800 words. */
function analysisTexts(pages: string[]): string[] {
  return toArticleLength(pages.map((h) => extractPage(h, 'https://example.org/a').text).filter((t) => t.split(/\s+/).length > 150));
}

function time(label: string, pages: string[], fn: (html: string) => void, rounds: number): number {
  for (const p of pages.slice(0, 10)) fn(p); // warm-up
  const started = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const p of pages) fn(p);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rate = (pages.length * rounds) / seconds;
  console.log(`  ${label.padEnd(34)} ${rate.toFixed(1).padStart(8)} pages/s  (${((seconds * 1000) / (pages.length * rounds)).toFixed(2)} ms/page)`);
  return rate;
}

async function main(): Promise<void> {
  const { source, pages } = loadPages();
  console.log(`Extraction on ${source} (one core):`);
  const ours = time('readout extractPage (linkedom)', pages, (h) => void extractPage(h, 'https://example.org/a'), 3);
  const virtualConsole = new VirtualConsole(); // silence jsdom's CSS parse warnings
  const base = time('Readability 0.6 + jsdom', pages, (h) => {
    const dom = new JSDOM(h, { url: 'https://example.org/a', virtualConsole });
    new Readability(dom.window.document).parse();
    dom.window.close();
  }, 1);
  console.log(`  speed-up: ${(ours / base).toFixed(1)}x`);

  console.log('\nAnalysis (entities, quotes, dates, roles, events) of the extracted texts, cut to ~800 words:');
  benchAnalyze(analysisTexts(pages));

  benchAnalyzeScale();

  console.log('\nIngest from a local fixture server into a fresh SQLite store:');
  const r = await benchIngest(400);
  console.log(`  ${r.articles} articles (feed poll + page fetch + extract + store) in ${r.seconds.toFixed(2)} s = ${(r.articles / r.seconds).toFixed(1)} articles/s`);
  await benchExport(100_000);
  await benchApi(100_000);
  await benchDashboard(100_000);
}

if (process.argv[2] === 'load') await benchLoad();
else if (process.argv[2] === 'ab') await benchAnalyzeAb(process.argv[3] ?? 'HEAD~1', analysisTexts(loadPages().pages));
else if (process.argv[2] === 'scale') benchAnalyzeScale();
else await main();
