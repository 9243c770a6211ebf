// `readout extract FILE.html [--url URL] --json` and `--batch FILE.jsonl`: saved page →
// article (contract: shared/contracts/cli.md). Batch mode streams: one input line in, one
// JSON line out, so memory stays flat however long the list; a bad record prints
// {"id", "error"} and the batch goes on.
import type { Command } from 'commander';
import { ReadoutError } from '../../core/errors.js';
import type { ExtractedPage } from '../../core/types.js';
import { decodeText } from '../../extract/charset.js';
import { extractPage } from '../../extract/page.js';
import { binaryKind } from '../../sources/detect.js';
import { runFileBatch } from '../batch.js';
import { readLocalFile } from '../local-file.js';
import type { CliContext } from '../context.js';

/** Pages above this are refused: no real article needs it, and parsing cost grows with size. */
export const MAX_PAGE_BYTES = 10 * 1024 * 1024;

interface ExtractOptions {
  url?: string;
  json?: boolean;
  batch?: string;
}

/** The contract's JSON shape (a subset of ExtractedPage, in the contract's key order). */
export function toJsonRecord(page: ExtractedPage): Record<string, unknown> {
  return {
    url: page.canonicalUrl ?? page.url,
    title: page.title,
    byline: page.byline,
    published: page.published,
    language: page.language,
    kind: page.kind,
    text: page.text,
    comments: page.comments.map((c) => ({ author: c.author, published: c.published, text: c.text })),
  };
}

/**
 * Reads, checks and decodes one page file; errors are ReadoutErrors naming the file. `warn`
 * hears what decoding overrode or repaired (a declared charset the bytes contradict, NULs).
 */
export async function readPageFile(path: string, warn?: (message: string) => void): Promise<string> {
  const bytes = await readLocalFile(path, { maxBytes: MAX_PAGE_BYTES, what: 'page', hint: 'save the article page alone, not an archive or a media file' });
  const binary = binaryKind(bytes);
  if (binary) throw new ReadoutError('input', `${path}: not an HTML page (looks like ${binary})`);
  const decoded = decodeText(bytes);
  for (const w of decoded.warnings) warn?.(`${path}: ${w}`);
  return decoded.text;
}

/** A short view for people: metadata lines, then the text and the comment count. */
export function formatHuman(page: ExtractedPage): string {
  const lines = [
    `Title:     ${page.title ?? '-'}`,
    `By:        ${page.byline ?? '-'}`,
    `Published: ${page.published ?? '-'}`,
    `URL:       ${page.canonicalUrl ?? page.url ?? '-'}`,
    `Language:  ${page.language}    Kind: ${page.kind}${page.section ? `    Section: ${page.section}` : ''}`,
    '',
    page.text || '(no article text found)',
  ];
  if (page.comments.length) {
    lines.push('', `--- ${page.comments.length} reader comment${page.comments.length === 1 ? '' : 's'} ---`);
    for (const c of page.comments.slice(0, 5)) {
      const who = [c.author ?? 'anonymous', c.published].filter(Boolean).join(', ');
      lines.push(`${who}: ${c.text.length > 200 ? `${c.text.slice(0, 200)}…` : c.text}`);
    }
    if (page.comments.length > 5) lines.push(`… and ${page.comments.length - 5} more`);
  }
  return lines.join('\n');
}

export function registerExtract(program: Command, ctx: CliContext): void {
  program
    .command('extract')
    .description('extract the article (text, metadata, reader comments) from a saved HTML page')
    .argument('[file]', 'saved HTML page (any encoding)')
    .option('--url <url>', 'the address the page was fetched from (resolves links, hints the kind and date)')
    .option('--batch <file>', 'JSON Lines of {"id", "path", "url"}: one output line per record')
    .option('--json', 'print JSON (always on in batch mode)')
    .action(async (file: string | undefined, opts: ExtractOptions) => {
      if (opts.batch) {
        await runFileBatch(opts.batch, ctx, 'extract', async (rec) => ({ ...toJsonRecord(extractPage(await readPageFile(rec.path, (w) => ctx.err(`readout: ${w}`)), rec.url)) }));
        return;
      }
      if (!file) throw new ReadoutError('input', 'extract: give an HTML file or --batch FILE.jsonl');
      const html = await readPageFile(file, (w) => ctx.err(`readout: ${w}`));
      const page = extractPage(html, opts.url ?? null);
      ctx.out(opts.json ? JSON.stringify(toJsonRecord(page)) : formatHuman(page));
    });
}
