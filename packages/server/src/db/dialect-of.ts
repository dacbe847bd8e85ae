import { PostgresAdapter, SqliteAdapter, type Kysely } from 'kysely';
import type { Dialect } from './database-url.ts';

/** Which dialect a Kysely instance (or transaction) speaks; migrations branch on it where SQL differs. */
export function dialectOf<DB>(db: Kysely<DB>): Dialect {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof PostgresAdapter) return 'postgres';
  if (adapter instanceof SqliteAdapter) return 'sqlite';
  throw new Error(`Unsupported database adapter ${adapter.constructor.name}`);
}
