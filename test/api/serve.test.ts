// `readout serve --no-watch --port 0` in a child process: prints its URL, answers /health
// without a token and /articles with one, and exits cleanly on SIGTERM.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/services.js';

describe('readout serve', () => {
  it('serves the API on a free port and stops on SIGTERM', async () => {
    const dir = tempDir('serve');
    const env = { READOUT_DB: join(dir, 'readout.db'), READOUT_DATA_DIR: dir, READOUT_LOG_LEVEL: 'silent' };
    const created = await runCli(['tokens', 'create', '--role', 'viewer', '--name', 'serve-test'], env);
    expect(created.code, created.stderr).toBe(0);
    const token = created.stdout.trim();
    expect((await runCli(['tokens', 'list'], env)).stdout).toMatch(/viewer +serve-test/);

    const serve = await startServe(env);
    let code: number | null = null;
    try {
      const health = await fetch(`${serve.url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', articles: 0 });
      expect((await fetch(`${serve.url}/articles`)).status).toBe(401);
      expect((await fetch(`${serve.url}/articles`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    } finally {
      code = await serve.stop();
    }
    expect(code).toBe(0);
  }, 60_000);

  it('serves from several processes on one port with --processes, and stops them all on SIGTERM', async () => {
    const dir = tempDir('serve-processes');
    const env = { READOUT_DB: join(dir, 'readout.db'), READOUT_DATA_DIR: dir, READOUT_LOG_LEVEL: 'silent' };
    const token = (await runCli(['tokens', 'create', '--role', 'viewer', '--name', 'cluster'], env)).stdout.trim();
    const serve = await startServe(env, ['--processes', '2']);
    let code: number | null = null;
    try {
      // Enough connections that both processes answer; every answer is a whole, authorised one.
      const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`${serve.url}/articles`, { headers: { authorization: `Bearer ${token}`, connection: 'close' } })));
      expect(answers.map((r) => r.status)).toEqual(Array(20).fill(200));
      expect((await fetch(`${serve.url}/health`)).status).toBe(200);
    } finally {
      code = await serve.stop();
    }
    expect(code).toBe(0);
    // The port is free again: no API process outlived the primary.
    await expect(fetch(`${serve.url}/health`)).rejects.toThrow();
  }, 120_000); // several processes start on a busy CI machine

  it('refuses a --processes that is not a whole number from 1 to 64', async () => {
    const dir = tempDir('serve-processes-bad');
    const r = await runCli(['serve', '--processes', '0'], { READOUT_DB: join(dir, 'readout.db'), READOUT_DATA_DIR: dir });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--processes must be a whole number from 1 to 64/);
  });
});
