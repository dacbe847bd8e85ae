import { CompiledQuery, type Kysely, type RawBuilder } from 'kysely';
import type { Dialect } from './database-url.ts';
import { dialectOf } from './dialect-of.ts';
import type { Database } from './schema.ts';
import { ShebaoSqliteAdapter } from './sqlite-dialect.ts';

type Value = string | number | null;

/**
 * A query whose SQL is compiled once per database (and per length of its list arguments) and then run
 * with new values: for the few hot reads where Kysely's query building and compiling cost more than the
 * database itself (the rights record, docs/BENCHMARKS.md "Inquiry"). On SQLite, when neither the caller
 * nor anyone else has a transaction open on the one connection, the statement runs on it directly and at
 * once (better-sqlite3 is synchronous, so nothing can begin a transaction meanwhile): no lock to wait for,
 * no dirty read. Otherwise, and on PostgreSQL, it goes through Kysely's driver like any other query (a
 * transaction's own queries see its writes; others wait for it). Kysely plugins do not see direct runs.
 *
 * The template gets the dialect first (where the SQL differs), then the arguments; it must interpolate
 * each argument exactly once and in order (a list through `sql.join`), so that the values line up with
 * the compiled parameters; the first run of each shape checks it.
 *
 *   const namesOf = prepareQuery((_dialect, ids: number[]) => sql<{ name: string }>`select name
 *     from employers where id in (${sql.join(ids)})`);
 *   const rows = await namesOf(db, [1, 2]);
 */
export function prepareQuery<Args extends (Value | readonly Value[])[], Row>(
  template: (dialect: Dialect, ...args: Args) => RawBuilder<Row>,
): (db: Kysely<Database>, ...args: Args) => Promise<Row[]> {
  const texts = new WeakMap<object, Map<string, string>>();
  return async (db, ...args) => {
    let shape = '';
    const values: Value[] = [];
    for (const arg of args) {
      if (Array.isArray(arg)) {
        shape += `${arg.length},`;
        values.push(...(arg as readonly Value[]));
      } else {
        shape += '-,';
        values.push(arg as Value);
      }
    }
    let byShape = texts.get(db);
    if (!byShape) texts.set(db, (byShape = new Map()));
    let text = byShape.get(shape);
    if (text === undefined) {
      const query = template(dialectOf(db), ...args).compile(db);
      if (query.parameters.length !== values.length || query.parameters.some((p, i) => p !== values[i]))
        throw new Error('prepareQuery: the template must interpolate each argument once, in order');
      text = query.sql;
      byShape.set(shape, text);
    }
    const adapter = db.getExecutor().adapter;
    if (!db.isTransaction && adapter instanceof ShebaoSqliteAdapter && !adapter.database.inTransaction) {
      return adapter.database.prepare(text).all(values) as Row[];
    }
    const result = await db.executeQuery<Row>(CompiledQuery.raw(text, values));
    return result.rows;
  };
}
