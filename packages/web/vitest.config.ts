import { defineConfig } from 'vitest/config';

// Unit tests of the web package: pure modules (language choice, translations, identifier checks) and the
// check that the generated API types match the server. Browser tests: vitest.browser.config.ts.
export default defineConfig({
  test: {
    name: 'web',
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
