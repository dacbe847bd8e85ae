import pg from 'pg';
import { PostgresDialect, type DatabaseIntrospector, type Kysely } from 'kysely';
import { SearchPathIntrospector } from './postgres-introspector.ts';

export interface PostgresOptions {
  /** Schema to put first and only on search_path, e.g. an isolated schema per test suite. */
  readonly searchPath?: string;
  readonly poolSize?: number;
  /** Called when an idle pooled connection fails (e.g. server restart); see below. */
  readonly onIdleError?: (error: Error) => void;
}

const INT8_OID = 20;

/**
 * int8 (bigint columns, count(*), sum()) comes back as a JS number, as on SQLite. Fen amounts stay far
 * below 2^53; a value beyond it would lose precision silently, so it fails loudly instead.
 */
function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value))
    throw new RangeError(`int8 value ${text} is beyond 2^53 and cannot be a number`);
  return value;
}

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? parseInt8
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

class ShebaoPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SearchPathIntrospector(db);
  }
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function createPostgresDialect(url: string, options: PostgresOptions = {}): PostgresDialect {
  if (options.searchPath !== undefined && !SCHEMA_NAME.test(options.searchPath)) {
    throw new RangeError(`searchPath: "${options.searchPath}" is not a plain lower-case schema name`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types,
    // Set at connect time, so every pooled connection sees the same schema without a round trip.
    ...(options.searchPath === undefined ? {} : { options: `-c search_path=${options.searchPath}` }),
  });
  // Without a listener, an idle connection dropped by the server crashes the process. The pool
  // already discards the broken client and the next query opens a fresh one, so by default carry on;
  // the server passes onIdleError to log it.
  pool.on('error', options.onIdleError ?? (() => {}));
  return new ShebaoPostgresDialect({ pool });
}
