// The dashboard's build: a static single-page app under /ui/, served by `readout serve`
// (src/api/dashboard.ts). No CDN and no inline scripts, so the page runs offline under a
// strict Content-Security-Policy.
import { defineConfig } from 'vite';

export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  base: '/ui/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The polyfill would be inlined; every browser we support has modulepreload.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1200,
  },
});
