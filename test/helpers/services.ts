// Services for tests: a fresh store, a fetcher allowed to reach 127.0.0.1, quiet logs.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import { silentLogger } from '../../src/core/logger.js';
import { createFetcher } from '../../src/fetch/http.js';
import type { Services } from '../../src/pipeline/services.js';
import { openStore } from '../../src/store/open.js';

export interface TestServicesOptions {
  db?: string;
  fetch?: Record<string, unknown>;
  scheduler?: Record<string, unknown>;
  alerts?: Record<string, unknown>;
  now?: () => Date;
}

export function tempDir(tag: string): string {
  return mkdtempSync(join(tmpdir(), `readout-${tag}-`));
}

export async function testServices(options: TestServicesOptions = {}): Promise<Services> {
  const config = loadConfig({
    env: {},
    overrides: {
      dataDir: tempDir('data'),
      fetch: { allowPrivate: ['127.0.0.1'], minDelay: '0s', connectTimeout: '2s', readTimeout: '2s', ...options.fetch },
      scheduler: { workers: 2, ...options.scheduler },
      ...(options.alerts ? { alerts: options.alerts } : {}),
    },
  });
  const logger = silentLogger();
  const store = await openStore(options.db ?? join(config.dataDir, 'test.db'), logger);
  return { store, fetcher: createFetcher(config.fetch, logger), logger, config, now: options.now ?? (() => new Date()) };
}

export async function closeServices(svc: Services): Promise<void> {
  await svc.fetcher.close();
  await svc.store.close();
}
