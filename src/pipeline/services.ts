// The dependencies every pipeline stage receives explicitly (no module-level singletons).
import type { Config } from '../config/config.js';
import type { Logger } from '../core/logger.js';
import type { Fetcher } from '../fetch/types.js';
import type { Store } from '../store/types.js';
import type { Analyzer } from './analyze-pool.js';

export interface Services {
  store: Store;
  fetcher: Fetcher;
  logger: Logger;
  config: Config;
  /** Injectable clock, so tests can drive the scheduler. */
  now(): Date;
  /**
   * The analysis pool (worker threads). Opened by the entry points (watch, ingest, reanalyze)
   * through withAnalyzer(); without it, analyze jobs run in the calling thread.
   */
  analyzer?: Analyzer;
}
