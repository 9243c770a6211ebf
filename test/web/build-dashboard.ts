// vitest globalSetup: builds the dashboard (web/dist, or READOUT_WEB_DIST) when its sources are
// newer than the build, so browser tests never run against a stale bundle. `npm install` builds it too.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = fileURLToPath(new URL('../../web', import.meta.url));

function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
}

const OUT = process.env.READOUT_WEB_DIST || join(WEB, 'dist');

export function dashboardIsStale(): boolean {
  const built = join(OUT, 'index.html');
  if (!existsSync(built)) return true;
  const sources = Math.max(newest(join(WEB, 'src')), newest(join(WEB, 'index.html')), newest(join(WEB, 'vite.config.ts')));
  return sources > statSync(built).mtimeMs;
}

export default async function setup(): Promise<void> {
  if (!dashboardIsStale()) return;
  const { build } = await import('vite');
  await build({ configFile: join(WEB, 'vite.config.ts'), logLevel: 'warn', build: { outDir: OUT } });
}
