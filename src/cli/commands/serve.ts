// `readout serve [--host H] [--port P] [--processes N] [--no-watch]`: the HTTP API (src/api/, docs/api.md)
// and, unless --no-watch, the scheduler, fetch workers and analysis pool of `readout watch`,
// in one process on the configured store. Prints the URL; SIGINT/SIGTERM stop accepting
// requests, end open streams, let the workers finish their jobs, and close the store.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve, type ServerType } from '@hono/node-server';
import type { Command } from 'commander';
import { createApp } from '../../api/app.js';
import { guardServer, serverOptions } from '../../api/http-guard.js';
import type { ApiLimits } from '../../config/config.js';
import { ReadoutError } from '../../core/errors.js';
import { watch } from '../../pipeline/scheduler.js';
import type { CliContext } from '../context.js';
import { buildServices } from '../services.js';
import { whenAborted } from '../../core/aborted.js';
import { isApiWorker, isFirstWorker, releaseWorker, servePrimary } from '../serve-cluster.js';

interface ServeOptions {
  host?: string;
  port?: string;
  processes?: string;
  watch: boolean;
}

/** Serves the app on Node's HTTP server with the header, timeout and unread-body bounds of http-guard.ts. */
export function listen(app: ReturnType<typeof createApp>, hostname: string, port: number, limits: ApiLimits): Promise<{ server: ServerType; address: AddressInfo }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname, port, serverOptions: serverOptions(limits) }, (info) => resolve({ server, address: info }));
    guardServer(server as Server, limits);
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(new ReadoutError('input', `serve: cannot listen on ${hostname}:${port}: ${err.code ?? err.message}`, { hint: err.code === 'EADDRINUSE' ? 'choose another --port (or api.port in the config)' : undefined })),
    );
  });
}

export function close(server: ServerType): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Open event streams never end by themselves.
    (server as { closeAllConnections?: () => void }).closeAllConnections?.();
  });
}

export function registerServe(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('run the HTTP API (and, unless --no-watch, the scheduler, workers and analysis pool) until interrupted')
    .option('--host <host>', 'address to listen on (default api.host: 127.0.0.1)')
    .option('--port <port>', 'port (default api.port: 8787; 0 picks a free one)')
    .option('--processes <n>', 'API processes sharing the port (default api.processes: 1); the scheduler runs in the first process only')
    .option('--no-watch', 'serve the API only: no polling, fetching or analysis in this process')
    .action(async (opts: ServeOptions) => {
      const config = ctx.config();
      const host = opts.host?.trim() || config.api.host;
      const port = opts.port === undefined ? config.api.port : Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ReadoutError('input', `--port must be a whole number from 0 to 65535, not "${opts.port}"`);
      const processes = opts.processes === undefined ? config.api.processes : Number(opts.processes);
      if (!Number.isInteger(processes) || processes < 1 || processes > 64) throw new ReadoutError('input', `--processes must be a whole number from 1 to 64, not "${opts.processes}"`);
      if (processes > 1 && !isApiWorker()) return servePrimary(ctx, processes, opts.watch);
      // A forked API process serves only: the primary runs the scheduler, and the first worker prints the URL.
      const worker = isApiWorker();
      const withWatch = opts.watch && !worker;
      const svc = await buildServices(ctx);
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        const app = createApp({ store: svc.store, config, logger: svc.logger, preloadRegistry: true });
        const { server, address } = await listen(app, host, port, config.api.limits);
        const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
        if (!worker || isFirstWorker()) {
          ctx.out(`readout API on http://${shown}:${address.port} (OpenAPI: /openapi.json); dashboard: http://${shown}:${address.port}/ui/ (sign in with a token from \`readout tokens create\`)`);
        }
        if (!worker) ctx.err(withWatch ? 'watching sources too; Ctrl-C to stop' : 'API only (--no-watch); Ctrl-C to stop');
        // A SIGTERM during startup (before listen) has already aborted: whenAborted still settles.
        const stopped = whenAborted(controller.signal);
        try {
          if (withWatch) await watch(svc, { signal: controller.signal });
          else await stopped;
        } finally {
          await close(server);
        }
        if (!worker) ctx.err('stopped');
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        await svc.fetcher.close();
        if (worker) releaseWorker();
      }
    });
}
