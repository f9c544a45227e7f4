import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/src/**/*.test.ts', 'test/**/*.test.ts', 'e2e/**/*.test.ts', 'bench/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most test files wait on PostgreSQL, child processes or Chromium rather than compute, so two
    // run side by side even on a 2-core machine (the default is one fewer than the cores).
    maxWorkers: 2,
  },
});
