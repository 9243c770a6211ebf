import { afterEach, describe, expect, it } from 'vitest';
import type { Analysis } from '../analyze/types.js';
import { silentLogger } from '../core/logger.js';
import { AnalysisError, createAnalyzer, type Analyzer } from './analyze-pool.js';

// A stand-in worker (self-contained, so it loads as a data: URL): echoes the text, throws for
// THROW, dies for CRASH, never answers for HANG.
const FAKE_WORKER = `
import { parentPort } from 'node:worker_threads';
parentPort.postMessage({ type: 'ready', registryVersion: 'fake' });
parentPort.on('message', ({ id, input }) => {
  if (input.text === 'THROW') return parentPort.postMessage({ type: 'error', id, error: 'cannot analyse this' });
  if (input.text === 'CRASH') setImmediate(() => { throw new Error('worker blew up'); });
  else if (input.text === 'HANG') for (;;);
  else parentPort.postMessage({ type: 'result', id, analysis: { document: { text: input.text }, thread: process.pid } });
});`;
const fakeEntry = new URL(`data:text/javascript,${encodeURIComponent(FAKE_WORKER)}`);
const input = (text: string) => ({ text, published: '2026-03-10' });

describe('analysis pool', () => {
  let analyzer: Analyzer | null = null;
  afterEach(async () => {
    await analyzer?.close();
    analyzer = null;
  });

  it('runs the real analyzer in worker threads, loading the TypeScript entry under vitest', async () => {
    analyzer = await createAnalyzer({ registry: {}, threads: 2, logger: silentLogger() });
    expect(analyzer.threads).toBe(2);
    const text = 'Foreign Minister Anna Kowal said on Monday that talks would resume.';
    const results = await Promise.all([1, 2, 3].map((i) => analyzer!.analyze(input(text), `article ${i}`)));
    for (const a of results) {
      expect(a.document.text).toBe(text);
      expect(a.entities.some((e) => e.type === 'person')).toBe(true);
      expect(a.analyzer.registry).toBe(analyzer.registryVersion);
    }
  });

  it('fails only the job that throws or crashes, replaces the crashed worker, and goes on', async () => {
    analyzer = await createAnalyzer({ registry: {}, threads: 2, logger: silentLogger(), entry: fakeEntry, timeoutMs: 1500 });
    expect(analyzer.threads).toBe(2);
    const runs = ['a', 'THROW', 'b', 'CRASH', 'c', 'HANG', 'd', 'e'].map((t, i) => analyzer!.analyze(input(t), `article ${i + 1}`));
    const settled = await Promise.allSettled(runs);
    const ok = settled.flatMap((s) => (s.status === 'fulfilled' ? [(s.value as Analysis).document.text] : []));
    expect(ok.sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    const errors = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as AnalysisError] : []));
    expect(errors.map((e) => [e.message.match(/^analysis of (article \d)/)?.[1], e.crashed])).toEqual([
      ['article 2', false],
      ['article 4', true],
      ['article 6', true],
    ]);
    expect(errors[0]!.message).toMatch(/cannot analyse this/);
    expect(errors[1]!.message).toMatch(/worker thread stopped.*blew up/);
    expect(errors[2]!.message).toMatch(/no result after/);
    // Replacement workers keep serving.
    expect((await analyzer.analyze(input('after'), 'article 9')).document.text).toBe('after');
  });

  it('rejects work after close, and cancels what was waiting', async () => {
    analyzer = await createAnalyzer({ registry: {}, threads: 1, logger: silentLogger(), entry: fakeEntry });
    const waiting = [analyzer.analyze(input('HANG'), 'article 1'), analyzer.analyze(input('x'), 'article 2')];
    const settling = Promise.allSettled(waiting);
    await analyzer.close();
    const settled = await settling;
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
    await expect(analyzer.analyze(input('y'), 'article 3')).rejects.toThrow(/pool is closed/);
  });

  it('analyses in the calling thread when no worker can start, or when asked to (0 threads)', async () => {
    analyzer = await createAnalyzer({ registry: {}, threads: 2, logger: silentLogger(), entry: new URL('file:///nonexistent/analyze-worker.js') });
    expect(analyzer.threads).toBe(0);
    expect((await analyzer.analyze(input('Anna Kowal spoke.'), 'article 1')).document.text).toBe('Anna Kowal spoke.');
    await analyzer.close();
    analyzer = await createAnalyzer({ registry: {}, threads: 0, logger: silentLogger() });
    expect(analyzer.threads).toBe(0);
    await expect(analyzer.analyze({ text: null as unknown as string, published: null }, 'article 7')).rejects.toMatchObject({ crashed: false, message: expect.stringMatching(/^analysis of article 7 failed/) });
  });
});
