// robots.txt, cached per origin. Site owners say what bots may fetch; Readout listens.
// Policy (as Google documents it): 4xx = no rules (allow all); 5xx, 429 or unreachable =
// allow, but log, and ask again sooner. SSRF refusals are not "unreachable": they propagate.
import { createRequire } from 'node:module';
import type { Logger } from '../core/logger.js';
import { isHttpStatusError } from './errors.js';
import { describeError, isReadoutError } from '../core/errors.js';

/** The part of robots-parser's Robot we use. */
interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}

// robots-parser is CommonJS with typings that NodeNext cannot call as a default import;
// require() gives module.exports, which is the parser function itself.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, contents: string) => Robot;

/** Google caps robots.txt at 500 KiB; anything longer is not a robots file we should trust. */
export const ROBOTS_MAX_BYTES = 512 * 1024;

export interface RobotsVerdict {
  allowed: boolean;
  /** Crawl-delay for our agent, in ms, if the site sets one. */
  crawlDelayMs: number | null;
}

export interface RobotsCacheOptions {
  userAgent: string;
  ttlMs: number;
  /** How long a failed robots.txt fetch is remembered (default min(ttlMs, 10 min)). */
  errorTtlMs?: number;
  /** Fetches robots.txt, returning its text; throws ReadoutError/HttpStatusError on failure. */
  load: (robotsUrl: string) => Promise<string>;
  logger: Logger;
  now?: () => number;
}

interface Entry {
  robot: Robot | null; // null: no rules, everything allowed
  expires: number;
}

interface Slot {
  pending: Promise<Entry>;
  entry?: Entry;
}

/** The product token robots.txt groups are matched against: "ReadoutBot/0.1 (+url)" -> "ReadoutBot". */
export function robotsAgentToken(userAgent: string): string {
  const compatible = /compatible;\s*([^\s/;()]+)/i.exec(userAgent);
  if (/^mozilla\//i.test(userAgent) && compatible?.[1]) return compatible[1];
  return /^[^\s/;()]+/.exec(userAgent.trim())?.[0] ?? '*';
}

export class RobotsCache {
  private readonly slots = new Map<string, Slot>();
  private readonly agent: string;
  private readonly errorTtlMs: number;
  private readonly now: () => number;

  constructor(private readonly options: RobotsCacheOptions) {
    this.agent = robotsAgentToken(options.userAgent);
    this.errorTtlMs = options.errorTtlMs ?? Math.min(options.ttlMs, 10 * 60_000);
    this.now = options.now ?? Date.now;
  }

  async check(url: URL): Promise<RobotsVerdict> {
    const entry = await this.entry(url.origin);
    if (!entry.robot) return { allowed: true, crawlDelayMs: null };
    // undefined means "URL not covered by this file", which cannot happen for its own origin.
    const allowed = entry.robot.isAllowed(url.href, this.agent) !== false;
    const delay = entry.robot.getCrawlDelay(this.agent);
    return { allowed, crawlDelayMs: typeof delay === 'number' && delay > 0 ? delay * 1000 : null };
  }

  private entry(origin: string): Promise<Entry> {
    const slot = this.slots.get(origin);
    // Decided synchronously so concurrent requests for one origin share a single fetch.
    if (slot && (!slot.entry || slot.entry.expires > this.now())) return slot.pending;
    const fresh: Slot = { pending: this.load(origin) };
    this.slots.set(origin, fresh);
    fresh.pending.then(
      (entry) => (fresh.entry = entry),
      () => {
        if (this.slots.get(origin) === fresh) this.slots.delete(origin); // SSRF refusals are not cached
      },
    );
    this.prune();
    return fresh.pending;
  }

  private async load(origin: string): Promise<Entry> {
    const robotsUrl = `${origin}/robots.txt`;
    const log = this.options.logger;
    try {
      const text = await this.options.load(robotsUrl);
      return { robot: robotsParser(robotsUrl, text), expires: this.now() + this.options.ttlMs };
    } catch (err) {
      if (isReadoutError(err, 'ssrf')) throw err;
      if (isHttpStatusError(err) && err.status >= 400 && err.status < 500 && err.status !== 429) {
        log.debug({ url: robotsUrl, status: err.status }, 'no robots.txt; everything allowed');
        return { robot: null, expires: this.now() + this.options.ttlMs };
      }
      log.warn({ url: robotsUrl, err: describeError(err) }, 'robots.txt unavailable; treating as allow-all for now');
      return { robot: null, expires: this.now() + this.errorTtlMs };
    }
  }

  private prune(): void {
    if (this.slots.size < 1000) return;
    const now = this.now();
    for (const [origin, slot] of this.slots) {
      if (slot.entry && slot.entry.expires <= now) this.slots.delete(origin);
    }
  }
}
