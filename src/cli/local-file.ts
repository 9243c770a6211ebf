// Reads one local file for the file commands (extract, feed): a size limit checked before
// reading and again after inflating gzip (archived pages and feeds are often .gz), and
// ReadoutErrors that name the file.
import { open } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { describeError, ReadoutError } from '../core/errors.js';

export interface LocalFileLimits {
  maxBytes: number;
  /** What the file should be, for messages: "page", "feed". */
  what: string;
  hint: string;
}

export async function readLocalFile(path: string, limits: LocalFileLimits): Promise<Buffer> {
  const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
  const tooLarge = (size: string) =>
    new ReadoutError('too-large', `${path}: ${size} is over the ${limits.maxBytes / 1048576} MB ${limits.what} limit`, { hint: limits.hint });
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    throw new ReadoutError('input', `${path}: cannot read (${describeError(err)})`, { hint: 'check the file path', cause: err });
  }
  let bytes: Buffer;
  try {
    const { size } = await handle.stat();
    if (size > limits.maxBytes) throw tooLarge(mb(size));
    bytes = await handle.readFile();
  } catch (err) {
    if (err instanceof ReadoutError) throw err;
    throw new ReadoutError('input', `${path}: cannot read (${describeError(err)})`, { hint: 'check that it is a readable file', cause: err });
  } finally {
    await handle.close();
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: limits.maxBytes });
    } catch (err) {
      if (err instanceof RangeError || (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge('the decompressed content');
      throw new ReadoutError('input', `${path}: broken gzip data (${describeError(err)})`, { hint: 'the file was cut short or is not really gzip', cause: err });
    }
  }
  return bytes;
}
