export { openDatabase, type DatabaseHandle, type OpenDatabaseOptions } from './open-database.ts';
export {
  parseDatabaseUrl,
  redactDatabaseUrl,
  DEFAULT_DATABASE_URL,
  SQLITE_MEMORY,
  type DatabaseLocation,
  type Dialect,
} from './database-url.ts';
export { dialectOf } from './dialect-of.ts';
export { migrateToLatest, migrateToEmpty, MigrationError, type MigrationMap } from './migrate.ts';
export { migrations } from './migrations/index.ts';
export type * from './schema.ts';
export { bulkInsert, insertRows, insertRowsReturningIds } from './bulk-insert.ts';
