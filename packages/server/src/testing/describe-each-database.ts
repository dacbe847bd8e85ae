import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe } from 'vitest';
import type { Dialect } from '../db/database-url.ts';
import type { DatabaseHandle } from '../db/open-database.ts';
import type { Database } from '../db/schema.ts';
import { openTestDatabase, type OpenTestDatabaseOptions } from './open-test-database.ts';
import { testTargets } from './test-targets.ts';

/**
 * Declares the suite once per database (see testTargets), titled "[sqlite] name" / "[postgres] name".
 * Each gets a fresh, migrated database before its first test, shared by the tests of that suite and
 * dropped after the last. `getDb` is called inside tests and hooks, once the database is open.
 *
 *   describeEachDatabase('policy repository', (getDb, dialect) => {
 *     it('finds the version in force', async () => { const db = getDb(); ... });
 *   });
 */
export function describeEachDatabase(
  name: string,
  body: (getDb: () => Kysely<Database>, dialect: Dialect) => void,
  options: OpenTestDatabaseOptions = {},
): void {
  for (const target of testTargets()) {
    describe(`[${target.dialect}] ${name}`, () => {
      let handle: DatabaseHandle | undefined;
      beforeAll(async () => {
        handle = await openTestDatabase(target, options);
      });
      afterAll(async () => {
        await handle?.close();
      });
      body(() => {
        if (!handle)
          throw new Error(
            `${name}: the ${target.dialect} test database is not open yet (call getDb inside a test or hook)`,
          );
        return handle.db;
      }, target.dialect);
    });
  }
}
