import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { createLogger } from '../../core/logger.js';
import { FixtureServer } from '../../demo/fixture-server.js';
import { dataPath } from '../../core/data-path.js';
import { createApp } from '../../api/app.js';
import { generateToken } from '../../api/auth.js';
import { createFetcher } from '../../fetch/http.js';
import { drainAnalysis } from '../../pipeline/analyze-run.js';
import { withAnalyzer } from '../../pipeline/analyze-stage.js';
import { ingestFile, listFiles } from '../../pipeline/ingest-files.js';
import { pollOnce } from '../../pipeline/scheduler.js';
import type { Services } from '../../pipeline/services.js';
import { parseOpml } from '../../sources/opml.js';
import { openStore } from '../../store/open.js';
import type { CliContext } from '../context.js';
import { actorLabel, type TimelineEntry } from '../../events/timeline.js';
import { formatHit } from './search.js';
import { close, listen } from './serve.js';
import { formatSource } from './sources.js';

const EXAMPLE_QUERIES = ['"foreign ministry"', 'envoy talks'];

export function registerDemo(program: Command, ctx: CliContext): void {
  program
    .command('demo')
    .description('run the whole pipeline offline on the bundled sample sources (served from 127.0.0.1)')
    .option('--store <file>', 'SQLite file for the demo (default: demo.db in the data folder; recreated each run)')
    .option('--serve', 'after the report, serve the HTTP API on the demo store until Ctrl-C (default when run in a terminal)')
    .option('--no-serve', 'exit after the report')
    .action(async (opts: { store?: string; serve?: boolean }) => {
      const config = ctx.config();
      const dbPath = opts.store ?? join(config.dataDir, 'demo.db');
      for (const suffix of ['', '-wal', '-shm']) if (existsSync(dbPath + suffix)) rmSync(dbPath + suffix);
      // Warnings only, unless asked: the demo's own report is what a newcomer should read.
      const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
      const server = await FixtureServer.start({ dir: dataPath('demo') });
      // The sample sources live on this machine: allow exactly that address past the SSRF guard.
      const fetchOptions = { ...config.fetch, allowPrivate: [...config.fetch.allowPrivate, '127.0.0.1'], minDelayMs: 50 };
      const svc: Services = { store: await openStore(dbPath, logger), fetcher: createFetcher(fetchOptions, logger), logger, config, now: () => new Date() };
      try {
        ctx.err(`sample sources served at ${server.baseUrl}; store: ${dbPath}`);
        const opml = (await svc.fetcher.fetch({ url: `${server.baseUrl}/sources.opml` })).body.toString('utf8');
        for (const entry of parseOpml(opml)) {
          await svc.store.addSource({ url: entry.url, kind: entry.kind ?? 'feed', title: entry.title, tags: entry.tags, intervalSeconds: 900 });
        }
        const polled = await pollOnce(svc);
        ctx.err(`polled ${polled.polls} sources: ${polled.processed} jobs done, ${polled.failed} failed`);
        await withAnalyzer(svc, async (svc) => {
          for (const file of listFiles([dataPath('demo', 'local')])) {
            const s = await ingestFile(svc, file);
            ctx.err(`ingested ${file.split('/').pop()}: ${s.stored} stored, ${s.duplicates} duplicates, ${s.errors} errors`);
          }
          const analysed = await drainAnalysis(svc);
          ctx.err(`analysed the ingested files: ${analysed.processed} done, ${analysed.failed} failed`);
        });
        await report(ctx, svc, dbPath);
        // In a terminal the demo goes on as `readout serve` would; piped or scripted, it ends here.
        if (opts.serve ?? (process.stdout.isTTY === true)) await serveDemo(ctx, svc);
      } finally {
        await svc.fetcher.close();
        await svc.store.close();
        await server.close();
      }
    });
}

async function report(ctx: CliContext, svc: Services, dbPath: string): Promise<void> {
  const stats = await svc.store.stats();
  ctx.out(`\nStored: ${stats.articles} articles, ${stats.comments} reader comments, ${stats.rawResponses} raw responses archived, ${stats.duplicateGroups} near-duplicate group(s), from ${stats.sources} sources.\n`);
  ctx.out('Sources and their health:');
  ctx.out((await svc.store.listSources()).map(formatSource).join('\n'));
  ctx.out('\nArticles (newest first):');
  const articles = await svc.store.search({ text: '', order: 'newest', limit: 50 });
  for (const hit of articles) {
    ctx.out(`  ${hit.published?.slice(0, 10) ?? 'undated   '}  [${hit.kind}] ${hit.title ?? hit.url}${hit.groupSize > 1 ? `  (near-duplicate group of ${hit.groupSize})` : ''}`);
  }
  await reportAnalyses(ctx, svc, articles.slice(0, 4).map((a) => a.id));
  await reportResponses(ctx, svc);
  for (const q of EXAMPLE_QUERIES) {
    ctx.out(`\n$ readout search ${q}`);
    const hits = await svc.store.search({ text: q, order: 'relevance', limit: 3 });
    ctx.out(hits.length ? hits.map((h) => formatHit(h, false)).join('\n\n') : '  (no results)');
  }
  // The sample news is dated in the past: offer a --since that matches it.
  const newest = articles.find((a) => a.published)?.published ?? new Date().toISOString();
  const since = new Date(Date.parse(newest) - 3 * 86_400_000).toISOString().slice(0, 10);
  ctx.out(`\nTry it yourself:\n  npx readout --db ${dbPath} search "statement" --since ${since}\n  npx readout --db ${dbPath} search --kind opinion --json\n  npx readout --db ${dbPath} timeline --dyad USA-PRK\n  npx readout --db ${dbPath} trends --dyad USA-PRK --since ${since}\n  npx readout --db ${dbPath} personnel --changes\n  npx readout --db ${dbPath} actors candidates\n  npx readout --db ${dbPath} sources list\n  npx readout --db ${dbPath} jobs`);
}

/** Who is in the newest articles and who said what, from the stored analyses. */
async function reportAnalyses(ctx: CliContext, svc: Services, articleIds: number[]): Promise<void> {
  ctx.out('\nWho said what (newest articles, from the stored analyses):');
  for (const id of articleIds) {
    const stored = await svc.store.getAnalysis(id);
    if (!stored) continue;
    const a = stored.analysis;
    ctx.out(`  ${a.document.title ?? `article ${id}`}`);
    const people = a.entities.filter((e) => e.type === 'person').map((e) => e.name + (e.roles[0] ? ` (${e.roles[0]})` : ''));
    ctx.out(`    people: ${people.slice(0, 6).join('; ') || '-'}`);
    for (const q of a.quotes.filter((x) => x.kind !== 'indirect').slice(0, 2)) {
      const who = q.speaker?.name ?? (q.speaker?.anonymous ? `anonymous: ${q.speaker.description ?? 'source'}` : 'unattributed');
      ctx.out(`    “${q.text.length > 90 ? `${q.text.slice(0, 90)}…` : q.text}” — ${who}`);
    }
  }
  const candidates = await svc.store.listCandidates({ limit: 8 });
  if (candidates.length) ctx.out(`  Unknown names kept as candidate actors: ${candidates.map((c) => `${c.name} (${c.type})`).join(', ')}`);
}

/** Statements linked to the ones they answer, from the merged timeline (explicit cues first). */
async function reportResponses(ctx: CliContext, svc: Services): Promise<void> {
  const entries = await svc.store.timeline({});
  const byId = new Map(entries.map((e) => [e.event.id, e]));
  const linked = entries
    .flatMap((e) => e.respondsTo.map((link) => ({ e, link, earlier: byId.get(link.respondsTo) })))
    .filter((x) => x.earlier && x.link.rule !== 'reciprocity')
    .slice(0, 4);
  if (!linked.length) return;
  ctx.out('\nWho answered whom (merged events; `readout timeline` shows them all):');
  const line = (x: TimelineEntry) => `${x.event.date ?? 'undated'} ${actorLabel(x.event.source)} ${x.event.type} → ${actorLabel(x.event.target)} (${x.event.reportCount} report${x.event.reportCount === 1 ? '' : 's'})`;
  for (const { e, link, earlier } of linked) {
    ctx.out(`  ${line(e)}\n    answers ${line(earlier!)}  [${link.rule}${link.cue ? ` “${link.cue}”` : ''}, confidence ${link.confidence.toFixed(2)}]`);
  }
}

/** The API and dashboard on the demo store with a fresh analyst token (rules and briefs can be tried), until Ctrl-C. */
async function serveDemo(ctx: CliContext, svc: Services): Promise<void> {
  const { token, hash } = generateToken();
  await svc.store.createApiToken({ name: `demo-${Date.now()}`, role: 'analyst', hash });
  const app = createApp({ store: svc.store, config: svc.config, logger: svc.logger, preloadRegistry: true });
  // The configured port, else any free one (another readout may already be serving).
  const { server, address } = await listen(app, svc.config.api.host, svc.config.api.port, svc.config.api.limits).catch(() => listen(app, svc.config.api.host, 0, svc.config.api.limits));
  const url = `http://${address.address}:${address.port}`;
  ctx.out(`\nServing the demo store; Ctrl-C to stop.`);
  // The token travels in the fragment, which browsers never send to a server; the page keeps it and clears the address bar.
  ctx.out(`  dashboard: ${url}/ui/#token=${token}`);
  ctx.out(`  API:       ${url} (OpenAPI: ${url}/openapi.json)`);
  ctx.out(`  curl -H "Authorization: Bearer ${token}" "${url}/timeline?dyad=USA-PRK"`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await close(server);
}
