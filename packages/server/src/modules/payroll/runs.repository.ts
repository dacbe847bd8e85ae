import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, PayrollRunsTable } from '../../db/index.ts';
import { startsWith } from '../../db/prefix-range.ts';

type Db = Kysely<Database>;
export type RunRow = Selectable<PayrollRunsTable>;

export async function insertRun(db: Db, row: Insertable<PayrollRunsTable>): Promise<number> {
  const { id } = await db.insertInto('payroll_runs').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

export function selectRun(db: Db, regionCode: string, period: string): Promise<RunRow | undefined> {
  return db
    .selectFrom('payroll_runs')
    .selectAll()
    .where('region_code', '=', regionCode)
    .where('period', '=', period)
    .executeTakeFirst();
}

export function selectRunById(db: Db, id: number): Promise<RunRow | undefined> {
  return db.selectFrom('payroll_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateRun(db: Db, id: number, changes: Updateable<PayrollRunsTable>): Promise<void> {
  await db.updateTable('payroll_runs').set(changes).where('id', '=', id).execute();
}

/** The runs of regions within a prefix, newest first, a page before an id. */
export function selectRuns(db: Db, filter: { regionPrefix: string; beforeId?: number; limit: number }) {
  let query = db
    .selectFrom('payroll_runs')
    .selectAll()
    .where(startsWith(db, 'region_code', filter.regionPrefix))
    .orderBy('id', 'desc')
    .limit(filter.limit);
  if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
  return query.execute();
}

/** Runs whose process stopped without finishing them (for the runner's sweep at start). */
export function selectRunningRuns(db: Db) {
  return db.selectFrom('payroll_runs').selectAll().where('status', '=', 'running').execute();
}
