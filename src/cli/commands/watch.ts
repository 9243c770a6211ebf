import type { Command } from 'commander';
import { pollOnce, watch } from '../../pipeline/scheduler.js';
import type { CliContext } from '../context.js';
import { buildServices } from '../services.js';

export function registerWatch(program: Command, ctx: CliContext): void {
  program
    .command('watch')
    .description('poll every source on its interval (with jitter and backoff on failure) until interrupted')
    .option('--once', 'poll every enabled source once, process everything found, then exit')
    .action(async (opts: { once?: boolean }) => {
      const svc = await buildServices(ctx);
      try {
        if (opts.once) {
          const r = await pollOnce(svc);
          ctx.err(`polled ${r.polls} source(s); ${r.processed} job(s) done, ${r.failed} failed (see \`readout sources list\` and \`readout jobs --status failed\`)`);
          return;
        }
        const controller = new AbortController();
        const stop = () => controller.abort();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        ctx.err('watching sources; Ctrl-C to stop');
        await watch(svc, { signal: controller.signal });
      } finally {
        await svc.fetcher.close();
      }
    });
}
