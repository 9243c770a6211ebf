// The `readout` command: global options, one module per command under ./commands.
import { Command, CommanderError } from 'commander';
import { defaultDataDir } from '../config/config.js';
import { describeError, ReadoutError } from '../core/errors.js';
import { Context } from './context.js';
import { registerDemo } from './commands/demo.js';
import { registerExtract } from './commands/extract.js';
import { registerFeed } from './commands/feed.js';
import { registerIngest } from './commands/ingest.js';
import { registerSearch } from './commands/search.js';
import { registerSources } from './commands/sources.js';
import { registerWatch } from './commands/watch.js';
import { registerJobs } from './commands/jobs.js';
import { registerAnalyze } from './commands/analyze.js';
import { registerActors } from './commands/actors.js';
import { registerActorCandidates } from './commands/actors-candidates.js';
import { registerReanalyze } from './commands/reanalyze.js';
import { registerTimeline } from './commands/timeline.js';
import { registerTrends } from './commands/trends.js';
import { registerPersonnel } from './commands/personnel.js';
import { registerExport } from './commands/export.js';
import { registerBrief } from './commands/brief.js';
import { registerPrecedents } from './commands/precedents.js';
import { registerServe } from './commands/serve.js';
import { registerTokens } from './commands/tokens.js';
import { registerRules } from './commands/rules.js';
import { registerColumnists } from './commands/columnists.js';
import { registerReaders } from './commands/readers.js';

export function buildProgram(ctx: Context, program: Command): Command {
  program
    .name('readout')
    .description('Media monitoring and diplomatic-signal analysis')
    .option('--db <location>', `store: a SQLite file or a postgres:// URL (env READOUT_DB; default ${defaultDataDir(process.env)}/readout.db)`)
    .option('--config <file>', 'YAML config file (env READOUT_CONFIG; default ./readout.yaml when present)')
    .option('--log-level <level>', 'trace|debug|info|warn|error|silent (env READOUT_LOG_LEVEL)')
    .showHelpAfterError()
    .exitOverride();
  for (const register of [registerSources, registerIngest, registerWatch, registerSearch, registerExtract, registerFeed, registerAnalyze, registerReanalyze, registerTimeline, registerPrecedents, registerTrends, registerPersonnel, registerBrief, registerExport, registerJobs, registerDemo, registerServe, registerTokens, registerRules]) {
    register(program, ctx);
  }
  registerColumnists(program, ctx);
  registerReaders(program, ctx);
  registerActorCandidates(registerActors(program, ctx), ctx);
  return program;
}

export interface CliIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env, io: CliIO = process): Promise<number> {
  const program = new Command();
  const ctx = new Context(program, env, io.stdout, io.stderr);
  program.configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  buildProgram(ctx, program);
  try {
    await program.parseAsync(argv);
    return ctx.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    ctx.err(`readout: ${describeError(err)}`);
    if (!(err instanceof ReadoutError) && err instanceof Error && err.stack) ctx.logger().debug({ err }, 'unexpected error');
    return 1;
  } finally {
    await ctx.close().catch((err: unknown) => ctx.err(`readout: closing the store failed: ${describeError(err)}`));
  }
}
