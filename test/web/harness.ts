// Browser tests of the dashboard: the real `readout serve` (child process, --no-watch) on a
// store filled by the offline demo (sample outlets, opinion, reader comments, raw HTML) plus a
// tit-for-tat week of US–North Korea stories (responses to follow), driven in Debian's Chromium
// through playwright-core. Without /usr/bin/chromium the suites skip with a message, except
// under CI=true, where they must run (.ci/run installs Chromium).
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { describe } from 'vitest';
import { EXCHANGE, storyArticles } from '../helpers/desk-stories.js';
import { emptyStore, ingestRecords, type IngestedStore } from '../helpers/ingested-store.js';
import { runCli } from '../helpers/run-cli.js';
import { startServe } from '../helpers/serve-process.js';

import { CHROMIUM, launchChromium } from './chromium.js';

/** A describe() that runs in Chromium, skipped with a message where there is none (an error under CI=true). */
export function describeInBrowser(name: string, fn: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(name, fn);
    return;
  }
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing: .ci/run installs it with apt-get install chromium`);
  // eslint-disable-next-line no-console -- a skipped suite must be visible
  console.warn(`${name}: skipped, ${CHROMIUM} not found (apt-get install chromium)`);
  describe.skip(name, fn);
}

export interface Dashboard {
  url: string;
  store: IngestedStore;
  tokens: { viewer: string; analyst: string };
  browser: Browser;
  /** A new page signed in with the role's token, collecting console errors and CSP reports. */
  open(path?: string, role?: 'viewer' | 'analyst', viewport?: { width: number; height: number }): Promise<Page & { problems: string[] }>;
  close(): Promise<void>;
}

async function token(store: IngestedStore, role: 'viewer' | 'analyst'): Promise<string> {
  const r = await runCli(['tokens', 'create', '--role', role, '--name', `browser-${role}`], store.env);
  if (r.code !== 0) throw new Error(`tokens create: ${r.stderr}`);
  return r.stdout.trim();
}

/** A store with the demo data and the desk's exchange; `extra` adds articles (ingest records) for one screen's tests. */
export async function startDashboard(extra: readonly object[] = []): Promise<Dashboard> {
  const store = emptyStore('web');
  const demo = await runCli(['demo', '--store', store.env.READOUT_DB!, '--no-serve'], store.env);
  if (demo.code !== 0) throw new Error(`demo: ${demo.stderr}`);
  await ingestRecords(store, [...storyArticles(EXCHANGE, (text) => text.split(' ').slice(0, 9).join(' ')), ...extra]);
  const tokens = { viewer: await token(store, 'viewer'), analyst: await token(store, 'analyst') };
  const serve = await startServe({ ...store.env, READOUT_LOG_LEVEL: 'warn' });
  const url = serve.url;
  const browser = await launchChromium();
  return {
    url,
    store,
    tokens,
    browser,
    async open(path = '/ui/', role = 'viewer', viewport = { width: 1280, height: 800 }) {
      const context = await browser.newContext({ viewport });
      const page = Object.assign(await context.newPage(), { problems: [] as string[] });
      page.on('console', (m) => {
        if (m.type() === 'error') page.problems.push(m.text());
      });
      page.on('pageerror', (e) => page.problems.push(e.message));
      // Sign in through the #token link the demo prints, then go where the test wants.
      await page.goto(`${url}/ui/#token=${tokens[role]}`);
      await page.getByRole('navigation', { name: 'Screens' }).waitFor();
      if (path !== '/ui/') await page.goto(url + path);
      return page;
    },
    async close() {
      await browser.close();
      await serve.stop();
    },
  };
}
