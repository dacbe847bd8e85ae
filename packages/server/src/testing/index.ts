export { describeEachDatabase } from './describe-each-database.ts';
export {
  openTestDatabase,
  openThrowawaySchema,
  TEST_SCHEMA_PREFIX,
  type OpenTestDatabaseOptions,
} from './open-test-database.ts';
export { testTargets, type TestTarget } from './test-targets.ts';
export { expectPersonYearSummariesKept } from './person-year-summaries.ts';
