import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect-of.ts';

/**
 * The month's hot tables, shaped for bulk work (issue 3 §6, docs/BENCHMARKS.md):
 *
 * - contribution_lines and personal_account_entries lose their foreign keys. They get one row per person
 *   and month, written only by the assessment and the crediting from rows read in the same transaction
 *   (employments, bills, lines), so their references hold by construction; `ledger verify` proves every
 *   line belongs to a bill. Checking each row against persons cost a random read of that table per row
 *   on SQLite and a locking lookup per row on PostgreSQL (about as much as writing the row itself).
 * - employments and contribution_bases get covering indexes in employer order, so the assessment reads
 *   an employer's staff and their bases in force from two index ranges, never from the scattered tables.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await setForeignKeys(db, false);
  await db.schema
    .createIndex('employments_employer_staff')
    .on('employments')
    .columns(['employer_id', 'person_id', 'hired_on', 'left_on'])
    .execute();
  await db.schema
    .createIndex('contribution_bases_employer')
    .on('contribution_bases')
    .columns(['employer_id', 'person_id', 'cycle_start', 'version', 'declared_fen'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('contribution_bases_employer').execute();
  await db.schema.dropIndex('employments_employer_staff').execute();
  await setForeignKeys(db, true);
}

/** The foreign keys migration 0003 declared on the two tables, by table and column. */
const FOREIGN_KEYS = {
  contribution_lines: { bill_id: 'bills', person_id: 'persons' },
  personal_account_entries: {
    person_id: 'persons',
    bill_id: 'bills',
    transaction_id: 'journal_transactions',
  },
} as const;

async function setForeignKeys(db: Kysely<unknown>, present: boolean): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    for (const [table, columns] of Object.entries(FOREIGN_KEYS)) {
      for (const [column, parent] of Object.entries(columns)) {
        const name = `${table}_${column}_fkey`;
        await (
          present
            ? sql`alter table ${sql.table(table)} add constraint ${sql.id(name)} foreign key (${sql.ref(column)}) references ${sql.table(parent)} (id)`
            : sql`alter table ${sql.table(table)} drop constraint if exists ${sql.id(name)}`
        ).execute(db);
      }
    }
    return;
  }
  // SQLite cannot drop or add a constraint: rebuild each table from its own definition, with or without
  // the REFERENCES clauses, and put back its indexes and (personal_account_entries) append-only triggers.
  for (const [table, columns] of Object.entries(FOREIGN_KEYS)) {
    const { rows } = await sql<{
      sql: string;
    }>`select sql from sqlite_master where type = 'table' and name = ${table}`.execute(db);
    let definition = rows[0]!.sql;
    for (const [column, parent] of Object.entries(columns)) {
      const withKey = new RegExp(`("${column}" integer)( not null)? references "${parent}" \\("id"\\)`);
      const withoutKey = new RegExp(`("${column}" integer)( not null)?(?=[,)])`);
      definition = present
        ? definition.replace(withoutKey, `$1$2 references "${parent}" ("id")`)
        : definition.replace(withKey, '$1$2');
    }
    const { rows: dependents } = await sql<{ sql: string }>`
      select sql from sqlite_master where tbl_name = ${table} and type in ('index', 'trigger') and sql is not null`.execute(
      db,
    );
    const rebuilt = `${table}_rebuilt`;
    await sql.raw(definition.replace(`"${table}"`, `"${rebuilt}"`)).execute(db);
    await sql`insert into ${sql.table(rebuilt)} select * from ${sql.table(table)}`.execute(db);
    await sql`drop table ${sql.table(table)}`.execute(db);
    await sql`alter table ${sql.table(rebuilt)} rename to ${sql.table(table)}`.execute(db);
    for (const dependent of dependents) await sql.raw(dependent.sql).execute(db);
  }
}
