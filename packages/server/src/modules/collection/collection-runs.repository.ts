import { sql, type Kysely } from 'kysely';
import { dialectOf, type Database } from '../../db/index.ts';

/** The month's runs: one row per region and month, resumed until closed, with its running counts. */

type Db = Kysely<Database>;

/** The unfinished run of the region's month, if there is one. */
export async function selectRunningRunId(db: Db, regionCode: string, period: string) {
  const row = await db
    .selectFrom('collection_runs')
    .select('id')
    .where('region_code', '=', regionCode)
    .where('period', '=', period)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return row?.id;
}

export async function insertRun(db: Db, regionCode: string, period: string, startedAt: string) {
  const row = await db
    .insertInto('collection_runs')
    .values({ region_code: regionCode, period, status: 'running', started_at: startedAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Adds a chunk's payers, bills and person-months to the run's counts. */
export async function addToRunCounts(
  db: Db,
  runId: number,
  counts: { payers: number; bills: number; personMonths: number },
): Promise<void> {
  await db
    .updateTable('collection_runs')
    .set((eb) => ({
      payers: eb('payers', '+', counts.payers),
      bills: eb('bills', '+', counts.bills),
      person_months: eb('person_months', '+', counts.personMonths),
    }))
    .where('id', '=', runId)
    .execute();
}

export async function markRunDone(db: Db, runId: number, finishedAt: string): Promise<void> {
  await db
    .updateTable('collection_runs')
    .set({ status: 'done', finished_at: finishedAt })
    .where('id', '=', runId)
    .execute();
}

/**
 * After a month's run has added a line per person at once, PostgreSQL's planner would go on taking the
 * tables for as small as before (until autovacuum gets round to them) and scan contribution_lines whole
 * for every chunk of the payments that follow. ANALYZE samples them in a fraction of a second. SQLite
 * plans these queries from its indexes alone.
 */
export async function refreshPlannerStatistics(db: Db): Promise<void> {
  if (dialectOf(db) === 'postgres') await sql`analyze contribution_lines, bills`.execute(db);
}
