// Run by test/api/limits.memory.test.ts as `node --expose-gc --import tsx` (its own process, so
// the numbers are this server's alone): serves the API (listen() of `readout serve`, body limit
// 4 MiB), sends itself a burst of bodies just under the limit and far over it (declared and
// chunked, with and without a token), and prints the answers and memory before and after as JSON.
import { join } from 'node:path';
import { createApp } from '../../src/api/app.js';
import { generateToken } from '../../src/api/auth.js';
import { close, listen } from '../../src/cli/commands/serve.js';
import { loadConfig } from '../../src/config/config.js';
import { silentLogger } from '../../src/core/logger.js';
import { openStore } from '../../src/store/open.js';
import { upload, type UploadOptions } from './upload.js';

const MB = 1024 * 1024;
const LIMIT = 4 * MB;
const ROUNDS = Number(process.argv[2] ?? 6);

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const settle = async () => {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setImmediate(r));
    gc();
  }
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external + m.arrayBuffers };
};

const dir = process.argv[3]!;
const store = await openStore(join(dir, 'readout.db'), silentLogger());
const { token, hash } = generateToken();
await store.createApiToken({ name: 'viewer', role: 'viewer', hash });
const config = loadConfig({ env: {}, overrides: { dataDir: dir, api: { limits: { bodyBytes: LIMIT, ratePerMinute: 0 } } } });
const { server } = await listen(createApp({ store, config, logger: silentLogger() }), '127.0.0.1', 0, config.api.limits);
const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
const auth = { authorization: `Bearer ${token}` };
const rule = JSON.stringify({ name: 'burst', match: { types: ['THREATEN'] }, deliver: [] });

const kinds: Record<string, UploadOptions> = {
  underLimit: { bytes: LIMIT - 1, prefix: rule, headers: auth },
  overDeclared: { bytes: 64 * MB, headers: auth, stubborn: true },
  overChunked: { bytes: 64 * MB, chunked: true, headers: auth, stubborn: true },
  noToken: { bytes: 64 * MB, chunked: true, stubborn: true },
};

// One round first, so what is allocated once (JIT, pools, the store's caches) is in the baseline.
const statuses: Record<string, number[]> = {};
const round = async () => {
  await Promise.all(
    Object.entries(kinds).map(async ([kind, o]) => {
      const r = await upload(base, '/rules/test', o);
      (statuses[kind] ??= []).push(r.status ?? 0);
    }),
  );
};
await round();
const baseline = await settle();
let peakRss = 0;
for (let i = 0; i < ROUNDS; i++) {
  await round();
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const after = await settle();
await close(server);
await store.close();
process.stdout.write(JSON.stringify({ statuses, baseline, after, peakRss }) + '\n');
