// `npm run screenshots`: a picture of every dashboard screen, on the browser-test fixture
// (the offline demo plus the US–North Korea week), saved to docs/screenshots/ for the README.
// Needs Debian's Chromium; run after changing a screen.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import setup from './build-dashboard.js';
import { startDashboard } from './harness.js';

const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

// [file, path, role]
const SCREENS: [string, string, 'viewer' | 'analyst'][] = [
  ['live', '/ui/', 'viewer'],
  ['timeline', '/ui/timeline?dyad=PRK-USA', 'viewer'],
  ['actor', '/ui/actors/PRK', 'viewer'],
  ['dyad', '/ui/dyad?a=PRK&b=USA', 'viewer'],
  ['trends', '/ui/trends?actor=PRK&by=day&compare=USA', 'viewer'],
  ['personnel', '/ui/personnel', 'viewer'],
  ['opinion', '/ui/opinion', 'viewer'],
  ['search', '/ui/search?q=talks', 'viewer'],
  ['article', '/ui/articles/1', 'viewer'],
  ['briefs', '/ui/briefs', 'analyst'],
  ['sources', '/ui/sources', 'viewer'],
  ['rules', '/ui/rules', 'analyst'],
];

await setup();
mkdirSync(OUT, { recursive: true });
const d = await startDashboard();
try {
  for (const [file, path, role] of SCREENS) {
    const page = await d.open(path, role);
    await page.waitForFunction(() => !document.querySelector('.state.loading'), undefined, { timeout: 20_000 });
    await page.waitForTimeout(800); // charts and graph layout settle
    await page.screenshot({ path: `${OUT}${file}.png` });
    if (page.problems.length) process.stderr.write(`${file}: ${page.problems.join('; ')}\n`);
    await page.context().close();
  }
  const narrow = await d.open('/ui/timeline?dyad=PRK-USA', 'viewer', { width: 390, height: 844 });
  await narrow.waitForTimeout(800);
  await narrow.screenshot({ path: `${OUT}timeline-narrow.png` });
} finally {
  await d.close();
}
process.stdout.write(`screenshots in ${OUT}\n`);
