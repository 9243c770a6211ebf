// Configuration is parsed once (defaults < config file < environment < flags) into one typed,
// validated object. Nothing else in the code base reads process.env.
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, homedir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { parseDuration } from '../core/duration.js';
import { ReadoutError } from '../core/errors.js';
import { DASHBOARD_DIR } from '../core/dashboard-dir.js';

const duration = z.union([z.string(), z.number()]);
/** alerts.logSinks: a sink's name, and its file (one plain name: no separator, no leading dot, so never "." or ".."). */
export const SINK_NAME = /^[A-Za-z0-9][\w-]{0,63}$/;
const SINK_FILE = /^[A-Za-z0-9_][\w.-]{0,127}$/;

const ConfigSchema = z
  .object({
    db: z.string().min(1).optional(),
    dataDir: z.string().min(1).optional(),
    log: z.object({ level: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info') }).default({ level: 'info' }),
    fetch: z
      .object({
        userAgent: z.string().min(1).default('ReadoutBot/0.1 (+https://github.com/readout/readout; media monitoring)'),
        minDelay: duration.default('2s'),
        connectTimeout: duration.default('10s'),
        readTimeout: duration.default('30s'),
        /** Hard limit for one fetch (robots.txt, redirects and body included); must stay under scheduler.leaseTime. */
        totalTimeout: duration.default('90s'),
        maxBodyBytes: z.number().int().positive().default(10 * 1024 * 1024),
        maxRedirects: z.number().int().min(0).max(5).default(5),
        respectRobots: z.boolean().default(true),
        robotsCache: duration.default('1h'),
        allowPrivate: z.array(z.string()).default([]),
      })
      .strict()
      .prefault({}),
    scheduler: z
      .object({
        defaultInterval: duration.default('15m'),
        jitter: z.number().min(0).max(1).default(0.1),
        maxBackoff: duration.default('6h'),
        workers: z.number().int().min(1).max(64).default(4),
        leaseTime: duration.default('2m'),
        maxAttempts: z.number().int().min(1).max(50).default(5),
        /** Times a job is taken back from a worker that died before it fails (a job that kills its worker every time must stop). */
        maxReclaims: z.number().int().min(1).max(100).default(5),
      })
      .strict()
      .prefault({}),
    registry: z
      .object({
        /** Extra actor files (YAML), loaded after the shipped registry. */
        files: z.array(z.string().min(1)).default([]),
        /** Where `readout actors add|merge` writes; default: actors.yaml in the data folder. */
        userFile: z.string().min(1).optional(),
      })
      .strict()
      .prefault({}),
    analyze: z
      .object({
        /** Worker threads that analyse articles; 0 = in the main thread. Default: one per core but one, at least 1. */
        workers: z.number().int().min(0).max(64).optional(),
      })
      .strict()
      .prefault({}),
    api: z
      .object({
        /** Where `readout serve` listens (default: this machine only). */
        host: z.string().min(1).default('127.0.0.1'),
        /** TCP port; 0 picks a free one. */
        port: z.number().int().min(0).max(65535).default(8787),
        /** API processes sharing the port (node:cluster): each its own event loop and store connection. */
        processes: z.number().int().min(1).max(64).default(1),
        /** The built dashboard served under /ui/ (default: the package's web/dist). */
        dashboardDir: z.string().min(1).optional(),
        /** Request bounds (src/api/limits.ts, src/api/rate-limit.ts, src/api/http-guard.ts). */
        limits: z
          .object({
            /** Largest request body, checked before the token (Content-Length) and while reading. */
            bodyBytes: z.number().int().positive().default(64 * 1024),
            /** Per-route overrides: "POST /rules/test": 262144 ({id} matches one path segment). */
            routeBodyBytes: z
              .record(z.string(), z.number().int().positive())
              .superRefine((routes, ctx) => {
                for (const key of Object.keys(routes)) {
                  if (!/^(GET|POST|PUT|PATCH|DELETE) \/\S*$/.test(key)) ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" is not "METHOD /path" (e.g. "POST /rules/test")` });
                }
              })
              .default({}),
            /** Request line plus headers (Node's maxHeaderSize): 431 beyond. */
            headerBytes: z.number().int().min(1024).default(16 * 1024),
            /** Path plus query string: 414 beyond. */
            urlBytes: z.number().int().min(256).default(8 * 1024),
            /** Requests a token (or, without a valid token, a client address) may make per minute; 0 = no limit. */
            ratePerMinute: z.number().int().min(0).default(600),
            /** Requests allowed at once above the steady rate (token bucket size). */
            rateBurst: z.number().int().min(1).default(300),
          })
          .strict()
          .prefault({}),
        /** Relevance search ranks only this many of the newest matches (bounded work per request). */
        search: z
          .object({
            rankCandidates: z.number().int().min(50).max(1_000_000).default(1000),
            /** /articles and /search serve at most this many items a page; a larger `limit` is clamped (follow nextCursor). */
            maxPageSize: z.number().int().min(1).max(500).default(200),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),
    alerts: z
      .object({
        /** Watch rules in YAML (`rules: [...]`), loaded by watch/serve and `readout rules sync`. */
        rulesFile: z.string().min(1).optional(),
        /** How long a webhook may take to answer. */
        webhookTimeout: duration.default('10s'),
        /** Attempts per delivery (retries wait 5 s, 20 s, 80 s …). */
        maxAttempts: z.number().int().min(1).max(20).default(5),
        /**
         * Named JSON Lines files a rule's `log` delivery may write ({kind: log, sink: NAME}): plain
         * file names inside <dataDir>/alerts/. Only the operator names files; a rule never does.
         */
        logSinks: z.record(z.string().regex(SINK_NAME, 'sink names use letters, digits, _ and - (up to 64)'), z.string().regex(SINK_FILE, 'a sink is a plain file name inside <dataDir>/alerts/ (no folder, no "..", not absolute), e.g. desk.jsonl')).default({}),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export interface Config {
  db: string;
  dataDir: string;
  logLevel: string;
  fetch: {
    userAgent: string;
    minDelayMs: number;
    connectTimeoutMs: number;
    readTimeoutMs: number;
    /** Hard limit for one whole fetch; shorter than scheduler.leaseMs (checked when loading). */
    totalTimeoutMs: number;
    maxBodyBytes: number;
    maxRedirects: number;
    respectRobots: boolean;
    robotsCacheMs: number;
    allowPrivate: string[];
  };
  scheduler: {
    defaultIntervalMs: number;
    jitter: number;
    maxBackoffMs: number;
    workers: number;
    leaseMs: number;
    maxAttempts: number;
    maxReclaims: number;
  };
  registry: {
    files: string[];
    /** Read with the other files when it exists; written by `readout actors add|merge`. */
    userFile: string;
  };
  analyze: {
    /** Analysis worker threads (0 = analyse in the main thread). */
    workers: number;
  };
  api: {
    /** `readout serve`: address and port to listen on. */
    host: string;
    port: number;
    /** `readout serve`: API processes sharing the port (1: the API runs in the serve process itself). */
    processes: number;
    /** Folder of the built web dashboard (web/dist unless configured). */
    dashboardDir: string;
    limits: ApiLimits;
    /** Relevance search: how many of the newest matches are ranked; the largest page of /articles and /search. */
    search: { rankCandidates: number; maxPageSize: number };
  };
  alerts: {
    /** YAML rules file, or null. */
    rulesFile: string | null;
    webhookTimeoutMs: number;
    maxAttempts: number;
    /** Log sink name → file name, inside logDir. */
    logSinks: Record<string, string>;
    /** <dataDir>/alerts: the only folder a log delivery writes in. */
    logDir: string;
  };
}

/** Bounds on API requests (config api.limits; docs/api.md "Limits"). */
export interface ApiLimits {
  bodyBytes: number;
  /** "METHOD /path" → bytes. */
  routeBodyBytes: Record<string, number>;
  headerBytes: number;
  urlBytes: number;
  /** 0 = no rate limit. */
  ratePerMinute: number;
  rateBurst: number;
}

/** Default analysis threads: every core but one for the main thread, at least one. */
export function defaultAnalyzeWorkers(): number {
  return Math.max(1, availableParallelism() - 1);
}

export interface ConfigInputs {
  /** Path given with --config (else READOUT_CONFIG, else ./readout.yaml when present). */
  configPath?: string;
  /** --db flag. */
  db?: string;
  /** Process environment (passed in so tests can control it). */
  env?: NodeJS.ProcessEnv;
  /** Overrides applied last (flags, tests). */
  overrides?: Record<string, unknown>;
}

export function defaultDataDir(env: NodeJS.ProcessEnv = {}): string {
  if (env.READOUT_DATA_DIR) return env.READOUT_DATA_DIR;
  const base = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'readout');
}

function readConfigFile(path: string): Record<string, unknown> {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ReadoutError('config', `cannot read config file ${path}`, { hint: 'check the path given with --config or READOUT_CONFIG', cause: err });
  }
  try {
    const parsed: unknown = parseYaml(raw);
    if (parsed === null || parsed === undefined) return {};
    if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('the top level must be a mapping');
    return parsed as Record<string, unknown>;
  } catch (err) {
    throw new ReadoutError('config', `config file ${path} is not valid YAML: ${(err as Error).message}`, { hint: 'fix the YAML syntax' });
  }
}

function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && prev && typeof prev === 'object' && !Array.isArray(prev)
        ? deepMerge(prev as Record<string, unknown>, v as Record<string, unknown>)
        : v;
  }
  return out;
}

export function loadConfig(inputs: ConfigInputs = {}): Config {
  const env = inputs.env ?? {};
  const path = inputs.configPath ?? env.READOUT_CONFIG ?? (existsSync('readout.yaml') ? 'readout.yaml' : undefined);
  let raw: Record<string, unknown> = path ? readConfigFile(path) : {};
  const fromEnv: Record<string, unknown> = {};
  if (env.READOUT_DB) fromEnv.db = env.READOUT_DB;
  if (env.READOUT_DATA_DIR) fromEnv.dataDir = env.READOUT_DATA_DIR;
  if (env.READOUT_LOG_LEVEL) fromEnv.log = { level: env.READOUT_LOG_LEVEL };
  if (env.READOUT_WEB_DIST) fromEnv.api = { dashboardDir: env.READOUT_WEB_DIST };
  raw = deepMerge(raw, fromEnv);
  if (inputs.db) raw.db = inputs.db;
  if (inputs.overrides) raw = deepMerge(raw, inputs.overrides);

  const result = ConfigSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.join('.') || '(top level)';
    throw new ReadoutError('config', `bad config value at ${where}${path ? ` in ${path}` : ''}: ${issue.message}`, {
      hint: 'see the Configuration section of README.md',
    });
  }
  const c = result.data;
  const dataDir = c.dataDir ?? defaultDataDir(env);
  const totalTimeoutMs = parseDuration(c.fetch.totalTimeout, 'fetch.totalTimeout');
  const leaseMs = parseDuration(c.scheduler.leaseTime, 'scheduler.leaseTime');
  // A job's lease must outlast the fetch it runs, so a slow server never gets a job leased twice
  // (workers also renew leases while a job runs; this holds even when a renewal is late).
  if (leaseMs <= totalTimeoutMs) {
    throw new ReadoutError('config', `scheduler.leaseTime (${c.scheduler.leaseTime}) must be longer than fetch.totalTimeout (${c.fetch.totalTimeout})${path ? ` in ${path}` : ''}`, {
      hint: 'raise scheduler.leaseTime or lower fetch.totalTimeout',
    });
  }
  return {
    db: c.db ?? join(dataDir, 'readout.db'),
    dataDir,
    logLevel: c.log.level,
    fetch: {
      userAgent: c.fetch.userAgent,
      minDelayMs: parseDuration(c.fetch.minDelay, 'fetch.minDelay'),
      connectTimeoutMs: parseDuration(c.fetch.connectTimeout, 'fetch.connectTimeout'),
      readTimeoutMs: parseDuration(c.fetch.readTimeout, 'fetch.readTimeout'),
      totalTimeoutMs,
      maxBodyBytes: c.fetch.maxBodyBytes,
      maxRedirects: c.fetch.maxRedirects,
      respectRobots: c.fetch.respectRobots,
      robotsCacheMs: parseDuration(c.fetch.robotsCache, 'fetch.robotsCache'),
      allowPrivate: c.fetch.allowPrivate,
    },
    scheduler: {
      defaultIntervalMs: parseDuration(c.scheduler.defaultInterval, 'scheduler.defaultInterval'),
      jitter: c.scheduler.jitter,
      maxBackoffMs: parseDuration(c.scheduler.maxBackoff, 'scheduler.maxBackoff'),
      workers: c.scheduler.workers,
      leaseMs,
      maxAttempts: c.scheduler.maxAttempts,
      maxReclaims: c.scheduler.maxReclaims,
    },
    registry: {
      files: c.registry.files,
      userFile: c.registry.userFile ?? join(dataDir, 'actors.yaml'),
    },
    analyze: { workers: c.analyze.workers ?? defaultAnalyzeWorkers() },
    api: { host: c.api.host, port: c.api.port, processes: c.api.processes, dashboardDir: c.api.dashboardDir ?? DASHBOARD_DIR, limits: c.api.limits, search: { rankCandidates: c.api.search.rankCandidates, maxPageSize: c.api.search.maxPageSize } },
    alerts: { rulesFile: c.alerts.rulesFile ?? null, webhookTimeoutMs: parseDuration(c.alerts.webhookTimeout, 'alerts.webhookTimeout'), maxAttempts: c.alerts.maxAttempts,
      logSinks: c.alerts.logSinks, logDir: join(dataDir, 'alerts') },
  };
}
