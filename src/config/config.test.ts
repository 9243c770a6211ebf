import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/services.js';
import { defaultAnalyzeWorkers, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('fills defaults and places the store in the data folder', () => {
    const c = loadConfig({ env: { READOUT_DATA_DIR: '/srv/readout' } });
    expect(c.db).toBe('/srv/readout/readout.db');
    expect(c.fetch).toMatchObject({ minDelayMs: 2000, maxBodyBytes: 10 * 1024 * 1024, maxRedirects: 5, respectRobots: true });
    expect(c.scheduler.defaultIntervalMs).toBe(15 * 60_000);
    expect(c.api.dashboardDir).toMatch(/web[/\\]dist$/);
  });

  it('takes the dashboard folder from the file or READOUT_WEB_DIST', () => {
    const file = join(tempDir('config'), 'readout.yaml');
    writeFileSync(file, 'api:\n  dashboardDir: /opt/readout-ui\n');
    expect(loadConfig({ configPath: file, env: {} }).api.dashboardDir).toBe('/opt/readout-ui');
    expect(loadConfig({ configPath: file, env: { READOUT_WEB_DIST: '/tmp/ui-build' } }).api.dashboardDir).toBe('/tmp/ui-build');
  });

  it('layers file < environment < flags', () => {
    const dir = tempDir('config');
    const file = join(dir, 'readout.yaml');
    writeFileSync(file, 'db: from-file.db\nfetch:\n  minDelay: 5s\n  allowPrivate: ["127.0.0.1"]\n');
    expect(loadConfig({ configPath: file, env: {} }).db).toBe('from-file.db');
    expect(loadConfig({ configPath: file, env: { READOUT_DB: 'from-env.db' } }).db).toBe('from-env.db');
    const c = loadConfig({ configPath: file, env: { READOUT_DB: 'from-env.db' }, db: 'from-flag.db' });
    expect(c.db).toBe('from-flag.db');
    expect(c.fetch.minDelayMs).toBe(5000);
    expect(c.fetch.allowPrivate).toEqual(['127.0.0.1']);
  });

  it('names the key and the file when a value is wrong', () => {
    const dir = tempDir('config');
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'fetch:\n  maxRedirects: 12\n');
    expect(() => loadConfig({ configPath: file, env: {} })).toThrow(/fetch\.maxRedirects.*bad\.yaml/);
    writeFileSync(file, 'scheduler:\n  defaultInterval: soon\n');
    expect(() => loadConfig({ configPath: file, env: {} })).toThrow(/scheduler\.defaultInterval/);
    writeFileSync(file, 'fetch:\n  userAgnet: typo\n');
    expect(() => loadConfig({ configPath: file, env: {} })).toThrow(/userAgnet/);
  });

  it('reports unreadable and malformed files clearly', () => {
    expect(() => loadConfig({ configPath: '/nonexistent/readout.yaml', env: {} })).toThrow(/cannot read config file/);
    const file = join(tempDir('config'), 'broken.yaml');
    writeFileSync(file, 'fetch: [unclosed\n');
    expect(() => loadConfig({ configPath: file, env: {} })).toThrow(/not valid YAML/);
  });

  it('sizes the analysis pool: one thread per core but one by default, or analyze.workers (0 = main thread)', () => {
    expect(loadConfig({ env: {} }).analyze.workers).toBe(defaultAnalyzeWorkers());
    expect(defaultAnalyzeWorkers()).toBeGreaterThanOrEqual(1);
    const file = join(tempDir('config'), 'readout.yaml');
    writeFileSync(file, 'analyze:\n  workers: 3\n');
    expect(loadConfig({ configPath: file, env: {} }).analyze.workers).toBe(3);
    expect(loadConfig({ env: {}, overrides: { analyze: { workers: 0 } } }).analyze.workers).toBe(0);
    for (const bad of ['-1', '1.5', '65', 'many']) {
      writeFileSync(file, `analyze:\n  workers: ${bad}\n`);
      expect(() => loadConfig({ configPath: file, env: {} })).toThrow(/analyze\.workers/);
    }
    writeFileSync(file, 'analyze:\n  threads: 2\n');
    expect(() => loadConfig({ configPath: file, env: {} })).toThrow(/threads/);
  });

  it('configures the API server: 127.0.0.1:8787 by default, validated', () => {
    expect(loadConfig({ env: {} }).api).toMatchObject({ host: '127.0.0.1', port: 8787 });
    const file = join(tempDir('config'), 'readout.yaml');
    writeFileSync(file, 'api:\n  host: 0.0.0.0\n  port: 9000\n');
    expect(loadConfig({ configPath: file, env: {} }).api).toMatchObject({ host: '0.0.0.0', port: 9000 });
    expect(loadConfig({ env: {}, overrides: { api: { port: 0 } } }).api.port).toBe(0);
    for (const bad of ['port: 70000', 'port: -1', 'port: 80.5', 'port: http', 'host: ""', 'hots: x']) {
      writeFileSync(file, `api:\n  ${bad}\n`);
      expect(() => loadConfig({ configPath: file, env: {} }), bad).toThrow(/api\.(port|host)|hots/);
    }
  });

  it('reads the alerts section (rules file, webhook timeout, attempts) with defaults', () => {
    expect(loadConfig({ env: {}, overrides: { dataDir: '/srv/r' } }).alerts).toEqual({ rulesFile: null, webhookTimeoutMs: 10_000, maxAttempts: 5, logSinks: {}, logDir: '/srv/r/alerts' });
    expect(loadConfig({ env: {}, overrides: { dataDir: '/srv/r', alerts: { rulesFile: '/etc/readout/rules.yaml', webhookTimeout: '3s', maxAttempts: 2 } } }).alerts).toEqual({ rulesFile: '/etc/readout/rules.yaml', webhookTimeoutMs: 3000, maxAttempts: 2, logSinks: {}, logDir: '/srv/r/alerts' });
    expect(() => loadConfig({ env: {}, overrides: { alerts: { maxAttempts: 0 } } })).toThrow(/alerts\.maxAttempts/);
    expect(() => loadConfig({ env: {}, overrides: { alerts: { colour: 'red' } } })).toThrow(/alerts/);
  });

  it('keeps every job lease longer than the longest fetch, and bounds reclaims', () => {
    const c = loadConfig({ env: {} });
    expect(c.fetch.totalTimeoutMs).toBe(90_000);
    expect(c.scheduler).toMatchObject({ leaseMs: 120_000, maxReclaims: 5 });
    expect(c.scheduler.leaseMs).toBeGreaterThan(c.fetch.totalTimeoutMs);
    expect(loadConfig({ env: {}, overrides: { fetch: { totalTimeout: '5s' }, scheduler: { leaseTime: '6s' } } }).fetch.totalTimeoutMs).toBe(5000);
    expect(() => loadConfig({ env: {}, overrides: { scheduler: { leaseTime: '1m' } } })).toThrow(/scheduler\.leaseTime \(1m\) must be longer than fetch\.totalTimeout \(90s\)/);
    expect(() => loadConfig({ env: {}, overrides: { fetch: { totalTimeout: '2m' } } })).toThrow(/fetch\.totalTimeout/);
    expect(() => loadConfig({ env: {}, overrides: { scheduler: { maxReclaims: 0 } } })).toThrow(/scheduler\.maxReclaims/);
  });
});
