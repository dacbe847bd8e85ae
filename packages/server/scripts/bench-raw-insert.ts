import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from '../src/db/index.ts';
import { ShebaoSqliteAdapter } from '../src/db/sqlite-dialect.ts';

/** Rows per multi-row statement on SQLite (2 values each, far below the 32766-value limit). */
export const SQLITE_MULTI_ROWS = 500;
/** Rows per `insert ... select from unnest(...)` on PostgreSQL. */
export const POSTGRES_UNNEST_ROWS = 10_000;

export interface RawInsertRate {
  /** What was measured, in words, for the report. */
  method: string;
  rows: number;
  seconds: number;
  perSec: number;
}

/** Runs of each raw measurement; the median counts, so one disturbed run does not skew the ratio. */
export const RAW_RUNS = 3;

export interface RawInsertMeasurement extends RawInsertRate {
  /** Rows per second of every run, in order. */
  runs: number[];
}

const PERIOD = '2025-07';

/**
 * The database's own speed on this machine: one narrow row per person-month into a plain table without
 * indexes, all in one transaction. On SQLite, `single` is ONE prepared single-row INSERT run once per row
 * through better-sqlite3 (the canonical raw insert) and `multi` a prepared multi-row INSERT; on PostgreSQL
 * both are `insert ... select from unnest($1, $2)` in chunks (one round trip per row would measure the
 * network, not the database).
 */
export async function measureRawInserts(
  db: Kysely<Database>,
  rows: number,
  postgres: { url: string; schema: string } | undefined,
): Promise<{ single: RawInsertMeasurement; multi: RawInsertMeasurement }> {
  if (postgres) {
    const unnest = await medianOf(() => measurePostgresUnnest(postgres, rows));
    return { single: unnest, multi: unnest };
  }
  const adapter = db.getExecutor().adapter;
  if (!(adapter instanceof ShebaoSqliteAdapter))
    throw new Error('raw insert baseline: not a Shebao SQLite database');
  const sqlite = adapter.database;
  return {
    single: await medianOf(async () => measureSqliteSingleRow(sqlite, rows)),
    multi: await medianOf(async () => measureSqliteMultiRow(sqlite, rows)),
  };
}

async function medianOf(measure: () => Promise<RawInsertRate>): Promise<RawInsertMeasurement> {
  const runs: RawInsertRate[] = [];
  for (let run = 0; run < RAW_RUNS; run += 1) runs.push(await measure());
  const median = [...runs].sort((a, b) => a.perSec - b.perSec)[Math.floor(RAW_RUNS / 2)]!;
  return { ...median, runs: runs.map((run) => run.perSec) };
}

type SqliteDatabase = ShebaoSqliteAdapter['database'];

/** Also bench:line-floor's baseline. */
export function measureSqliteSingleRow(sqlite: SqliteDatabase, rows: number): RawInsertRate {
  sqlite.exec('create table raw_bench (person_id integer, period text)');
  const insert = sqlite.prepare('insert into raw_bench (person_id, period) values (?, ?)');
  const started = performance.now();
  sqlite.transaction(() => {
    for (let id = 1; id <= rows; id += 1) insert.run(id, PERIOD);
  })();
  const seconds = (performance.now() - started) / 1000;
  sqlite.exec('drop table raw_bench');
  return {
    method: 'SQLite: one prepared single-row INSERT executed per row, one transaction (better-sqlite3)',
    rows,
    seconds,
    perSec: rows / seconds,
  };
}

function measureSqliteMultiRow(sqlite: SqliteDatabase, rows: number): RawInsertRate {
  sqlite.exec('create table raw_bench_multi (person_id integer, period text)');
  const statement = (count: number) =>
    sqlite.prepare(
      `insert into raw_bench_multi (person_id, period) values ${Array(count).fill('(?, ?)').join(',')}`,
    );
  const full = statement(SQLITE_MULTI_ROWS);
  const values: (number | string)[] = new Array(SQLITE_MULTI_ROWS * 2);
  const started = performance.now();
  sqlite.transaction(() => {
    let id = 1;
    for (; id + SQLITE_MULTI_ROWS - 1 <= rows; id += SQLITE_MULTI_ROWS) {
      for (let row = 0; row < SQLITE_MULTI_ROWS; row += 1) {
        values[row * 2] = id + row;
        values[row * 2 + 1] = PERIOD;
      }
      full.run(values);
    }
    const rest = rows - id + 1;
    if (rest > 0) statement(rest).run(Array.from({ length: rest }, (_, row) => [id + row, PERIOD]).flat());
  })();
  const seconds = (performance.now() - started) / 1000;
  sqlite.exec('drop table raw_bench_multi');
  return {
    method: `SQLite: prepared ${SQLITE_MULTI_ROWS}-row INSERT, one transaction (better-sqlite3)`,
    rows,
    seconds,
    perSec: rows / seconds,
  };
}

async function measurePostgresUnnest(
  target: { url: string; schema: string },
  rows: number,
): Promise<RawInsertRate> {
  const client = new pg.Client({ connectionString: target.url, options: `-c search_path=${target.schema}` });
  await client.connect();
  try {
    await client.query('create table raw_bench (person_id bigint, period text)');
    const started = performance.now();
    await client.query('begin');
    for (let first = 1; first <= rows; first += POSTGRES_UNNEST_ROWS) {
      const count = Math.min(POSTGRES_UNNEST_ROWS, rows - first + 1);
      await client.query(
        'insert into raw_bench (person_id, period) select * from unnest($1::bigint[], $2::text[])',
        [Array.from({ length: count }, (_, row) => first + row), Array<string>(count).fill(PERIOD)],
      );
    }
    await client.query('commit');
    const seconds = (performance.now() - started) / 1000;
    await client.query('drop table raw_bench');
    return {
      method: `PostgreSQL: insert ... select from unnest($1::bigint[], $2::text[]), ${POSTGRES_UNNEST_ROWS} rows per statement, one transaction (pg)`,
      rows,
      seconds,
      perSec: rows / seconds,
    };
  } finally {
    await client.end();
  }
}

/** As bulkInsert: whole rows up to 16,000 bound values per statement. */
const LINES_ALONE_MAX_VALUES = 16_000;

/**
 * What writing the assessment's own lines costs by itself: the run's contribution_lines, all columns
 * but the id, read into memory first and then written into a plain table with no index, no trigger and no
 * constraint through multi-row statements of bulkInsert's size, in one transaction, timed with its commit
 * like the raw baseline; the median of RAW_RUNS runs. Against the raw single-row rate this is the highest
 * ratio an assessment could reach if it did nothing but write its lines: no reading of employments and
 * bases, no computing, no bills, no journal, no person index, no year summaries. SQLite only.
 */
export async function measureSqliteLinesAlone(db: Kysely<Database>): Promise<RawInsertMeasurement> {
  const adapter = db.getExecutor().adapter;
  if (!(adapter instanceof ShebaoSqliteAdapter))
    throw new Error('lines-alone baseline: not a Shebao SQLite database');
  const sqlite = adapter.database;
  const columns = (
    sqlite.prepare('select name from pragma_table_info(?)').all('contribution_lines') as { name: string }[]
  )
    .map((column) => column.name)
    .filter((name) => name !== 'id');
  const list = columns.map((name) => `"${name}"`).join(', ');
  const values = (
    sqlite.prepare(`select ${list} from contribution_lines order by id`).raw().all() as unknown[][]
  ).flat();
  const rows = values.length / columns.length;
  const perStatement = Math.floor(LINES_ALONE_MAX_VALUES / columns.length);
  const one = `(${columns.map(() => '?').join(',')})`;
  return medianOf(async () => {
    sqlite.exec(`create table lines_alone as select ${list} from contribution_lines where 0`);
    const prepare = (count: number) =>
      sqlite.prepare(`insert into lines_alone (${list}) values ${Array(count).fill(one).join(',')}`);
    const full = prepare(perStatement);
    const started = performance.now();
    sqlite.transaction(() => {
      let row = 0;
      for (; row + perStatement <= rows; row += perStatement)
        full.run(values.slice(row * columns.length, (row + perStatement) * columns.length));
      if (row < rows) prepare(rows - row).run(values.slice(row * columns.length));
    })();
    const seconds = (performance.now() - started) / 1000;
    sqlite.exec('drop table lines_alone');
    return {
      method: `SQLite: the run's own lines (${columns.length} columns, read beforehand) into a plain table without index, ${perStatement}-row INSERTs as bulkInsert writes them, one transaction`,
      rows,
      seconds,
      perSec: rows / seconds,
    };
  });
}
