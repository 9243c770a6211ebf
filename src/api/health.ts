// What GET /health answers, from memory: the article count of the last store check, refreshed
// in the background at most every REFRESH_MS. /health itself never waits for the store (but
// once, at the first call), so it does not queue behind slow requests for the store's
// connections, and a flood of health checks costs the store one count per REFRESH_MS.
import type { Logger } from '../core/logger.js';
import type { Store } from '../store/types.js';

export const REFRESH_MS = 10_000;

export type Health = { ok: true; articles: number } | { ok: false };

export function healthCheck(store: Store, logger: Logger, now: () => number = Date.now): () => Promise<Health> {
  let last: { health: Health; at: number } | null = null;
  let running: Promise<Health> | null = null;
  const refresh = (): Promise<Health> =>
    (running ??= store
      .countArticles()
      .then(
        (articles): Health => ({ ok: true, articles }),
        (err: unknown): Health => {
          logger.error({ stage: 'api', err: err instanceof Error ? err.message : String(err) }, 'api: health check: the store did not answer');
          return { ok: false };
        },
      )
      .then((health) => {
        last = { health, at: now() };
        running = null;
        return health;
      }));
  return async () => {
    if (!last) return refresh();
    if (now() - last.at >= REFRESH_MS) void refresh();
    return last.health;
  };
}
