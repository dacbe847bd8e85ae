import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import {
  createPersonYearSummaryTriggers,
  dropPersonYearSummaryTriggers,
} from '../db/migrations/person-year-summaries.ts';
import { BackupError } from './manifest.ts';

type Db = Kysely<Database>;
const PAGE_ROWS = 5_000;
/** PostgreSQL takes at most 65,535 parameters per statement; stay well below. */
const INSERT_VALUES = 30_000;
/** Kysely's own bookkeeping: the target's migrator writes it. */
const SKIPPED = new Set(['kysely_migration', 'kysely_migration_lock']);

export const tableFile = (table: string) => `tables/${table}.jsonl`;

/**
 * The tables of the current schema, each after the tables it references (a foreign key to itself does
 * not count), ties by name: the order to load them in, and reversed, to empty them.
 */
export async function tablesInDependencyOrder(db: Db): Promise<string[]> {
  const tables = (
    await sql<{ name: string }>`select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db)
  ).rows
    .map((row) => row.name)
    .filter((name) => !SKIPPED.has(name));
  const edges = (
    await sql<{ child: string; parent: string }>`select c.relname as child, p.relname as parent
      from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
      where k.contype = 'f' and c.relnamespace = current_schema()::regnamespace`.execute(db)
  ).rows;
  const parents = new Map(tables.map((table) => [table, new Set<string>()]));
  for (const edge of edges) if (edge.child !== edge.parent) parents.get(edge.child)?.add(edge.parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.find(
      (table) => !placed.has(table) && [...parents.get(table)!].every((parent) => placed.has(parent)),
    );
    if (!ready) throw new Error('the tables reference each other in a cycle; cannot order them');
    ordered.push(ready);
    placed.add(ready);
  }
  return ordered;
}

async function columnsOf(db: Db, table: string): Promise<string[]> {
  return (
    await sql<{ name: string }>`select column_name as name from information_schema.columns
      where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(db)
  ).rows.map((row) => row.name);
}

async function primaryKeyOf(db: Db, table: string): Promise<string[]> {
  return (
    await sql<{ name: string }>`select a.attname as name
      from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where i.indrelid = (quote_ident(current_schema()) || '.' || quote_ident(${table}))::regclass
        and i.indisprimary
      order by array_position(i.indkey, a.attnum)`.execute(db)
  ).rows.map((row) => row.name);
}

/**
 * Copies every table of the current schema into `folder/tables/<table>.jsonl` (first line the column
 * names, then one JSON array of values per row), in one read-only REPEATABLE READ transaction: a
 * consistent snapshot however much is written meanwhile. Returns the rows per table and the migrations.
 */
export async function dumpPostgres(
  db: Db,
  folder: string,
): Promise<{ tables: Record<string, number>; migrations: string[] }> {
  mkdirSync(join(folder, 'tables'), { recursive: true });
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      await sql`set transaction read only`.execute(trx);
      const migrations = (
        await sql<{ name: string }>`select name from kysely_migration order by name`.execute(trx)
      ).rows.map((row) => row.name);
      const tables: Record<string, number> = {};
      for (const table of await tablesInDependencyOrder(trx)) {
        tables[table] = await dumpTable(trx, table, join(folder, tableFile(table)));
      }
      return { tables, migrations };
    });
}

async function dumpTable(db: Db, table: string, file: string): Promise<number> {
  const columns = await columnsOf(db, table);
  const key = await primaryKeyOf(db, table);
  const out = createWriteStream(file, { mode: 0o600 });
  const write = async (line: string) => {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  };
  await write(JSON.stringify(columns));
  const select = sql.join(columns.map((column) => sql.ref(column)));
  let count = 0;
  let after: unknown[] | undefined;
  for (;;) {
    const keyList = sql.join(key.map((column) => sql.ref(column)));
    const rows = (
      await sql<Record<string, unknown>>`select ${select} from ${sql.table(table)}
        ${after ? sql`where (${keyList}) > (${sql.join(after.map((value) => sql`${value}`))})` : sql``}
        ${key.length ? sql`order by ${keyList} limit ${PAGE_ROWS}` : sql``}`.execute(db)
    ).rows;
    for (const row of rows) await write(JSON.stringify(columns.map((column) => row[column] ?? null)));
    count += rows.length;
    if (key.length === 0 || rows.length < PAGE_ROWS) break;
    const last = rows[rows.length - 1]!;
    after = key.map((column) => last[column]);
  }
  out.end();
  await once(out, 'finish');
  return count;
}

/**
 * Loads the table files into the current schema, already migrated to the backup's level, in one
 * transaction: empties every table first (migrations seed some), inserts in dependency order with the
 * ids as they were, moves each identity sequence past its largest id, and checks the row counts against
 * the manifest. The derived year summaries are copied as they were: their trigger is lifted meanwhile.
 */
export async function loadPostgres(db: Db, folder: string, expected: Record<string, number>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const tables = await tablesInDependencyOrder(trx);
    const unknown = Object.keys(expected).filter((table) => !tables.includes(table));
    if (unknown.length)
      throw new BackupError(`the backup has tables this schema does not: ${unknown.join(', ')}`);
    const summaries = tables.includes('person_year_summaries');
    if (summaries) await dropPersonYearSummaryTriggers(trx as unknown as Kysely<unknown>);
    for (const table of [...tables].reverse()) await sql`delete from ${sql.table(table)}`.execute(trx);
    for (const table of tables) {
      if (!(table in expected)) continue;
      const loaded = await loadTable(trx, table, join(folder, tableFile(table)));
      if (loaded !== expected[table]) {
        throw new BackupError(`${tableFile(table)}: ${loaded} rows, the manifest says ${expected[table]}`);
      }
      const identity = (
        await sql<{ column: string }>`select column_name as column from information_schema.columns
          where table_schema = current_schema() and table_name = ${table} and is_identity = 'YES'`.execute(
          trx,
        )
      ).rows;
      for (const { column } of identity) {
        await sql`select setval(pg_get_serial_sequence(${table}, ${column}),
          coalesce((select max(${sql.ref(column)}) from ${sql.table(table)}), 0) + 1, false)`.execute(trx);
      }
    }
    if (summaries) await createPersonYearSummaryTriggers(trx as unknown as Kysely<unknown>);
  });
}

async function loadTable(db: Db, table: string, file: string): Promise<number> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let columns: string[] | undefined;
  let batch: unknown[][] = [];
  let count = 0;
  let rowsPerInsert = 1;
  const flush = async () => {
    if (batch.length === 0) return;
    await sql`insert into ${sql.table(table)} (${sql.join(columns!.map((column) => sql.ref(column)))})
      overriding system value values ${sql.join(
        batch.map((row) => sql`(${sql.join(row.map((value) => sql`${value}`))})`),
      )}`.execute(db);
    count += batch.length;
    batch = [];
  };
  for await (const line of lines) {
    if (line === '') continue;
    const values = JSON.parse(line) as unknown[];
    if (!columns) {
      columns = values as string[];
      rowsPerInsert = Math.max(1, Math.floor(INSERT_VALUES / columns.length));
      continue;
    }
    if (values.length !== columns.length)
      throw new BackupError(`${file}: a row of ${values.length} values for ${columns.length} columns`);
    batch.push(values);
    if (batch.length >= rowsPerInsert) await flush();
  }
  await flush();
  return count;
}
