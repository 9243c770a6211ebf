import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Store suites share one PostgreSQL database: run files one at a time per worker pool.
    fileParallelism: true,
    pool: 'forks',
    // Builds the dashboard when its sources changed, for the browser tests (test/web).
    globalSetup: ['test/web/build-dashboard.ts'],
  },
});
