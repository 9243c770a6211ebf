// `readout serve --no-watch --port 0` in a child process: prints its URL, answers /health
// without a token and /articles with one, and exits cleanly on SIGTERM.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/services.js';

describe('readout serve', () => {
  it('serves the API on a free port and stops on SIGTERM', async () => {
    const dir = tempDir('serve');
    const env = { READOUT_DB: join(dir, 'readout.db'), READOUT_DATA_DIR: dir, READOUT_LOG_LEVEL: 'silent' };
    const created = await runCli(['tokens', 'create', '--role', 'viewer', '--name', 'serve-test'], env);
    expect(created.code, created.stderr).toBe(0);
    const token = created.stdout.trim();
    expect((await runCli(['tokens', 'list'], env)).stdout).toMatch(/viewer +serve-test/);

    const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/cli.ts', 'serve', '--no-watch', '--port', '0'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /(http:\/\/\S+:\d+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.once('exit', () => reject(new Error(`serve exited early: ${out}`)));
      });
      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', articles: 0 });
      expect((await fetch(`${url}/articles`)).status).toBe(401);
      expect((await fetch(`${url}/articles`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 60_000);
});
