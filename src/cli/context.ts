// What every command gets: the parsed config, a logger, the store (opened on first use)
// and the output streams. Passed in explicitly; there are no module-level singletons.
import type { Command } from 'commander';
import { loadConfig, type Config } from '../config/config.js';
import { createLogger, type Logger } from '../core/logger.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/types.js';

export interface CliContext {
  config(): Config;
  logger(): Logger;
  /** Opens (and migrates) the store on first call; closed by main() when the command ends. */
  store(): Promise<Store>;
  out(text: string): void;
  /** The standard output stream itself, for commands that stream large output with backpressure. */
  outStream(): NodeJS.WritableStream;
  err(text: string): void;
  /** Sets the process exit code without ending the command. */
  setExitCode(code: number): void;
}

export interface GlobalOptions {
  db?: string;
  config?: string;
  logLevel?: string;
}

export class Context implements CliContext {
  private cfg: Config | undefined;
  private log: Logger | undefined;
  private opened: Promise<Store> | undefined;
  exitCode = 0;

  constructor(
    private readonly program: Command,
    private readonly env: NodeJS.ProcessEnv,
    private readonly stdout: NodeJS.WritableStream = process.stdout,
    private readonly stderr: NodeJS.WritableStream = process.stderr,
  ) {}

  config(): Config {
    if (!this.cfg) {
      const g = this.program.opts<GlobalOptions>();
      const overrides = g.logLevel ? { log: { level: g.logLevel } } : undefined;
      this.cfg = loadConfig({ configPath: g.config, db: g.db, env: this.env, overrides });
    }
    return this.cfg;
  }

  logger(): Logger {
    this.log ??= createLogger(this.config().logLevel);
    return this.log;
  }

  store(): Promise<Store> {
    this.opened ??= openStore(this.config().db, this.logger());
    return this.opened;
  }

  out(text: string): void {
    this.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  outStream(): NodeJS.WritableStream {
    return this.stdout;
  }

  err(text: string): void {
    this.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  setExitCode(code: number): void {
    this.exitCode = code;
  }

  async close(): Promise<void> {
    if (this.opened) await (await this.opened).close();
  }
}
