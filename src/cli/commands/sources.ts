import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { formatDuration, parseDuration } from '../../core/duration.js';
import { describeError, ReadoutError } from '../../core/errors.js';
import { SOURCE_KINDS, type SourceKind } from '../../core/types.js';
import { isHttpUrl } from '../../fetch/url.js';
import { discoverSource } from '../../pipeline/discover-source.js';
import { parseOpml, writeOpml } from '../../sources/opml.js';
import type { Source, Store } from '../../store/types.js';
import type { CliContext } from '../context.js';
import { buildServices } from '../services.js';

interface AddOptions {
  kind?: string;
  tag: string[];
  every?: string;
  title?: string;
}

const collect = (v: string, prev: string[]) => [...prev, v];

function checkKind(kind: string | undefined): SourceKind | undefined {
  if (kind === undefined) return undefined;
  if (!SOURCE_KINDS.includes(kind as SourceKind)) throw new ReadoutError('input', `unknown --kind "${kind}"`, { hint: `use ${SOURCE_KINDS.join('|')}` });
  return kind as SourceKind;
}

function checkUrl(url: string): void {
  if (!isHttpUrl(url)) throw new ReadoutError('input', `"${url}" is not an http(s) URL`, { hint: 'sources are web addresses; use `readout ingest` for local files' });
}

async function resolveSource(store: Store, ref: string): Promise<Source> {
  const source = await store.getSource(/^\d+$/.test(ref) ? Number(ref) : ref);
  if (!source) throw new ReadoutError('input', `no source "${ref}"`, { hint: 'see `readout sources list` for ids and URLs' });
  return source;
}

export function formatSource(s: Source): string {
  const health = s.failureStreak > 0 ? `FAILING x${s.failureStreak}` : s.lastSuccessAt ? 'ok' : 'never polled';
  const lines = [
    `#${s.id} [${s.kind}] ${s.title ?? '(untitled)'}${s.enabled ? '' : ' (disabled)'}`,
    `    ${s.url}`,
    `    every ${formatDuration(s.intervalSeconds * 1000)}${s.tags.length ? `  tags: ${s.tags.join(', ')}` : ''}  health: ${health}  items seen: ${s.itemsSeen}`,
    `    last success: ${s.lastSuccessAt ?? '-'}  next poll: ${s.nextPollAt ?? 'now'}`,
  ];
  if (s.lastError) lines.push(`    last error (${s.lastErrorAt}): ${s.lastError}`);
  return lines.join('\n');
}

export function registerSources(program: Command, ctx: CliContext): void {
  const sources = program.command('sources').description('manage monitored sources (feeds, sitemaps, pages, comment feeds)');

  sources
    .command('add')
    .description('add a source; without --kind the URL is fetched and its kind discovered')
    .argument('<url>')
    .option('--kind <kind>', SOURCE_KINDS.join('|'))
    .option('--tag <tag>', 'tag (repeatable)', collect, [])
    .option('--every <interval>', 'poll interval, e.g. 5m, 1h (default: scheduler.defaultInterval)')
    .option('--title <title>', 'display name (default: the feed title)')
    .action(async (url: string, opts: AddOptions) => {
      checkUrl(url);
      let kind = checkKind(opts.kind);
      const intervalMs = opts.every ? parseDuration(opts.every, '--every') : ctx.config().scheduler.defaultIntervalMs;
      if (intervalMs < 60_000) throw new ReadoutError('input', `--every ${opts.every} is too frequent`, { hint: 'poll at most once a minute' });
      let title = opts.title ?? null;
      if (!kind) {
        const svc = await buildServices(ctx);
        try {
          const found = await discoverSource(svc.fetcher, url);
          ctx.err(`discovered: ${found.reason}`);
          url = found.url;
          kind = found.kind;
          title ??= found.title;
        } finally {
          await svc.fetcher.close();
        }
      }
      const store = await ctx.store();
      if (await store.getSource(url)) throw new ReadoutError('input', `${url} is already a source`, { hint: 'see `readout sources list`' });
      const source = await store.addSource({ url, kind, title, tags: opts.tag, intervalSeconds: Math.round(intervalMs / 1000) });
      ctx.out(formatSource(source));
    });

  sources
    .command('list')
    .description('list sources with their health (last success, last error, items seen, failure streak)')
    .option('--json', 'JSON output')
    .action(async (opts: { json?: boolean }) => {
      const list = await (await ctx.store()).listSources();
      if (opts.json) return ctx.out(JSON.stringify(list, null, 2));
      if (list.length === 0) return ctx.err('no sources yet: add one with `readout sources add URL`');
      ctx.out(list.map(formatSource).join('\n'));
    });

  sources
    .command('remove')
    .description('remove a source (its stored articles stay)')
    .argument('<id-or-url>')
    .action(async (ref: string) => {
      const store = await ctx.store();
      const source = await resolveSource(store, ref);
      await store.removeSource(source.id);
      ctx.err(`removed source #${source.id} ${source.url}`);
    });

  sources
    .command('import')
    .description('add every feed of an OPML file (outline titles become tags)')
    .argument('<file.opml>')
    .option('--every <interval>', 'poll interval for imported sources')
    .action(async (file: string, opts: { every?: string }) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (err) {
        throw new ReadoutError('input', `cannot read ${file}: ${describeError(err)}`);
      }
      const entries = parseOpml(text);
      const intervalSeconds = Math.round((opts.every ? parseDuration(opts.every, '--every') : ctx.config().scheduler.defaultIntervalMs) / 1000);
      const store = await ctx.store();
      let added = 0;
      for (const e of entries) {
        if (!isHttpUrl(e.url)) {
          ctx.err(`${file}: skipped "${e.url}" (not an http(s) URL)`);
          continue;
        }
        if (await store.getSource(e.url)) continue;
        await store.addSource({ url: e.url, kind: e.kind ?? 'feed', title: e.title, tags: e.tags, intervalSeconds });
        added++;
      }
      ctx.err(`imported ${added} new source(s) of ${entries.length} in ${file}`);
    });

  sources
    .command('export')
    .description('print the sources as OPML')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action(async (opts: { output?: string }) => {
      const opml = writeOpml((await (await ctx.store()).listSources()).map((s) => ({ url: s.url, title: s.title, kind: s.kind, tags: s.tags })));
      if (opts.output) writeFileSync(opts.output, opml);
      else ctx.out(opml);
    });
}
