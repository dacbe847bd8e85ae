import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect-of.ts';
import { addIdColumn, fenType, idRefType, periodCheck } from './column-types.ts';

/**
 * Collection jobs: a month's run started from the web app works in the background of the server process
 * and records its progress here, so any staff member can follow it and a restart leaves a trace. At most
 * one job per region and month runs at a time (a partial unique index); a job whose heartbeat stopped
 * (the process ended) is interrupted and may be started again: the run itself resumes where it stopped.
 *
 * Search: staff find employers and persons by name prefix, so names get indexes that serve a prefix
 * range on both dialects (byte order: `collate "C"` on PostgreSQL, SQLite compares bytes already).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ref = idRefType(db);
  await db.schema
    .createTable('collection_jobs')
    .addColumn(...addIdColumn(db))
    .addColumn('region_code', 'text', (col) => col.notNull())
    .addColumn('period', 'text', (col) => col.notNull().check(periodCheck('period')))
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('running', 'done', 'failed', 'interrupted')`),
    )
    .addColumn('payers_done', 'integer', (col) => col.notNull().defaultTo(0))
    // Unknown (null) until the run has listed the employers and flexible workers to assess.
    .addColumn('payers_total', 'integer')
    .addColumn('person_months', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('bills', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('total_fen', fenType(db), (col) => col.notNull().defaultTo(0))
    .addColumn('run_id', ref, (col) => col.references('collection_runs.id'))
    .addColumn('error', 'text')
    .addColumn('started_by', ref, (col) => col.notNull().references('users.id'))
    .addColumn('started_at', 'text', (col) => col.notNull())
    .addColumn('heartbeat_at', 'text', (col) => col.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema
    .createIndex('collection_jobs_one_running')
    .on('collection_jobs')
    .columns(['region_code', 'period'])
    .unique()
    .where(sql.ref('status'), '=', 'running')
    .execute();
  await db.schema
    .createIndex('collection_jobs_region')
    .on('collection_jobs')
    .columns(['region_code', 'id'])
    .execute();

  const byteOrder = dialectOf(db) === 'postgres' ? sql`name collate "C"` : sql`name`;
  for (const table of ['employers', 'persons']) {
    await sql`create index ${sql.id(`${table}_name_prefix`)} on ${sql.table(table)} (${byteOrder}, id)`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('persons_name_prefix').execute();
  await db.schema.dropIndex('employers_name_prefix').execute();
  await db.schema.dropTable('collection_jobs').execute();
}
