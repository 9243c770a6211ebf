// Worker-thread entry of the analysis pool (src/pipeline/analyze-pool.ts): loads the registry
// once, then analyses one article per message. analyzeArticle is pure, so nothing else is shared.
import { parentPort, workerData } from 'node:worker_threads';
import type { Analysis, ArticleInput } from '../analyze/types.js';
import { analyzeArticle } from '../analyze/analyze.js';
import { loadRegistry, type RegistryOptions } from '../registry/load.js';
import type { Registry } from '../registry/types.js';

export interface AnalyzeRequest {
  id: number;
  input: ArticleInput;
}

export type WorkerMessage =
  | { type: 'ready'; registryVersion: string }
  | { type: 'fatal'; error: string }
  | { type: 'result'; id: number; analysis: Analysis }
  | { type: 'error'; id: number; error: string };

export interface AnalyzeWorkerData {
  registry: RegistryOptions;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message || err.name : String(err);
}

if (parentPort) {
  const port = parentPort;
  const data = workerData as AnalyzeWorkerData;
  let registry: Registry | null = null;
  try {
    registry = loadRegistry(data.registry);
    port.postMessage({ type: 'ready', registryVersion: registry.version } satisfies WorkerMessage);
  } catch (err) {
    port.postMessage({ type: 'fatal', error: `loading the actor registry failed: ${message(err)}` } satisfies WorkerMessage);
  }
  port.on('message', (req: AnalyzeRequest) => {
    if (!registry) return;
    let reply: WorkerMessage;
    try {
      reply = { type: 'result', id: req.id, analysis: analyzeArticle(req.input, registry) };
    } catch (err) {
      reply = { type: 'error', id: req.id, error: message(err) };
    }
    port.postMessage(reply);
  });
}
