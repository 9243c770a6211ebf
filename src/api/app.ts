// The HTTP API: one Hono app built from route definitions (@hono/zod-openapi), so the OpenAPI
// document at /openapi.json is generated from the same code that validates requests. Routes
// are split by area; each registers itself on the app. Every route but /health and
// /openapi.json needs a bearer token (auth.ts); errors are JSON (errors.ts). Before the token
// check: headers (headers.ts), URL and declared body size (limits.ts), the per-address rate
// limit (rate-limit.ts); after it: the per-token rate limit and the body counted while read.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Config } from '../config/config.js';
import type { Logger } from '../core/logger.js';
import { loadRegistry } from '../registry/load.js';
import type { Registry } from '../registry/types.js';
import { registryOptions } from '../pipeline/analyze-stage.js';
import type { Store } from '../store/types.js';
import { registerActors } from './actors.js';
import { registerArticles } from './articles.js';
import { registerBriefs } from './briefs.js';
import { authenticate, type ApiEnv } from './auth.js';
import { registerDashboard } from './dashboard.js';
import { errorBody, toErrorResponse, validationError } from './errors.js';
import { registerEvents } from './events.js';
import { apiHeaders } from './headers.js';
import { bodyLimits, preAuthLimits } from './limits.js';
import { rateLimits } from './rate-limit.js';
import { registerExports } from './exports.js';
import { registerInsights } from './insights.js';
import { registerOpenApi } from './openapi.js';
import { registerOpinion } from './opinion.js';
import { registerSources } from './sources.js';
import { registerStream } from './sse.js';
import { registerTokens } from './tokens.js';
import { registerRules } from './rules.js';

export interface ApiDeps {
  store: Store;
  config: Config;
  logger: Logger;
  now?: () => Date;
  /** How often /stream polls the store for new rows (default 1000 ms). */
  streamPollMs?: number;
  /**
   * Load the registry now rather than at the first request that needs it: loading takes the
   * event loop for a second or more, which under load would stall every request in flight.
   */
  preloadRegistry?: boolean;
}

/** What route modules get: the deps and the registry (loaded once; reloaded after candidate changes). */
export interface RouteDeps extends ApiDeps {
  registry(): Promise<Registry>;
  /** Forget the loaded registry (a candidate was confirmed or rejected). */
  reloadRegistry(): void;
  now: () => Date;
}

export type ApiApp = OpenAPIHono<ApiEnv>;

export function createApp(deps: ApiDeps): ApiApp {
  let registry: Promise<Registry> | null = null;
  const routeDeps: RouteDeps = {
    ...deps,
    now: deps.now ?? (() => new Date()),
    registry: () => {
      registry ??= registryOptions(deps.config, deps.store).then(loadRegistry);
      registry.catch(() => (registry = null));
      return registry;
    },
    reloadRegistry: () => {
      registry = null;
    },
  };
  if (deps.preloadRegistry) {
    routeDeps.registry().catch((err: unknown) => deps.logger.warn({ stage: 'api', err: err instanceof Error ? err.message : String(err) }, 'api: could not load the registry; the first request that needs it tries again'));
  }
  const app: ApiApp = new OpenAPIHono<ApiEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error, result.target);
    },
  });
  app.onError((err, c) => toErrorResponse(err, c, deps.logger));
  app.notFound((c) => c.json(errorBody('not_found', `no route ${c.req.method} ${c.req.path}`), 404));
  const limits = deps.config.api.limits;
  const rate = rateLimits(limits);
  app.use('*', apiHeaders(), preAuthLimits(limits), rate.byAddress);
  // The dashboard's static files are public and registered before the token check.
  registerDashboard(app, deps.config.api.dashboardDir);
  app.use('*', authenticate(deps.store, routeDeps.now), rate.byToken, bodyLimits(limits));
  for (const register of [registerOpenApi, registerArticles, registerActors, registerEvents, registerInsights, registerSources, registerExports, registerStream, registerTokens, registerRules, registerBriefs]) {
    register(app, routeDeps);
  }
  registerOpinion(app, routeDeps);
  return app;
}
