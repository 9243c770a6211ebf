// `readout feed FILE [--url URL] --json` and `--batch FILE.jsonl`: saved feed document →
// items (contract: shared/contracts/cli.md). Gzip files are decompressed (saved responses
// often are). Batch mode streams one JSON line per record; a bad record prints
// {"id", "error"} and the batch goes on.
import type { Command } from 'commander';
import { ReadoutError } from '../../core/errors.js';
import type { ParsedFeed } from '../../core/types.js';
import { parseFeed } from '../../sources/feed.js';
import { runFileBatch } from '../batch.js';
import { readLocalFile } from '../local-file.js';
import type { CliContext } from '../context.js';

/** Feed files above this (before or after decompression) are refused. */
export const MAX_FEED_BYTES = 10 * 1024 * 1024;

interface FeedOptions {
  url?: string;
  json?: boolean;
  batch?: string;
}

/** Reads one feed file (gunzipping it when compressed) and parses it; errors name the file. */
export async function readFeedFile(path: string, baseUrl: string | null): Promise<ParsedFeed> {
  const bytes = await readLocalFile(path, {
    maxBytes: MAX_FEED_BYTES,
    what: 'feed',
    hint: 'a feed document is normally well under 1 MB; check that this is the right file',
  });
  return parseFeed(bytes, baseUrl, { label: path });
}

/** The contract's JSON shape (extra fields: content, commentsFeed). */
export function feedToJson(feed: ParsedFeed): Record<string, unknown> {
  return {
    title: feed.title,
    link: feed.link,
    items: feed.items.map((i) => ({
      id: i.id,
      title: i.title,
      link: i.link,
      published: i.published,
      author: i.author,
      summary: i.summary,
      content: i.content,
      commentsFeed: i.commentsFeed,
    })),
  };
}

/** A short listing for people. */
export function formatFeed(feed: ParsedFeed): string {
  const lines = [`${feed.title ?? '(untitled feed)'}${feed.link ? `  <${feed.link}>` : ''}`, `${feed.items.length} item${feed.items.length === 1 ? '' : 's'}`];
  feed.items.forEach((item, k) => {
    lines.push('', `${k + 1}. ${item.title ?? '(no title)'}`);
    const meta = [item.published?.slice(0, 16).replace('T', ' '), item.author].filter(Boolean).join(' · ');
    if (meta) lines.push(`   ${meta}`);
    lines.push(`   ${item.link ?? item.id}`);
  });
  return lines.join('\n');
}

export function registerFeed(program: Command, ctx: CliContext): void {
  program
    .command('feed')
    .description('parse a saved feed document (RSS 0.9x/1.0/2.0, Atom, JSON Feed) and list its items')
    .argument('[file]', 'saved feed file (any encoding, may be gzip-compressed)')
    .option('--url <url>', 'the address the feed was fetched from (resolves relative links)')
    .option('--batch <file>', 'JSON Lines of {"id", "path", "url"?}: one output line per record')
    .option('--json', 'print JSON (always on in batch mode)')
    .action(async (file: string | undefined, opts: FeedOptions) => {
      if (opts.batch) {
        await runFileBatch(opts.batch, ctx, 'feed', async (rec) => feedToJson(await readFeedFile(rec.path, rec.url)));
        return;
      }
      if (!file) throw new ReadoutError('input', 'feed: give a feed file or --batch FILE.jsonl', { hint: 'see `readout feed --help`' });
      const feed = await readFeedFile(file, opts.url ?? null);
      ctx.out(opts.json ? JSON.stringify(feedToJson(feed)) : formatFeed(feed));
    });
}
