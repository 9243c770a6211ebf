// The file format both linear models ship in (data/models/*.bin.gz): a magic word, the length of a
// JSON header and the header, the feature hashes (u32), one weight per hash and column quantised to
// 16 bits with one scale, then any extra float32 values (the tagger's transition matrix). Sections
// are padded to 4 bytes and copied out on reading, so alignment never depends on the header.
import { gunzipSync, gzipSync } from 'node:zlib';

export interface WeightsFile<H> {
  header: H;
  hashes: Uint32Array;
  /** rows × columns, row-major. */
  weights: Float32Array;
  extra: Float32Array;
}

const pad = (len: number): Buffer => Buffer.alloc((4 - (len % 4)) % 4);

export function packWeights(magic: string, header: object, hashes: Uint32Array, weights: Float32Array, extra: Float32Array = new Float32Array(0)): Buffer {
  let maxAbs = 0;
  for (const w of weights) maxAbs = Math.max(maxAbs, Math.abs(w));
  const scale = maxAbs / 32767 || 1;
  const q = Int16Array.from(weights, (w) => Math.round(w / scale));
  const json = Buffer.from(JSON.stringify({ ...header, rows: hashes.length, scale }), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length);
  const bytes = (a: Uint32Array | Int16Array | Float32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  return gzipSync(Buffer.concat([Buffer.from(magic), len, json, pad(json.length), bytes(hashes), bytes(q), pad(q.byteLength), bytes(extra)]), { level: 9 });
}

/** Reads a file written by packWeights; `columns` weights per hash and `extra` trailing floats. `what` names the model in errors. */
export function unpackWeights<H>(gz: Buffer, magic: string, what: string, columns: number, extra = 0): WeightsFile<H> {
  const buf = gunzipSync(gz);
  if (buf.subarray(0, magic.length).toString() !== magic) throw new Error(`not a Readout ${what} model`);
  let at = magic.length;
  const hlen = buf.readUInt32LE(at);
  at += 4;
  const { rows, scale, ...header } = JSON.parse(buf.subarray(at, at + hlen).toString('utf8')) as H & { rows: number; scale: number };
  at += hlen + pad(hlen).length;
  const copy = (bytes: number): ArrayBuffer => buf.buffer.slice(buf.byteOffset + at, buf.byteOffset + at + bytes);
  const hashes = new Uint32Array(copy(rows * 4));
  at += rows * 4;
  const q = new Int16Array(copy(rows * columns * 2));
  at += q.byteLength + pad(q.byteLength).length;
  return { header: header as H, hashes, weights: Float32Array.from(q, (x) => x * scale), extra: new Float32Array(copy(extra * 4)) };
}
