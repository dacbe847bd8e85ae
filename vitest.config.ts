import { defineConfig } from 'vitest/config';

// One test run covers every package; database tests run on SQLite always and on
// PostgreSQL too when DATABASE_URL points at one (see packages/server/src/testing). The web app's
// browser tests build it and run it against the real server in Chromium.
export default defineConfig({
  test: {
    projects: [
      'packages/domain',
      'packages/server',
      'packages/web/vitest.config.ts',
      // Chromium against the built app and the real server; skipped with the reason where Chromium is missing.
      'packages/web/vitest.browser.config.ts',
    ],
  },
});
