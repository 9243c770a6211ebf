import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';
import { writeRows, type RowSpec } from './write.js';

const spec: RowSpec<number> = { columns: ['n', 'label'], row: (n) => ({ n, label: `row, ${n}` }) };

async function* numbers(count: number, pulled?: { n: number }): AsyncGenerator<number> {
  for (let i = 1; i <= count; i++) {
    if (pulled) pulled.n = i;
    yield i;
  }
}

/** A slow sink with a tiny buffer: write() soon returns false, so the writer must wait for 'drain'. */
function slowSink(): { stream: Writable; text: () => string; maxPending: () => number } {
  const chunks: string[] = [];
  let pending = 0;
  let maxPending = 0;
  const stream = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _enc, done) {
      pending++;
      maxPending = Math.max(maxPending, pending);
      setTimeout(() => {
        pending--;
        chunks.push(chunk.toString());
        done();
      }, 1);
    },
  });
  return { stream, text: () => chunks.join(''), maxPending: () => maxPending };
}

describe('writeRows', () => {
  it('writes a CSV header and every row, waiting for drain (backpressure)', async () => {
    const sink = slowSink();
    let drains = 0;
    sink.stream.on('drain', () => drains++);
    const result = await writeRows(numbers(2000), spec, 'csv', sink.stream, { chunkBytes: 2048 });
    await new Promise<void>((resolve) => sink.stream.end(resolve));
    expect(result).toEqual({ rows: 2000, complete: true });
    const records = parseCsv(sink.text());
    expect(records[0]).toEqual(['n', 'label']);
    expect(records.length).toBe(2001);
    expect(records[2000]).toEqual(['2000', 'row, 2000']);
    expect(drains).toBeGreaterThan(0);
  });

  it('does not pull rows faster than the sink drains', async () => {
    const pulled = { n: 0 };
    let written = 0;
    let maxAhead = 0;
    const stream = new Writable({
      highWaterMark: 100,
      write(chunk: Buffer, _enc, done) {
        written += chunk.toString().split('\n').length - 1;
        maxAhead = Math.max(maxAhead, pulled.n - written);
        setTimeout(done, 1);
      },
    });
    await writeRows(numbers(3000, pulled), spec, 'jsonl', stream, { chunkBytes: 512 });
    // One chunk (~512 bytes ≈ 20 rows) in flight at most, never thousands of rows buffered.
    expect(maxAhead).toBeLessThan(60);
  });

  it('writes JSONL objects with the row keys, and stops at the limit', async () => {
    const chunks: string[] = [];
    const stream = new Writable({ write: (c: Buffer, _e, done) => (chunks.push(c.toString()), done()) });
    const result = await writeRows(numbers(10), spec, 'jsonl', stream, { limit: 3 });
    expect(result.rows).toBe(3);
    expect(chunks.join('').trim().split('\n').map((l) => JSON.parse(l) as unknown)).toEqual([1, 2, 3].map((n) => ({ n, label: `row, ${n}` })));
  });

  it('stops quietly when the reader closes the pipe (EPIPE), and rethrows other stream errors', async () => {
    const epipe = new Writable({ write: (_c, _e, done) => done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })) });
    const r = await writeRows(numbers(100_000), spec, 'csv', epipe, { chunkBytes: 64 });
    expect(r.complete).toBe(false);
    expect(r.rows).toBeLessThan(100_000);
    const broken = new Writable({ write: (_c, _e, done) => done(Object.assign(new Error('disk full'), { code: 'ENOSPC' })) });
    await expect(writeRows(numbers(100_000), spec, 'csv', broken, { chunkBytes: 64 })).rejects.toThrow('disk full');
  });
});
