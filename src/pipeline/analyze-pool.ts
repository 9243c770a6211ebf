// Runs analyzeArticle off the main thread: a small pool of worker threads (analyze-worker.ts),
// each loading the registry once, one article at a time per worker. A worker that crashes or
// overruns the time limit fails only the article it was analysing; the pool starts a new one.
// When no worker can start (e.g. running from .ts sources without tsx), analysis runs in-thread.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Analysis, ArticleInput } from '../analyze/types.js';
import type { Logger } from '../core/logger.js';
import { analyzeArticle } from '../analyze/analyze.js';
import { loadRegistry, type RegistryOptions } from '../registry/load.js';
import type { AnalyzeRequest, AnalyzeWorkerData, WorkerMessage } from './analyze-worker.js';

export interface Analyzer {
  /** Worker threads in use; 0 when analysing in the calling thread. */
  readonly threads: number;
  /** Version of the registry the analyses are made with (analysis.analyzer.registry). */
  readonly registryVersion: string;
  /** Analyses one article; `label` names it in errors ("article 12 (https://…)"). */
  analyze(input: ArticleInput, label: string): Promise<Analysis>;
  /** Stops the workers; analyses still running are rejected. */
  close(): Promise<void>;
}

/** An analysis that failed: `crashed` when the worker died or timed out, else analyzeArticle threw. */
export class AnalysisError extends Error {
  constructor(
    message: string,
    readonly crashed: boolean,
  ) {
    super(message);
    this.name = 'AnalysisError';
  }
}

export interface AnalyzerOptions {
  registry: RegistryOptions;
  /** Worker threads; 0 analyses in the calling thread. */
  threads: number;
  logger: Logger;
  /** Per-article limit before the worker is replaced (default 2 minutes). */
  timeoutMs?: number;
  /** Worker entry override (tests). */
  entry?: URL;
}

/** Analysis in the calling thread (blocks the event loop while it runs). */
export function inThreadAnalyzer(registryOptions: RegistryOptions): Analyzer {
  const registry = loadRegistry(registryOptions);
  return {
    threads: 0,
    registryVersion: registry.version,
    analyze: async (input, label) => {
      try {
        return analyzeArticle(input, registry);
      } catch (err) {
        throw new AnalysisError(`analysis of ${label} failed: ${err instanceof Error ? err.message : String(err)}`, false);
      }
    },
    close: async () => undefined,
  };
}

/** A worker-thread pool, or in-thread analysis when the first worker cannot start. */
export async function createAnalyzer(options: AnalyzerOptions): Promise<Analyzer> {
  if (options.threads < 1) return inThreadAnalyzer(options.registry);
  const pool = new ThreadPool(options);
  try {
    await pool.start();
    return pool;
  } catch (err) {
    await pool.close();
    options.logger.warn({ stage: 'analyze', err: err instanceof Error ? err.message : String(err) }, 'analysis worker threads cannot start; analysing in the main thread');
    return inThreadAnalyzer(options.registry);
  }
}

const OWN_URL = import.meta.url;

/** The worker entry next to this module: .ts when running from sources (tsx, vitest), else .js. */
export function workerEntry(): URL {
  return new URL(OWN_URL.endsWith('.ts') ? './analyze-worker.ts' : './analyze-worker.js', OWN_URL);
}

/** Node 20 does not apply `--import tsx` to a worker's own entry: register tsx's hooks inside, then import it. */
function tsxBootstrap(entry: URL): string {
  const require = createRequire(OWN_URL);
  const pkgPath = require.resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { exports: Record<string, { import?: { default?: string } }> };
  const api = pkg.exports['./esm/api']?.import?.default;
  if (!api) throw new Error('tsx has no ./esm/api export');
  const apiUrl = pathToFileURL(join(dirname(pkgPath), api)).href;
  return `import(${JSON.stringify(apiUrl)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`;
}

interface Task {
  id: number;
  input: ArticleInput;
  label: string;
  resolve(a: Analysis): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  task: Task | null;
  timer: NodeJS.Timeout | null;
  /** Why the worker is being stopped by the pool, for the task it was running. */
  killed: string | null;
}

const MAX_START_FAILURES = 3;

class ThreadPool implements Analyzer {
  private readonly slots = new Set<Slot>();
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closing = false;
  private startFailures = 0;
  registryVersion = '';

  constructor(private readonly options: AnalyzerOptions) {}

  get threads(): number {
    return this.options.threads;
  }

  /** Starts the first worker and waits until it has loaded the registry; then the others. */
  async start(): Promise<void> {
    const first = this.spawn();
    await new Promise<void>((resolve, reject) => {
      first.worker.once('message', (m: WorkerMessage) => {
        if (m.type === 'ready') {
          this.registryVersion = m.registryVersion;
          resolve();
        } else reject(new Error(m.type === 'fatal' ? m.error : 'unexpected message'));
      });
      first.worker.once('error', reject);
      first.worker.once('exit', (code) => reject(new Error(`the worker exited (code ${code}) before it was ready`)));
    });
    for (let i = 1; i < this.options.threads; i++) this.spawn();
  }

  analyze(input: ArticleInput, label: string): Promise<Analysis> {
    if (this.closing) return Promise.reject(new AnalysisError(`analysis of ${label} refused: the analysis pool is closed`, true));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, input, label, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const task of this.queue.splice(0)) task.reject(new AnalysisError(`analysis of ${task.label} cancelled: the analysis pool closed`, true));
    await Promise.all([...this.slots].map((s) => {
      s.killed = 'the analysis pool closed';
      return s.worker.terminate();
    }));
  }

  private spawn(): Slot {
    const entry = this.options.entry ?? workerEntry();
    const workerData: AnalyzeWorkerData = { registry: this.options.registry };
    const worker = entry.pathname.endsWith('.ts')
      ? new Worker(tsxBootstrap(entry), { eval: true, workerData })
      : new Worker(entry, { workerData });
    const slot: Slot = { worker, ready: false, task: null, timer: null, killed: null };
    this.slots.add(slot);
    worker.unref(); // an idle worker never keeps the process alive; see run()
    worker.on('message', (m: WorkerMessage) => this.onMessage(slot, m));
    worker.on('error', (err) => {
      slot.killed ??= err.message || err.name;
    });
    worker.on('exit', (code) => this.onExit(slot, code));
    return slot;
  }

  private onMessage(slot: Slot, m: WorkerMessage): void {
    if (m.type === 'ready') {
      slot.ready = true;
      this.startFailures = 0;
    } else if (m.type === 'fatal') {
      slot.killed = m.error;
      void slot.worker.terminate();
      return;
    } else {
      const task = slot.task;
      if (!task || task.id !== m.id) return;
      this.finish(slot);
      if (m.type === 'result') task.resolve(m.analysis);
      else task.reject(new AnalysisError(`analysis of ${task.label} failed: ${m.error}`, false));
    }
    this.dispatch();
  }

  private onExit(slot: Slot, code: number): void {
    this.slots.delete(slot);
    const task = slot.task;
    const wasReady = slot.ready;
    this.finish(slot);
    if (task) task.reject(new AnalysisError(`analysis of ${task.label} failed: its worker thread stopped (${slot.killed ?? `exit code ${code}`})`, true));
    if (this.closing) return;
    if (!wasReady) this.startFailures++;
    if (this.startFailures >= MAX_START_FAILURES && this.slots.size === 0) {
      for (const t of this.queue.splice(0)) t.reject(new AnalysisError(`analysis of ${t.label} failed: no analysis worker can start (${slot.killed ?? `exit code ${code}`})`, true));
      return;
    }
    this.options.logger.warn({ stage: 'analyze', code, err: slot.killed }, 'analysis worker stopped; starting another');
    this.spawn();
    this.dispatch();
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
    slot.worker.unref();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.ready || slot.task || slot.killed) continue;
      this.run(slot, this.queue.shift()!);
    }
  }

  private run(slot: Slot, task: Task): void {
    slot.task = task;
    slot.worker.ref(); // a busy worker keeps the process alive until its answer arrives
    const timeoutMs = this.options.timeoutMs ?? 120_000;
    slot.timer = setTimeout(() => {
      slot.killed = `no result after ${Math.round(timeoutMs / 1000)} s`;
      void slot.worker.terminate();
    }, timeoutMs);
    slot.timer.unref();
    slot.worker.postMessage({ id: task.id, input: task.input } satisfies AnalyzeRequest);
  }
}
