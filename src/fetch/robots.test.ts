import { describe, it, expect } from 'vitest';
import { ReadoutError } from '../core/errors.js';
import { silentLogger } from '../core/logger.js';
import { HttpStatusError } from './errors.js';
import { RobotsCache, robotsAgentToken } from './robots.js';

const ROBOTS = [
  'User-agent: *',
  'Disallow: /private/',
  '',
  'User-agent: ReadoutBot',
  'Disallow: /no-bots/',
  'Crawl-delay: 3',
].join('\n');

function cache(load: (url: string) => Promise<string>, clock = { t: 0 }, ttlMs = 60_000): RobotsCache {
  return new RobotsCache({ userAgent: 'ReadoutBot/0.1 (+https://example.org/bot)', ttlMs, load, logger: silentLogger(), now: () => clock.t });
}

describe('robotsAgentToken', () => {
  it('takes the product token robots.txt groups are matched against', () => {
    expect(robotsAgentToken('ReadoutBot/0.1 (+https://github.com/readout/readout; media monitoring)')).toBe('ReadoutBot');
    expect(robotsAgentToken('Mozilla/5.0 (compatible; ReadoutBot/0.1; +https://x)')).toBe('ReadoutBot');
    expect(robotsAgentToken('readout')).toBe('readout');
  });
});

describe('RobotsCache', () => {
  it('applies the group for our agent, with its Crawl-delay', async () => {
    const robots = cache(() => Promise.resolve(ROBOTS));
    expect(await robots.check(new URL('https://example.org/no-bots/x'))).toEqual({ allowed: false, crawlDelayMs: 3000 });
    expect((await robots.check(new URL('https://example.org/news/1'))).allowed).toBe(true);
    // Our own group replaces '*', so /private/ is not forbidden for ReadoutBot.
    expect((await robots.check(new URL('https://example.org/private/1'))).allowed).toBe(true);
  });

  it('fetches once per origin, shares concurrent loads and refreshes after the TTL', async () => {
    const loads: string[] = [];
    const clock = { t: 0 };
    const robots = cache(
      (url) => {
        loads.push(url);
        return Promise.resolve('User-agent: *\nDisallow: /x');
      },
      clock,
      1000,
    );
    await Promise.all([1, 2, 3].map((i) => robots.check(new URL(`https://a.example/p${i}`))));
    await robots.check(new URL('https://b.example/'));
    expect(loads).toEqual(['https://a.example/robots.txt', 'https://b.example/robots.txt']);
    clock.t = 1001;
    await robots.check(new URL('https://a.example/p1'));
    expect(loads).toHaveLength(3);
  });

  it('allows everything when robots.txt is 4xx, and caches that', async () => {
    let calls = 0;
    const robots = cache((url) => {
      calls++;
      return Promise.reject(new HttpStatusError(url, 404));
    });
    expect((await robots.check(new URL('https://example.org/anything'))).allowed).toBe(true);
    expect((await robots.check(new URL('https://example.org/else'))).allowed).toBe(true);
    expect(calls).toBe(1);
  });

  it('allows on 5xx or network failure but asks again sooner', async () => {
    let calls = 0;
    const clock = { t: 0 };
    const robots = cache(
      (url) => {
        calls++;
        return Promise.reject(calls === 1 ? new HttpStatusError(url, 503) : new ReadoutError('timeout', `timeout ${url}`));
      },
      clock,
      3_600_000,
    );
    expect((await robots.check(new URL('https://example.org/a'))).allowed).toBe(true);
    clock.t = 10 * 60_000 + 1; // error TTL is min(ttl, 10 min)
    expect((await robots.check(new URL('https://example.org/a'))).allowed).toBe(true);
    expect(calls).toBe(2);
  });

  it('propagates SSRF refusals and does not cache them', async () => {
    let calls = 0;
    const robots = cache(() => {
      calls++;
      return Promise.reject(new ReadoutError('ssrf', 'refused'));
    });
    await expect(robots.check(new URL('http://internal.example/'))).rejects.toMatchObject({ code: 'ssrf' });
    await expect(robots.check(new URL('http://internal.example/'))).rejects.toMatchObject({ code: 'ssrf' });
    expect(calls).toBe(2);
  });
});
