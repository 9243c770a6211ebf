// Reads a response body into a Buffer, decoding Content-Encoding and enforcing the size limit
// while streaming: on the wire bytes (whatever Content-Length claims) and again after every
// decoding layer, so a gzip bomb is stopped after `limit` bytes of output, not after it has
// filled the memory. Every stage is pull-based (async iteration), so zlib only inflates as
// fast as we consume.
import { Readable, pipeline } from 'node:stream';
import zlib from 'node:zlib';
import { ReadoutError } from '../core/errors.js';

export const ACCEPT_ENCODING = 'gzip, deflate, br';

export function tooLargeError(url: string, limit: number): ReadoutError {
  return new ReadoutError('too-large', `Response body of ${url} exceeds ${limit} bytes`, {
    hint: 'Raise fetch.maxBodyBytes if this document is legitimately that large.',
  });
}

/** Content-Encoding values in the order they must be undone (last applied first); identity dropped. */
export function parseContentEncoding(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== '' && e !== 'identity')
    .reverse();
}

/**
 * Collects `body`, undoing `encodings` (from parseContentEncoding). Throws ReadoutError
 * 'too-large' past `limit` bytes (raw or decoded) and 'fetch' for an unsupported or corrupt
 * encoding; errors of the source itself (timeouts, resets) are rethrown unchanged for the
 * caller to classify. The source is destroyed on any failure.
 */
export async function readBody(body: Readable, encodings: readonly string[], limit: number, url: string): Promise<Buffer> {
  const state: { failure: unknown } = { failure: undefined };
  let stream: AsyncIterable<Buffer> = countBytes(body, limit, url, state);
  for (const encoding of encodings) stream = decodeLayer(stream, encoding, url);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += chunk.length;
      if (total > limit) throw tooLargeError(url, limit);
      chunks.push(chunk);
    }
  } catch (err) {
    body.destroy();
    // Failures of the source (size, timeout, reset) are recorded where they happen: once they
    // have travelled through zlib they may look like a premature close. The caller maps them.
    if (state.failure !== undefined) throw state.failure;
    if (err instanceof ReadoutError) throw err;
    throw decodeError(url, err);
  }
  return Buffer.concat(chunks, total);
}

async function* countBytes(body: Readable, limit: number, url: string, state: { failure: unknown }): AsyncGenerator<Buffer> {
  let raw = 0;
  try {
    for await (const chunk of body) {
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      raw += buf.length;
      if (raw > limit) throw tooLargeError(url, limit);
      yield buf;
    }
  } catch (err) {
    state.failure = err;
    throw err;
  }
}

async function* decodeLayer(input: AsyncIterable<Buffer>, encoding: string, url: string): AsyncGenerator<Buffer> {
  const it = input[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) return; // empty body (e.g. 204 with a Content-Encoding header): nothing to decode
  const decoder = createDecoder(encoding, first.value, url);
  async function* replay(): AsyncGenerator<Buffer> {
    yield first.value;
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      yield next.value;
    }
  }
  const source = Readable.from(replay(), { objectMode: false });
  pipeline(source, decoder, () => {
    // Errors reach us through the iteration below; nothing to do here.
  });
  try {
    for await (const chunk of decoder) yield chunk as Buffer;
  } finally {
    source.destroy();
    decoder.destroy();
  }
}

function createDecoder(encoding: string, firstChunk: Buffer, url: string): zlib.Gunzip | zlib.Inflate | zlib.InflateRaw | zlib.BrotliDecompress {
  // Tolerate a truncated final block like browsers do, rather than failing the whole document.
  const zopts = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip(zopts);
    case 'deflate':
      // "deflate" should be zlib-wrapped, but some servers send raw deflate: sniff the header.
      return hasZlibHeader(firstChunk) ? zlib.createInflate(zopts) : zlib.createInflateRaw(zopts);
    case 'br':
      return zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
    default:
      throw new ReadoutError('fetch', `Unsupported Content-Encoding "${encoding}" from ${url}`, {
        hint: 'The server ignored our Accept-Encoding (gzip, deflate, br); report it to the site owner.',
      });
  }
}

function hasZlibHeader(chunk: Buffer): boolean {
  const cmf = chunk[0];
  const flg = chunk[1];
  if (cmf === undefined || flg === undefined) return true;
  return (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0;
}

function decodeError(url: string, err: unknown): ReadoutError {
  const detail = err instanceof Error ? err.message : String(err);
  return new ReadoutError('fetch', `Could not read the body of ${url}: ${detail}`, {
    cause: err,
    hint: 'The response was cut off or its compression is corrupt; it will be retried later.',
  });
}
