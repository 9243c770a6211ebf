// Dashboard first-screen time: the built dashboard served by the real API app (listen() of
// `readout serve`) over the shared generated store of 100k analysed articles, loaded in Debian's
// Chromium with a fresh browser context per round (no HTTP cache, no stored token): from
// navigation start to the screen showing data (its heading, no loading state left, and for the
// list screens at least one row). Skipped with a message when Chromium or the build is missing.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { generateToken } from '../src/api/auth.js';
import { createApp } from '../src/api/app.js';
import { close, listen } from '../src/cli/commands/serve.js';
import { loadConfig } from '../src/config/config.js';
import { silentLogger } from '../src/core/logger.js';
import { openStore } from '../src/store/open.js';
import { CHROMIUM, launchChromium } from '../test/web/chromium.js';
import { describeStore, sharedStore } from './generate.js';

// [screen, path, what must be on the page when it is ready]
const SCREENS: [string, string, string][] = [
  ['Live (first screen)', '/ui/', '[role=listitem]'],
  ['Timeline (dyad)', '/ui/timeline?dyad=USA-PRK', '[role=listitem]'],
  ['Search', '/ui/search?q=ministry%20envoy', '[role=listitem]'],
  ['Trends (actor, week)', '/ui/trends?actor=PRK&by=week', 'canvas'],
  ['Actor page', '/ui/actors/PRK', 'h1'],
];

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export async function benchDashboard(n = 100_000, rounds = 10, only?: RegExp): Promise<void> {
  console.log(`\nDashboard in Chromium over a generated SQLite store of ${n} articles (fresh browser context a round, ${rounds} rounds):`);
  // No rate limit: rounds of fresh browser contexts load every screen back to back with one token.
  const config = loadConfig({ env: {}, overrides: { api: { limits: { ratePerMinute: 0 } } } });
  if (!existsSync(CHROMIUM) || !existsSync(join(config.api.dashboardDir, 'index.html'))) {
    console.log(`  skipped: needs ${CHROMIUM} (apt-get install chromium) and a built dashboard (npm run build:web)`);
    return;
  }
  const shared = sharedStore(n);
  console.log(describeStore(shared));
  const store = await openStore(shared.path, silentLogger());
  const { token, hash } = generateToken();
  await store.createApiToken({ name: 'bench-dashboard', role: 'viewer', hash });
  const app = createApp({ store, config: { ...config, dataDir: join(shared.path, '..') }, logger: silentLogger() });
  const { server, address } = await listen(app, '127.0.0.1', 0, config.api.limits);
  const base = `http://127.0.0.1:${address.port}`;
  const browser = await launchChromium();
  try {
    for (const [name, path, ready] of SCREENS.filter(([s]) => !only || only.test(s))) {
      const times: number[] = [];
      for (let i = 0; i < rounds + 1; i++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        // The token goes in the fragment, as the demo's link does; the app keeps it and loads the screen.
        await page.goto(`${base}${path}#token=${token}`);
        await page.waitForFunction((sel) => !!document.querySelector('main h1') && !document.querySelector('.state.loading') && !!document.querySelector(`main ${sel}`), ready, { timeout: 30_000, polling: 'raf' });
        const ms = await page.evaluate(() => performance.now());
        if (i > 0) times.push(ms); // the first round warms the server's caches
        await context.close();
      }
      times.sort((a, b) => a - b);
      console.log(`  ${name.padEnd(24)} p50 ${pct(times, 50).toFixed(0).padStart(5)} ms   max ${times[times.length - 1]!.toFixed(0).padStart(5)} ms   (${path})`);
    }
  } finally {
    await browser.close();
    await close(server);
    await store.close();
  }
}
