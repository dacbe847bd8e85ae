import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect-of.ts';

/** A column's CHECK constraint as written now and as it is to be. */
export interface CheckChange {
  column: string;
  /** The expression as the migration that made it wrote it, e.g. `kind in ('a', 'b')`. */
  from: string;
  to: string;
}

/**
 * Replaces column CHECK constraints, e.g. to admit a new kind. PostgreSQL drops and adds the named
 * constraint. SQLite cannot alter a constraint: the table is rebuilt from its own definition with the
 * expressions replaced, inside the migration's transaction, with its indexes and triggers put back. Rows
 * of other tables that reference it stay valid: the foreign keys are deferred (sqlite-dialect.ts), the
 * old rows are copied aside before the table is dropped, and put back under the same name and ids.
 */
export async function replaceChecks(
  db: Kysely<unknown>,
  table: string,
  changes: readonly CheckChange[],
): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    for (const change of changes) {
      const name = `${table}_${change.column}_check`;
      await sql`alter table ${sql.table(table)} drop constraint ${sql.id(name)}`.execute(db);
      await sql`alter table ${sql.table(table)} add constraint ${sql.id(name)} check (${sql.raw(change.to)})`.execute(
        db,
      );
    }
    return;
  }
  const { rows } = await sql<{
    sql: string;
  }>`select sql from sqlite_master where type = 'table' and name = ${table}`.execute(db);
  let definition = rows[0]!.sql;
  for (const change of changes) {
    if (!definition.includes(change.from))
      throw new Error(
        `${table}.${change.column}: the check "${change.from}" is not in the table's definition`,
      );
    definition = definition.replace(change.from, change.to);
  }
  const { rows: dependents } = await sql<{ sql: string }>`
    select sql from sqlite_master where tbl_name = ${table} and type in ('index', 'trigger') and sql is not null`.execute(
    db,
  );
  await sql`pragma defer_foreign_keys = on`.execute(db);
  const aside = `${table}_aside`;
  await sql`create table ${sql.table(aside)} as select * from ${sql.table(table)}`.execute(db);
  await sql`drop table ${sql.table(table)}`.execute(db);
  await sql.raw(definition).execute(db);
  await sql`insert into ${sql.table(table)} select * from ${sql.table(aside)}`.execute(db);
  await sql`drop table ${sql.table(aside)}`.execute(db);
  for (const dependent of dependents) await sql.raw(dependent.sql).execute(db);
}
