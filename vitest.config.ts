import { defineConfig } from 'vitest/config';

// One test run covers every package; database tests run on SQLite always and on
// PostgreSQL too when DATABASE_URL points at one (see packages/server/src/testing).
export default defineConfig({
  test: {
    projects: ['packages/domain', 'packages/server'],
  },
});
