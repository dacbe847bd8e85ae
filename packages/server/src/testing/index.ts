export { describeEachDatabase } from './describe-each-database.ts';
export { openTestDatabase, TEST_SCHEMA_PREFIX, type OpenTestDatabaseOptions } from './open-test-database.ts';
export { testTargets, type TestTarget } from './test-targets.ts';
