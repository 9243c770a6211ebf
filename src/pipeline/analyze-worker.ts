// Worker-thread entry of the analysis pool (src/pipeline/analyze-pool.ts): loads the registry
// once, then analyses one article per message. analyzeArticle is pure, so nothing else is shared.
import { parentPort, workerData } from 'node:worker_threads';
import type { Analysis, ArticleInput } from '../analyze/types.js';
import type { RegistryOptions } from '../registry/load.js';
import { analyzeWith, loadAnalysisRegistry, type AnalysisRegistry } from './analyze-registry.js';

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
  let registry: AnalysisRegistry | null = null;
  try {
    registry = loadAnalysisRegistry(data.registry);
    port.postMessage({ type: 'ready', registryVersion: registry.version } satisfies WorkerMessage);
  } catch (err) {
    port.postMessage({ type: 'fatal', error: `loading the actor registry failed: ${message(err)}` } satisfies WorkerMessage);
  }
  port.on('message', (req: AnalyzeRequest) => {
    if (!registry) return;
    let reply: WorkerMessage;
    try {
      reply = { type: 'result', id: req.id, analysis: analyzeWith(registry, req.input) };
    } catch (err) {
      reply = { type: 'error', id: req.id, error: message(err) };
    }
    port.postMessage(reply);
  });
}
