// Debian's Chromium through playwright-core, as the browser tests and the dashboard benchmark
// start it: headless, no sandbox (root in CI), and none of the background connections this
// offline machine would refuse (../shared/notes/libraries.md). Never a downloaded browser.
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
