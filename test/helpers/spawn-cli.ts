// `readout ARGS…` as a child process of its own (the real command, run from the TypeScript
// sources), for tests that kill it, wait for it or read what it prints.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';

/** Spawns the CLI with `args`; stdout and/or stderr are piped as asked, stdin is closed. */
export function spawnCli(args: string[], pipe: { stdout?: boolean; stderr?: boolean } = {}, env?: NodeJS.ProcessEnv): ChildProcessByStdio<null, Readable, Readable> {
  return spawn(process.execPath, ['--import', 'tsx', 'test/helpers/cli.ts', ...args], {
    stdio: ['ignore', pipe.stdout ? 'pipe' : 'ignore', pipe.stderr ? 'pipe' : 'inherit'],
    ...(env ? { env } : {}),
  }) as ChildProcessByStdio<null, Readable, Readable>;
}
