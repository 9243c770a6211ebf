import { fileURLToPath } from 'node:url';

/** The package's built web dashboard (web/dist beside src/ and dist/; `npm run build:web`). */
export const DASHBOARD_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));
