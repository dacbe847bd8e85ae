import { Kysely } from 'kysely';
import { parseDatabaseUrl, type DatabaseLocation, type Dialect } from './database-url.ts';
import { createPostgresDialect, type PostgresOptions } from './postgres-dialect.ts';
import type { Database } from './schema.ts';
import { createSqliteDialect } from './sqlite-dialect.ts';

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** Closes the file or the pool; safe to call more than once. */
  close(): Promise<void>;
}

export type OpenDatabaseOptions = PostgresOptions;

/**
 * Opens the database a DATABASE_URL names (see parseDatabaseUrl for the forms), or the location
 * `loadConfig` already parsed. Connections to PostgreSQL are made lazily, on the first query; a SQLite
 * file (and its folder) is created at once.
 */
export function openDatabase(
  target: string | DatabaseLocation,
  options: OpenDatabaseOptions = {},
): DatabaseHandle {
  const location = typeof target === 'string' ? parseDatabaseUrl(target) : target;
  const dialect =
    location.dialect === 'sqlite'
      ? createSqliteDialect(location.filename)
      : createPostgresDialect(location.url, options);
  const db = new Kysely<Database>({ dialect });
  let closing: Promise<void> | undefined;
  return {
    db,
    dialect: location.dialect,
    close: () => (closing ??= db.destroy()),
  };
}
