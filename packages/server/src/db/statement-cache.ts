import type SqliteDatabase from 'better-sqlite3';

type Statement = SqliteDatabase.Statement;

/**
 * Keeps the connection's prepared statements by SQL text, so that a query asked again (every request
 * asks the same few) is not compiled again: Kysely's SQLite driver calls `prepare` for every query, and
 * for a short query preparing costs as much as running it. Least recently used statements go first once
 * `capacity` is reached (bulk inserts prepare one text per row count). A statement that is busy (being
 * iterated by a streamed query) is never handed out twice; a fresh one is prepared beside it.
 */
export function cachePreparedStatements(database: SqliteDatabase.Database, capacity = 256): void {
  const prepare = database.prepare.bind(database);
  const cache = new Map<string, Statement>();
  database.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached && !cached.busy) {
      cache.delete(source); // re-inserted below: Map order is the recency order
      cache.set(source, cached);
      return cached;
    }
    const statement = prepare(source);
    if (!cached) {
      cache.set(source, statement);
      if (cache.size > capacity) cache.delete(cache.keys().next().value!);
    }
    return statement;
  }) as typeof database.prepare;
}
