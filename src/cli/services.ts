// Builds the pipeline's Services from the CLI context (store opened, fetcher configured).
import type { Config } from '../config/config.js';
import { createFetcher } from '../fetch/http.js';
import type { Services } from '../pipeline/services.js';
import type { CliContext } from './context.js';

export async function buildServices(ctx: CliContext, overrides: Partial<Config['fetch']> = {}): Promise<Services> {
  const config = ctx.config();
  const logger = ctx.logger();
  const store = await ctx.store();
  const fetcher = createFetcher({ ...config.fetch, ...overrides }, logger);
  return { store, fetcher, logger, config, now: () => new Date() };
}

