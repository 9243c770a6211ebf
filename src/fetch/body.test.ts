import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { describe, it, expect } from 'vitest';
import { isReadoutError } from '../core/errors.js';
import { parseContentEncoding, readBody } from './body.js';

const URL_ = 'http://example.test/doc';
const text = Buffer.from('<html><body>' + 'Readout body text. '.repeat(500) + '</body></html>');

/** A source that yields `data` in chunks, like a socket would. */
function source(data: Buffer, chunk = 4096): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < data.length; i += chunk) parts.push(data.subarray(i, i + chunk));
  return Readable.from(parts);
}

describe('parseContentEncoding', () => {
  it('returns layers in decoding order without identity', () => {
    expect(parseContentEncoding(undefined)).toEqual([]);
    expect(parseContentEncoding('identity')).toEqual([]);
    expect(parseContentEncoding('GZIP')).toEqual(['gzip']);
    expect(parseContentEncoding('gzip, br')).toEqual(['br', 'gzip']);
  });
});

describe('readBody', () => {
  it('passes plain bodies through', async () => {
    expect((await readBody(source(text), [], 1e6, URL_)).equals(text)).toBe(true);
  });

  it('decodes gzip, br, zlib deflate, raw deflate and stacked encodings', async () => {
    const cases: [Buffer, string[]][] = [
      [zlib.gzipSync(text), ['gzip']],
      [zlib.brotliCompressSync(text), ['br']],
      [zlib.deflateSync(text), ['deflate']],
      [zlib.deflateRawSync(text), ['deflate']],
      [zlib.brotliCompressSync(zlib.gzipSync(text)), parseContentEncoding('gzip, br')],
    ];
    for (const [encoded, encodings] of cases) {
      const out = await readBody(source(encoded, 512), encodings, 1e6, URL_);
      expect(out.equals(text), encodings.join()).toBe(true);
    }
  });

  it('returns an empty body for an empty encoded response', async () => {
    expect((await readBody(Readable.from([]), ['gzip'], 1e6, URL_)).length).toBe(0);
  });

  it('stops a raw body past the limit', async () => {
    const err = await readBody(source(Buffer.alloc(200_000)), [], 100_000, URL_).catch((e: unknown) => e);
    expect(isReadoutError(err, 'too-large')).toBe(true);
  });

  it('stops a gzip bomb after the limit, not after inflating it all', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(32 * 1024 * 1024)); // ~32 KB on the wire
    expect(bomb.length).toBeLessThan(64 * 1024);
    const before = process.memoryUsage().arrayBuffers;
    const err = await readBody(source(bomb), ['gzip'], 1024 * 1024, URL_).catch((e: unknown) => e);
    expect(isReadoutError(err, 'too-large')).toBe(true);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 1024 * 1024);
  });

  it('stops a brotli bomb too', async () => {
    const fast = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } };
    const bomb = zlib.brotliCompressSync(Buffer.alloc(32 * 1024 * 1024), fast);
    const err = await readBody(source(bomb), ['br'], 1024 * 1024, URL_).catch((e: unknown) => e);
    expect(isReadoutError(err, 'too-large')).toBe(true);
  });

  it('reports corrupt compression and unknown encodings as fetch errors naming the URL', async () => {
    const corrupt = await readBody(source(Buffer.from('definitely not gzip')), ['gzip'], 1e6, URL_).catch((e: unknown) => e);
    expect(isReadoutError(corrupt, 'fetch')).toBe(true);
    expect((corrupt as Error).message).toContain(URL_);
    const unknown = await readBody(source(text), ['zstd'], 1e6, URL_).catch((e: unknown) => e);
    expect(isReadoutError(unknown, 'fetch')).toBe(true);
  });

  it('rethrows errors of the source unchanged for the caller to classify', async () => {
    const failing = new Readable({
      read() {
        this.destroy(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
      },
    });
    await expect(readBody(failing, ['gzip'], 1e6, URL_)).rejects.toMatchObject({ code: 'ECONNRESET' });
  });
});
