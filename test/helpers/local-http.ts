// Local HTTP servers on 127.0.0.1 and fetchers that reach them, for the fetch-layer tests.
// Everything started is closed by closeAll(), which the test file hooks to afterEach/afterAll.
import { createServer, type IncomingMessage, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { silentLogger } from '../../src/core/logger.js';
import { createFetcher, type FetcherDeps } from '../../src/fetch/http.js';
import type { FetchOptions, Fetcher } from '../../src/fetch/types.js';

export interface LocalHttp {
  /** Starts a server on 127.0.0.1:0; `seen` records every request. */
  serve(handler: RequestListener): Promise<{ base: string; port: number; seen: IncomingMessage[] }>;
  fetcher(options?: Partial<FetchOptions>, deps?: FetcherDeps): Fetcher;
  closeAll(): Promise<void>;
}

export function localHttp(defaults: FetchOptions): LocalHttp {
  const cleanups: (() => Promise<void>)[] = [];
  return {
    async serve(handler) {
      const seen: IncomingMessage[] = [];
      const server = createServer((req, res) => {
        seen.push(req);
        handler(req, res);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      cleanups.push(() => {
        server.closeAllConnections();
        return new Promise((resolve) => server.close(() => resolve()));
      });
      return { base: `http://127.0.0.1:${port}`, port, seen };
    },
    fetcher(options = {}, deps = {}) {
      const f = createFetcher({ ...defaults, ...options }, silentLogger(), deps);
      cleanups.push(() => f.close());
      return f;
    },
    async closeAll() {
      await Promise.all(cleanups.splice(0).map((c) => c()));
    },
  };
}
