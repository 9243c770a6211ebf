// `npm run bench -- load`: the API under concurrent load. A generated SQLite store of ~3,000
// analysed articles (bench/generate.ts) served by `readout serve --no-watch` in a child process
// on 127.0.0.1 (loopback only, a free port), and autocannon in this process: each route for a
// fixed time with 50 connections, then /health probed while the common-word search runs, which
// shows whether one heavy route stalls everybody (SQLite reads are synchronous and share one
// connection). Prints rps, p50, p99, max and errors per route as a Markdown table.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type Result } from 'autocannon';
import { stringify } from 'yaml';
import { generateToken } from '../src/api/auth.js';
import { loadConfig } from '../src/config/config.js';
import { silentLogger } from '../src/core/logger.js';
import { openStore } from '../src/store/open.js';
import { generateStoreFile } from './generate.js';

/** Everything the load benchmark can be tuned by, in one place. */
export const LOAD = {
  /** The tester's store had 3,018 articles. */
  articles: 3018,
  connections: 50,
  seconds: 10,
  /** Unmeasured load on each route first (JIT, SQLite's page cache, first-use code paths). */
  warmupSeconds: 2,
  /** Connections of the /health probe that runs beside the common-word search. */
  healthConnections: 2,
  /** The server's config (written to the YAML file `readout serve --config` reads). */
  /**
   * The server's config (written to the YAML file `readout serve --config` reads). Per-token rate
   * limiting (api.limits.ratePerMinute) would turn most of the load into 429s: off here. Two API
   * processes, one per core (api.processes): `READOUT_BENCH_PROCESSES=1` measures one.
   */
  server: { api: { host: '127.0.0.1', port: 0, processes: Number(process.env.READOUT_BENCH_PROCESSES ?? 2), limits: { ratePerMinute: 0 } }, log: { level: 'warn' } } as Record<string, unknown>,
};

// The generated store starts 2023-01-01 at 100 articles a day; "ministry envoy" and "firm reply" are frequent.
const ROUTES: [string, string][] = [
  ['search, two common words (relevance)', '/search?q=ministry%20envoy'],
  ['articles, limit=500', '/articles?limit=500'],
  ['articles (default page)', '/articles'],
  ['search, phrase', '/search?q=%22firm%20reply%22'],
  ['timeline (dyad)', '/timeline?dyad=USA-PRK'],
];
const HEALTH_BESIDE = 0; // the route /health is probed beside

export interface LoadRow {
  name: string;
  path: string;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  requests: number;
  /** Socket errors, timeouts and non-2xx answers. */
  errors: number;
}

function row(name: string, path: string, r: Result): LoadRow {
  return { name, path, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, requests: r.requests.total, errors: r.errors + r.timeouts + r.non2xx };
}

/** The server config: LOAD.server with the store, checked against the config schema. */
function serverConfig(db: string): Record<string, unknown> {
  const config = { ...LOAD.server, db };
  loadConfig({ env: {}, overrides: config });
  return config;
}

function startServer(configPath: string): Promise<{ child: ChildProcess; origin: string }> {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), 'serve', configPath], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /readout API on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve({ child, origin: m[1]! });
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening: ${out}`)));
  });
}

async function check(origin: string, path: string, headers: Record<string, string>): Promise<void> {
  const r = await fetch(origin + path, { headers });
  const body = (await r.json()) as { items?: unknown[] };
  if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(body)}`);
  if (Array.isArray(body.items) && body.items.length === 0) throw new Error(`${path}: an empty result (the generated store does not fit the query)`);
}

/** autocannon on url from a child process, so the probe does not share an event loop with the load. */
function probe(url: string): Promise<Result> {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), 'probe', url], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  return new Promise((resolve, reject) => child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as Result) : reject(new Error(`the /health probe failed (${code})`)))));
}

const run = (origin: string, path: string, headers: Record<string, string>, connections: number) =>
  autocannon({ url: origin + path, connections, duration: LOAD.seconds, headers });

export async function benchLoad(): Promise<LoadRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'readout-bench-load-'));
  let server: ChildProcess | undefined;
  try {
    const db = join(dir, 'bench.db');
    const summary = generateStoreFile(db, LOAD.articles);
    const store = await openStore(db, silentLogger());
    const { token, hash } = generateToken();
    await store.createApiToken({ name: 'load', role: 'viewer', hash });
    await store.close();
    const config = serverConfig(db);
    writeFileSync(join(dir, 'readout.yaml'), stringify(config));
    console.log(`\nAPI under load (autocannon, ${LOAD.connections} connections, ${LOAD.seconds} s a route, loopback) over a generated SQLite store of ${summary.articles} articles; server config ${JSON.stringify({ ...config, db: undefined })}:`);
    const started = await startServer(join(dir, 'readout.yaml'));
    server = started.child;
    const { origin } = started;
    const headers = { authorization: `Bearer ${token}` };
    const rows: LoadRow[] = [];
    for (const [name, path] of ROUTES) {
      await check(origin, path, headers);
      await autocannon({ url: origin + path, connections: LOAD.connections, duration: LOAD.warmupSeconds, headers });
      rows.push(row(name, path, await run(origin, path, headers, LOAD.connections)));
    }
    const [name, path] = ROUTES[HEALTH_BESIDE]!;
    const [, health] = await Promise.all([run(origin, path, headers, LOAD.connections), probe(origin + '/health')]);
    rows.push(row(`/health beside "${name}"`, '/health', health));
    console.log('\n| route | rps | p50 ms | p99 ms | max ms | requests | errors |\n|---|---|---|---|---|---|---|');
    for (const r of rows) console.log(`| ${r.name} \`${r.path}\` | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.max} | ${r.requests} | ${r.errors} |`);
    return rows;
  } finally {
    server?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

// The children: `tsx bench/load.ts serve CONFIG` runs `readout --config CONFIG serve --no-watch`;
// `tsx bench/load.ts probe URL` runs autocannon on URL and prints its result as JSON.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [what, arg] = process.argv.slice(2);
  if (what === 'serve' && arg) {
    const { main } = await import('../src/cli/main.js');
    process.exitCode = await main(['node', 'readout', '--config', arg, 'serve', '--no-watch']);
  } else if (what === 'probe' && arg) {
    console.log(JSON.stringify(await autocannon({ url: arg, connections: LOAD.healthConnections, duration: LOAD.seconds })));
  } else {
    await benchLoad();
  }
}
