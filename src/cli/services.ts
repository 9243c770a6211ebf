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

/** Parses "2026-03-01", an ISO date-time, or a relative "24h"/"7d"/"30m" (meaning that long ago). */
export function parseSince(value: string, now: Date = new Date()): string {
  const rel = /^(\d+)\s*([mhdw])$/i.exec(value.trim());
  if (rel) {
    const unit = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[rel[2]!.toLowerCase() as 'm' | 'h' | 'd' | 'w'];
    return new Date(now.getTime() - Number(rel[1]) * unit).toISOString();
  }
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new Error(`"${value}" is not a date (use YYYY-MM-DD, an ISO date-time, or 24h/7d)`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? value.trim() : d.toISOString();
}
