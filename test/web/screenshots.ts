// `npm run screenshots`: a picture of every dashboard screen, on the browser-test fixture
// (the offline demo plus the US–North Korea week), saved to docs/screenshots/ for the README.
// Needs Debian's Chromium; run after changing a screen.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ingestRecords } from '../helpers/ingested-store.js';
import setup from './build-dashboard.js';
import { startDashboard, type Dashboard } from './harness.js';

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
  ['briefs', '/ui/briefs?id=BRIEF', 'analyst'],
  ['sources', '/ui/sources', 'viewer'],
  ['rules', '/ui/rules', 'analyst'],
];

/** A watch rule that has fired once and a saved brief, so those screens show what they are for. */
async function seed(d: Dashboard): Promise<number> {
  const post = async (path: string, body: unknown) => {
    const res = await fetch(d.url + path, { method: 'POST', headers: { authorization: `Bearer ${d.tokens.analyst}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: number };
  };
  await post('/rules', { name: 'North Korean threats', match: { actors: ['PRK'], types: ['THREATEN'] }, deliver: [{ kind: 'log' }] });
  await ingestRecords(d.store, [{ url: 'https://late-wire.example/threat', source: 'Late Wire', published: new Date().toISOString(), title: 'Pyongyang warns Tokyo', text: 'North Korea on Tuesday threatened Japan with a missile strike.' }], 'screenshot-alert.jsonl');
  return (await post('/briefs', { since: '2026-03-01', until: '2026-03-20', focus: 'PRK', format: 'md', save: true })).id;
}

await setup();
mkdirSync(OUT, { recursive: true });
const d = await startDashboard();
try {
  const brief = await seed(d);
  for (const [file, path, role] of SCREENS) {
    const page = await d.open(path.replace('BRIEF', String(brief)), role);
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
