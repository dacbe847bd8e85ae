import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { ShebaoSqliteAdapter } from './sqlite-dialect.ts';

type Row = readonly (string | number | null)[];

/** SQLite allows 32766 bound values per statement; stay well below with whole rows. */
const SQLITE_MAX_VALUES = 16_000;
const POSTGRES_ROWS = 5_000;

const statements = new WeakMap<object, Map<string, { run(values: unknown[]): unknown }>>();

/**
 * Inserts many rows of one table fast, inside the caller's transaction: on SQLite through cached prepared
 * statements of many rows each on the same connection; on PostgreSQL as one `insert ... select from
 * unnest(...)` per chunk, one array parameter per column. Used by batch work (assessment, payments,
 * imports), never for single rows. `types` gives the PostgreSQL array type of each column.
 */
export async function bulkInsert(
  db: Kysely<Database>,
  table: keyof Database,
  columns: readonly string[],
  types: readonly string[],
  rows: readonly Row[],
): Promise<void> {
  if (rows.length === 0) return;
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof ShebaoSqliteAdapter) {
    insertSqlite(adapter, table, columns, rows);
    return;
  }
  for (let start = 0; start < rows.length; start += POSTGRES_ROWS) {
    const chunk = rows.slice(start, start + POSTGRES_ROWS);
    const arrays = columns.map(
      (_, column) => sql`${chunk.map((row) => row[column])}::${sql.raw(types[column]!)}[]`,
    );
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((column) => sql.ref(column)))})
      select * from unnest(${sql.join(arrays)})`.execute(db);
  }
}

function insertSqlite(
  adapter: ShebaoSqliteAdapter,
  table: string,
  columns: readonly string[],
  rows: readonly Row[],
): void {
  const rowsPerStatement = Math.max(1, Math.floor(SQLITE_MAX_VALUES / columns.length));
  let cache = statements.get(adapter.database);
  if (!cache) statements.set(adapter.database, (cache = new Map()));
  const prepare = (count: number) => {
    const key = `${table}|${columns.join(',')}|${count}`;
    let statement = cache.get(key);
    if (!statement) {
      const one = `(${columns.map(() => '?').join(',')})`;
      statement = adapter.database.prepare(
        `insert into "${table}" (${columns.map((column) => `"${column}"`).join(',')}) values ${Array(count).fill(one).join(',')}`,
      );
      cache.set(key, statement);
    }
    return statement;
  };
  const full = prepare(rowsPerStatement);
  const values: unknown[] = new Array(rowsPerStatement * columns.length);
  let at = 0;
  for (; at + rowsPerStatement <= rows.length; at += rowsPerStatement) {
    let index = 0;
    for (let row = at; row < at + rowsPerStatement; row += 1)
      for (const value of rows[row]!) values[index++] = value;
    full.run(values);
  }
  while (at < rows.length) {
    const size = statementRows(rows.length - at, rowsPerStatement);
    prepare(size).run(rows.slice(at, at + size).flat());
    at += size;
  }
}

/**
 * Rows for the next statement: a full one, else the largest power of two that fits, so that a handful of
 * cached statements serve a tail of any length (one statement per exact length would prepare, and keep,
 * a new statement on nearly every call).
 */
function statementRows(remaining: number, rowsPerStatement: number): number {
  return remaining >= rowsPerStatement ? rowsPerStatement : 2 ** Math.floor(Math.log2(remaining));
}

const returningStatements = new WeakMap<object, Map<string, { all(values: unknown[]): unknown[] }>>();

/**
 * bulkInsert for rows whose generated ids the caller needs (bills before their lines, journal transactions
 * before their entries): the same multi-row statements with `returning id`, and the ids in the order of
 * `rows`. Neither database promises the order RETURNING emits rows in, but both hand out ids in ascending
 * order as one statement inserts its rows in turn, so each statement's ids, sorted, are its rows' ids.
 */
export async function bulkInsertReturningIds(
  db: Kysely<Database>,
  table: keyof Database,
  columns: readonly string[],
  types: readonly string[],
  rows: readonly Row[],
): Promise<number[]> {
  const ids: number[] = [];
  const adapter = db.getExecutor().adapter;
  const sqlite = adapter instanceof ShebaoSqliteAdapter ? adapter : undefined;
  const rowsPerStatement = sqlite
    ? Math.max(1, Math.floor(SQLITE_MAX_VALUES / columns.length))
    : POSTGRES_ROWS;
  for (let start = 0; start < rows.length;) {
    const size = sqlite ? statementRows(rows.length - start, rowsPerStatement) : rowsPerStatement;
    const chunk = rows.slice(start, (start += size));
    let chunkIds: number[];
    if (sqlite) {
      chunkIds = prepareReturning(sqlite, table, columns, chunk.length).all(chunk.flat()) as number[];
    } else {
      const arrays = columns.map(
        (_, column) => sql`${chunk.map((row) => row[column])}::${sql.raw(types[column]!)}[]`,
      );
      const result = await sql<{ id: number }>`insert into ${sql.table(table)} (${sql.join(
        columns.map((column) => sql.ref(column)),
      )}) select * from unnest(${sql.join(arrays)}) returning id`.execute(db);
      chunkIds = result.rows.map((row) => Number(row.id));
    }
    if (chunkIds.length !== chunk.length) {
      throw new Error(`bulk insert into ${table}: ${chunkIds.length} ids for ${chunk.length} rows`);
    }
    chunkIds.sort((a, b) => a - b);
    for (const id of chunkIds) ids.push(id);
  }
  return ids;
}

function prepareReturning(
  adapter: ShebaoSqliteAdapter,
  table: string,
  columns: readonly string[],
  count: number,
): { all(values: unknown[]): unknown[] } {
  let cache = returningStatements.get(adapter.database);
  if (!cache) returningStatements.set(adapter.database, (cache = new Map()));
  const key = `${table}|${columns.join(',')}|${count}`;
  let statement = cache.get(key);
  if (!statement) {
    const one = `(${columns.map(() => '?').join(',')})`;
    statement = adapter.database
      .prepare(
        `insert into "${table}" (${columns.map((column) => `"${column}"`).join(',')}) values ${Array(count).fill(one).join(',')} returning id`,
      )
      .pluck();
    cache.set(key, statement);
  }
  return statement;
}

type ColumnValue = string | number | null;
const columnTypes = new WeakMap<object, Map<string, Map<string, string>>>();

/** PostgreSQL's array element type of each column of a table, read once per database. */
async function postgresTypesOf(db: Kysely<Database>, table: string): Promise<Map<string, string>> {
  const key = db.getExecutor().adapter;
  let tables = columnTypes.get(key);
  if (!tables) columnTypes.set(key, (tables = new Map()));
  let types = tables.get(table);
  if (!types) {
    const result = await sql<{ column_name: string; udt_name: string }>`select column_name, udt_name
      from information_schema.columns where table_schema = current_schema() and table_name = ${table}`.execute(
      db,
    );
    const names: Record<string, string> = {
      int8: 'bigint',
      int4: 'integer',
      int2: 'smallint',
      varchar: 'text',
    };
    types = new Map(result.rows.map((row) => [row.column_name, names[row.udt_name] ?? row.udt_name]));
    tables.set(table, types);
  }
  return types;
}

/** The columns the rows set (every row the same) and the rows as tuples in that order. */
function tuplesOf<T extends keyof Database & string>(
  table: T,
  rows: readonly Insertable<Database[T]>[],
): { columns: string[]; tuples: ColumnValue[][] } {
  const columns = Object.keys(rows[0]!);
  const tuples = rows.map((row) => {
    const values = row as Record<string, ColumnValue>;
    if (Object.keys(values).length !== columns.length)
      throw new Error(
        `insertRows into ${table}: every row must set the same columns (${columns.join(', ')})`,
      );
    return columns.map((column) => {
      const value = values[column];
      if (value === undefined) throw new Error(`insertRows into ${table}: a row leaves out ${column}`);
      return value;
    });
  });
  return { columns, tuples };
}

/**
 * The one bulk writer of rows given as objects (the demo, the batch use cases and the benchmark
 * generators all write through it, so a benchmark measures the code production runs): the columns are the
 * keys the rows set, and on PostgreSQL the array types come from the table itself. Inside the caller's
 * transaction, as bulkInsert.
 */
export async function insertRows<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  if (rows.length === 0) return;
  const { columns, tuples } = tuplesOf(table, rows);
  const types =
    db.getExecutor().adapter instanceof ShebaoSqliteAdapter ? [] : await typesFor(db, table, columns);
  await bulkInsert(db, table, columns, types, tuples);
}

/** insertRows for rows whose generated ids the caller needs, in the order of `rows`. */
export async function insertRowsReturningIds<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<number[]> {
  if (rows.length === 0) return [];
  const { columns, tuples } = tuplesOf(table, rows);
  const types =
    db.getExecutor().adapter instanceof ShebaoSqliteAdapter ? [] : await typesFor(db, table, columns);
  return bulkInsertReturningIds(db, table, columns, types, tuples);
}

async function typesFor(db: Kysely<Database>, table: string, columns: readonly string[]): Promise<string[]> {
  const known = await postgresTypesOf(db, table);
  return columns.map((column) => {
    const type = known.get(column);
    if (!type) throw new Error(`insertRows into ${table}: the table has no column ${column}`);
    return type;
  });
}
