import { describe, it, expect } from 'vitest';
import { HostLimiter } from './host-limiter.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Runs a task that records its [start, end] interval. */
function timed(log: [number, number][], ms: number) {
  return async (): Promise<void> => {
    const start = Date.now();
    await sleep(ms);
    log.push([start, Date.now()]);
  };
}

describe('HostLimiter', () => {
  it('runs one task per host at a time, in order, spaced by minDelayMs', async () => {
    const limiter = new HostLimiter({ minDelayMs: 60 });
    const log: [number, number][] = [];
    await Promise.all([1, 2, 3].map(() => limiter.run('example.org', timed(log, 20))));
    expect(log).toHaveLength(3);
    for (let i = 1; i < log.length; i++) {
      // Starts after the previous end plus the delay (a few ms of timer slack allowed).
      expect(log[i]![0] - log[i - 1]![1]).toBeGreaterThanOrEqual(55);
    }
  });

  it('treats host names case-insensitively', async () => {
    const limiter = new HostLimiter({ minDelayMs: 0 });
    let active = 0;
    let maxActive = 0;
    const task = async (): Promise<void> => {
      maxActive = Math.max(maxActive, ++active);
      await sleep(10);
      active--;
    };
    await Promise.all([limiter.run('Example.org', task), limiter.run('example.ORG', task)]);
    expect(maxActive).toBe(1);
  });

  it('lets different hosts run in parallel', async () => {
    const limiter = new HostLimiter({ minDelayMs: 1000 });
    let active = 0;
    let maxActive = 0;
    const task = async (): Promise<void> => {
      maxActive = Math.max(maxActive, ++active);
      await sleep(30);
      active--;
    };
    const started = Date.now();
    await Promise.all(['a.example', 'b.example', 'c.example'].map((h) => limiter.run(h, task)));
    expect(maxActive).toBe(3);
    expect(Date.now() - started).toBeLessThan(900); // nobody waited for another host's delay
  });

  it('releases the slot when a task fails', async () => {
    const limiter = new HostLimiter({ minDelayMs: 0 });
    await expect(limiter.run('h', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run('h', () => Promise.resolve(42))).resolves.toBe(42);
  });

  it('applies a per-request delay (Crawl-delay) clamped to maxDelayMs', async () => {
    const waits: number[] = [];
    let clock = 1_000;
    const limiter = new HostLimiter({
      minDelayMs: 100,
      maxDelayMs: 5_000,
      now: () => clock,
      sleep: (ms) => {
        waits.push(ms);
        clock += ms;
        return Promise.resolve();
      },
    });
    await limiter.run('h', () => Promise.resolve());
    await limiter.run('h', () => Promise.resolve(), 2_000);
    await limiter.run('h', () => Promise.resolve(), 60_000);
    await limiter.run('h', () => Promise.resolve(), 10);
    expect(waits).toEqual([2_000, 5_000, 100]);
  });

  it('tells whether a host is free, busy, or how long its delay still runs', async () => {
    let clock = 1000;
    const limiter = new HostLimiter({ minDelayMs: 500, now: () => clock, sleep: async () => undefined });
    expect(limiter.readyIn('a.example')).toBe(0);
    let finish!: () => void;
    const running = limiter.run('a.example', () => new Promise<void>((r) => (finish = r)));
    await sleep(0);
    expect(limiter.readyIn('A.example')).toBeNull();
    expect(limiter.readyIn('b.example')).toBe(0);
    expect(limiter.busyHosts()).toEqual(['a.example']);
    finish();
    await running;
    clock += 200;
    expect(limiter.readyIn('a.example')).toBe(300);
    expect(limiter.busyHosts()).toEqual(['a.example']);
    clock += 300;
    expect(limiter.readyIn('a.example')).toBe(0);
    expect(limiter.busyHosts()).toEqual([]);
  });
});

