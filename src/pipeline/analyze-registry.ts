// The registry as the analysis pool loads it (once per worker thread). Actors passed as `extra`
// (confirmed candidate actors from the store) are part of the version stored with each analysis,
// so confirming a candidate makes earlier analyses stale for `readout reanalyze`.
import { createHash } from 'node:crypto';
import { analyzeArticle } from '../analyze/analyze.js';
import type { Analysis, ArticleInput } from '../analyze/types.js';
import { loadRegistry, type RegistryOptions } from '../registry/load.js';
import type { Registry } from '../registry/types.js';

export interface AnalysisRegistry {
  registry: Registry;
  /** registry.version, plus a hash of the extra actors when there are any. */
  version: string;
}

export function loadAnalysisRegistry(options: RegistryOptions): AnalysisRegistry {
  const registry = loadRegistry(options);
  const extra = options.extra ?? [];
  if (extra.length === 0) return { registry, version: registry.version };
  const hash = createHash('sha256');
  for (const a of [...extra].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) hash.update(`${a.id}\u0000${a.type}\u0000${a.name}\u0000${a.country ?? ''}\n`);
  return { registry, version: `${registry.version}+extra.${hash.digest('hex').slice(0, 10)}` };
}

export function analyzeWith(loaded: AnalysisRegistry, input: ArticleInput): Analysis {
  const analysis = analyzeArticle(input, loaded.registry);
  analysis.analyzer = { ...analysis.analyzer, registry: loaded.version };
  return analysis;
}
