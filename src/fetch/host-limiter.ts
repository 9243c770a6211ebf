// Politeness: at most one request in flight per host, and at least `minDelayMs` between the end
// of one request and the start of the next to the same host. Different hosts never wait for
// each other. Callers must not hold one host's slot while waiting for another's (the fetcher
// releases a slot before following a redirect), so there is no way to deadlock.

interface HostState {
  /** Resolves when the current holder (and everyone queued before us) is done. */
  tail: Promise<void>;
  /** When the last request to this host finished (ms since epoch). */
  lastEnd: number;
  waiting: number;
}

export interface HostLimiterOptions {
  minDelayMs: number;
  /** Upper bound for a per-request delay (a huge robots.txt Crawl-delay must not stall us). */
  maxDelayMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class HostLimiter {
  private readonly hosts = new Map<string, HostState>();
  private readonly minDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: HostLimiterOptions) {
    this.minDelayMs = Math.max(0, options.minDelayMs);
    this.maxDelayMs = Math.max(this.minDelayMs, options.maxDelayMs ?? 60_000);
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
  }

  /**
   * Runs `task` when `host` is free and `delayMs` (default minDelayMs; clamped to
   * [minDelayMs, maxDelayMs]) has passed since its last request; the slot is held until the
   * task settles. A host's own Crawl-delay can be passed as `delayMs`.
   */
  async run<T>(host: string, task: () => Promise<T>, delayMs = this.minDelayMs): Promise<T> {
    const delay = Math.min(this.maxDelayMs, Math.max(this.minDelayMs, delayMs));
    const state = this.state(host);
    const previous = state.tail;
    let release!: () => void;
    state.tail = new Promise<void>((resolve) => (release = resolve));
    state.waiting += 1;
    try {
      await previous;
      const wait = state.lastEnd + delay - this.now();
      if (wait > 0) await this.sleep(wait);
      return await task();
    } finally {
      state.lastEnd = this.now();
      state.waiting -= 1;
      release();
      this.prune();
    }
  }

  /**
   * How long a request to `host` would wait now: 0 when it could start at once, the rest of the
   * delay after the host's last request, or null while a request to it is running or queued
   * (schedulers use this to run other hosts' work instead of waiting).
   */
  readyIn(host: string, delayMs = this.minDelayMs): number | null {
    const state = this.hosts.get(host.toLowerCase());
    if (!state) return 0;
    if (state.waiting > 0) return null;
    const delay = Math.min(this.maxDelayMs, Math.max(this.minDelayMs, delayMs));
    return Math.max(0, state.lastEnd + delay - this.now());
  }

  /** Hosts a request would wait for now (busy, or within their delay). */
  busyHosts(): string[] {
    return [...this.hosts.keys()].filter((host) => this.readyIn(host) !== 0);
  }

  /** Number of hosts currently tracked (for tests and diagnostics). */
  get size(): number {
    return this.hosts.size;
  }

  private state(host: string): HostState {
    const key = host.toLowerCase();
    let state = this.hosts.get(key);
    if (!state) {
      state = { tail: Promise.resolve(), lastEnd: 0, waiting: 0 };
      this.hosts.set(key, state);
    }
    return state;
  }

  /** Forgets idle hosts whose delay has passed, so a long crawl does not grow the map forever. */
  private prune(): void {
    if (this.hosts.size < 1000) return;
    const now = this.now();
    for (const [key, s] of this.hosts) {
      if (s.waiting === 0 && now - s.lastEnd >= this.maxDelayMs) this.hosts.delete(key);
    }
  }
}
