// GET /articles/{id}/raw: the document the article was extracted from, as archived (the raw
// archive keeps every fetched or ingested body gzip-compressed under its sha256, src/store/raw.ts).
// It lets an analyst check what the extractor saw. The bytes are decoded with the extract
// stage's charset logic (src/extract/charset.ts: BOM, Content-Type, <meta>, detection), so the
// text reads as the article text was read. The answer is JSON, capped at MAX_BYTES of the
// document so a huge page cannot swell a response. An ingested JSON Lines record's raw document
// is its line; a feed item whose text came in the feed shares the feed's document.
import { z } from '@hono/zod-openapi';
import { decodeText } from '../extract/charset.js';
import { detectDocument, type DocumentType } from '../sources/detect.js';
import type { ApiApp, RouteDeps } from './app.js';
import { notFound } from './errors.js';
import { apiRoute, json } from './schemas.js';

/** The most bytes of the document an answer carries (2 MiB). */
export const MAX_BYTES = 2 * 1024 * 1024;

/** A Content-Type for a document archived without one (ingested files). */
const SNIFFED: Record<DocumentType, string> = {
  html: 'text/html', feed: 'application/xml', sitemap: 'application/xml', opml: 'text/x-opml', jsonl: 'application/x-ndjson', text: 'text/plain', binary: 'application/octet-stream',
};

const RawDocument = z
  .object({
    id: z.number().int().openapi({ description: 'the article id' }),
    hash: z.string().openapi({ description: 'sha256 of the document: its key in the raw archive' }),
    url: z.string(),
    finalUrl: z.string().openapi({ description: 'after redirects' }),
    status: z.number().int().openapi({ description: 'the HTTP status it was fetched with (200 for ingested files)' }),
    fetchedAt: z.string(),
    contentType: z.string().openapi({ description: 'the response\'s Content-Type, else one sniffed from the bytes (ingested files)' }),
    charset: z.string().openapi({ description: 'the charset the bytes were decoded with' }),
    bytes: z.number().int().openapi({ description: 'the size of the whole document in bytes' }),
    truncated: z.boolean().openapi({ description: `true when raw holds only the first ${MAX_BYTES} bytes` }),
    raw: z.string().openapi({ description: 'the document as text' }),
  })
  .openapi('RawDocument');

const route = apiRoute('articles', {
  method: 'get',
  path: '/articles/{id}/raw',
  summary: 'the raw document the article was extracted from, as archived (decoded to text, at most 2 MiB); 404 when none was archived',
  request: { params: z.object({ id: z.coerce.number().int().min(1).openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: json(RawDocument, 'the raw document') },
});

function header(headers: Record<string, string>, name: string): string | null {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? null : (headers[key] ?? null);
}

export function registerArticleRaw(app: ApiApp, deps: RouteDeps): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const article = await deps.store.getArticle(id);
    if (!article) throw notFound(`no article ${id}`);
    if (!article.rawHash) throw notFound(`article ${id} has no archived raw document (it was stored without one)`);
    const doc = await deps.store.getRaw(article.rawHash);
    if (!doc) throw notFound(`article ${id}'s raw document (sha256 ${article.rawHash}) is not in the archive`);
    const truncated = doc.body.length > MAX_BYTES;
    const body = truncated ? doc.body.subarray(0, MAX_BYTES) : doc.body;
    const contentType = header(doc.headers, 'content-type') ?? SNIFFED[detectDocument(body, { path: doc.finalUrl })];
    const text = decodeText(body, contentType);
    return c.json({
      id, hash: article.rawHash, url: doc.url, finalUrl: doc.finalUrl, status: doc.status, fetchedAt: doc.fetchedAt,
      contentType, charset: text.charset, bytes: doc.body.length, truncated, raw: text.text,
    }, 200);
  });
}
