import { defineConfig } from 'vitest/config';

// Browser tests: build the app, start the real server over a fresh SQLite database with the demo region,
// drive Debian's Chromium with playwright-core. Skipped, with the reason printed, where Chromium is missing.
export default defineConfig({
  test: {
    name: 'web-browser',
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/browser/global-setup.ts'],
    // One server and one Chromium at a time: the machines running these have few cores.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
