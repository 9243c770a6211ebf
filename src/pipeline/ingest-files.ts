// `readout ingest`: local files (saved HTML, plain text, feed XML, JSON Lines exports, or a
// directory of them) go through the same extract → store path as fetched articles.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { describeError, ReadoutError } from '../core/errors.js';
import { quoteInput, webUrlProblem } from '../core/limits.js';
import type { RawResponse } from '../core/types.js';
import { decodeText } from '../extract/charset.js';
import { extractPage } from '../extract/page.js';
import { detectDocument } from '../sources/detect.js';
import { parseFeed } from '../sources/feed.js';
import { enqueueFeedItems } from './poll.js';
import type { Services } from './services.js';
import { storeArticle, type StoreArticleResult } from './store-article.js';
import { pageFromText } from './text-page.js';

export interface IngestSummary {
  file: string;
  read: number;
  stored: number;
  duplicates: number;
  /** Feed items queued for fetching because the feed carried no full text. */
  queued: number;
  errors: number;
  messages: string[];
}

/** Expands directories (recursively, sorted, skipping dot-files) into files. */
export function listFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (!name.startsWith('.')) walk(join(p, name));
    } else if (st.isFile()) out.push(resolve(p));
  };
  for (const p of paths) {
    try {
      walk(p);
    } catch (err) {
      throw new ReadoutError('input', `cannot read ${p}: ${describeError(err)}`, { hint: 'check the path exists and is readable' });
    }
  }
  return out;
}

export async function ingestFile(svc: Services, file: string): Promise<IngestSummary> {
  const summary: IngestSummary = { file, read: 0, stored: 0, duplicates: 0, queued: 0, errors: 0, messages: [] };
  const fail = (msg: string) => {
    summary.errors++;
    summary.messages.push(msg);
  };
  const size = statSync(file).size;
  if (size > svc.config.fetch.maxBodyBytes) {
    fail(`${file}: ${size} bytes is over the ${svc.config.fetch.maxBodyBytes}-byte limit (fetch.maxBodyBytes); split the file or raise the limit`);
    return summary;
  }
  const body = readFileSync(file);
  const url = pathToFileURL(file).href;
  const type = detectDocument(body, { path: file });
  const raw: RawResponse = { url, finalUrl: url, status: 200, headers: {}, body, fetchedAt: svc.now().toISOString() };
  const count = (r: StoreArticleResult, what: string) => {
    if (r.status === 'inserted') summary.stored++;
    else if (r.status === 'duplicate') summary.duplicates++;
    else fail(`${what}: no article text found`);
  };
  const base = { sourceId: null, sourceName: null, fetchedAt: raw.fetchedAt };
  // A charset overridden or control bytes dropped: logged, the file still goes in.
  const warn = (message: string) => svc.logger.warn({ stage: 'ingest', file }, `decoding: ${message}`);
  const decode = () => {
    const decoded = decodeText(body);
    decoded.warnings.forEach(warn);
    return decoded.text;
  };
  switch (type) {
    case 'html': {
      summary.read = 1;
      const rawHash = await svc.store.putRaw(raw);
      const page = extractPage(decode(), null);
      count(await storeArticle(svc.store, { ...base, url: page.canonicalUrl ?? url, page, rawHash }), file);
      break;
    }
    case 'text': {
      summary.read = 1;
      const rawHash = await svc.store.putRaw(raw);
      count(await storeArticle(svc.store, { ...base, url, page: pageFromText(decode(), null), rawHash }), file);
      break;
    }
    case 'feed': {
      const rawHash = await svc.store.putRaw(raw);
      const feed = parseFeed(body, null, { label: file, warn });
      summary.read = feed.items.length;
      const toFetch = [];
      for (const item of feed.items) {
        const linkProblem = item.link ? webUrlProblem(item.link) : null;
        if (item.link && linkProblem) {
          fail(`${file}: item ${quoteInput(item.id)}: link ${quoteInput(item.link)} ${linkProblem}; skipped`);
          continue;
        }
        const fullText = item.content ?? '';
        // A feed that carries the full text needs no fetch; a teaser-only item is fetched.
        if (fullText.length >= 400 || !item.link) {
          if (!fullText && !item.summary) {
            fail(`${file}: item ${item.id} has no text and no web link`);
            continue;
          }
          const page = pageFromText(fullText || item.summary || '', item.title, { published: item.published, byline: item.author });
          count(await storeArticle(svc.store, { ...base, url: item.link ?? `${url}#${encodeURIComponent(item.id)}`, page, rawHash }), `${file} item ${item.id}`);
        } else toFetch.push(item);
      }
      summary.queued = await enqueueFeedItems(svc.store, null, toFetch, 0).catch((err: unknown) => {
        fail(describeError(err));
        return 0;
      });
      break;
    }
    case 'jsonl':
      await ingestJsonLines(svc, body.toString('utf8'), file, summary, count);
      break;
    case 'opml':
    case 'sitemap':
      fail(`${file} is ${type === 'opml' ? 'an OPML subscription list' : 'a sitemap'}, not articles: use \`readout sources import\` or \`readout sources add\``);
      break;
    case 'binary':
      fail(`${file} looks binary (not HTML, text, a feed or JSON Lines); skipped`);
      break;
  }
  return summary;
}

const JsonRecord = z
  .object({
    url: z.string().superRefine((url, ctx) => {
      const problem = webUrlProblem(url);
      if (problem) ctx.addIssue({ code: 'custom', message: `"url" ${quoteInput(url)} ${problem}; line skipped` });
    }),
    title: z.string().nullish(),
    published: z.string().nullish(),
    source: z.string().nullish(),
    text: z.string().optional(),
    html: z.string().optional(),
  })
  .refine((r) => r.text !== undefined || r.html !== undefined, { message: 'needs "text" or "html"' });

async function ingestJsonLines(
  svc: Services,
  content: string,
  file: string,
  summary: IngestSummary,
  count: (r: StoreArticleResult, what: string) => void,
): Promise<void> {
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    summary.read++;
    const where = `${file}:${i + 1}`;
    let record: z.infer<typeof JsonRecord>;
    try {
      const parsed = JsonRecord.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'invalid record');
      record = parsed.data;
    } catch (err) {
      summary.errors++;
      summary.messages.push(`${where}: ${describeError(err)}`);
      continue;
    }
    const page =
      record.html !== undefined
        ? extractPage(record.html, record.url)
        : pageFromText(record.text ?? '', record.title ?? null, { published: record.published ?? null });
    if (record.title) page.title = record.title;
    if (record.published) page.published = record.published;
    const fetchedAt = svc.now().toISOString();
    const rawHash = await svc.store.putRaw({ url: record.url, finalUrl: record.url, status: 200, headers: { 'x-readout-import': file }, body: Buffer.from(line), fetchedAt });
    count(await storeArticle(svc.store, { url: record.url, page, sourceId: null, sourceName: record.source ?? null, rawHash, fetchedAt }), where);
  }
}
