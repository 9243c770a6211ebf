// `readout serve --no-watch --port 0` as a child process (the real command, its own process),
// resolved once it prints its URL; stop() sends SIGTERM and answers the exit code.
import { spawnCli } from './spawn-cli.js';

export interface ServeProcess {
  url: string;
  stop(): Promise<number | null>;
}

export async function startServe(env: NodeJS.ProcessEnv, args: string[] = []): Promise<ServeProcess> {
  const child = spawnCli(['serve', '--no-watch', '--port', '0', ...args], { stdout: true }, { ...process.env, ...env });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/\S+:\d+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    void exited.then((code) => reject(new Error(`serve exited early (${code}): ${out}`)));
  });
  return {
    url,
    stop: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
