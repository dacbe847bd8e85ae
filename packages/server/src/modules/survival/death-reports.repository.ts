import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, DeathReportState, DeathReportsTable } from '../../db/index.ts';

export type DeathReportRow = Selectable<DeathReportsTable>;

export async function insertDeathReport(
  db: Kysely<Database>,
  row: Insertable<DeathReportsTable>,
): Promise<number> {
  const { id } = await db.insertInto('death_reports').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

/** The person's report that waits or stands confirmed (at most one: a partial unique index). */
export function selectStandingReport(
  db: Kysely<Database>,
  personId: number,
): Promise<DeathReportRow | undefined> {
  return db
    .selectFrom('death_reports')
    .selectAll()
    .where('person_id', '=', personId)
    .where('state', 'in', ['proposed', 'confirmed'])
    .executeTakeFirst();
}

export function selectReportOfApproval(
  db: Kysely<Database>,
  approvalId: number,
): Promise<DeathReportRow | undefined> {
  return db.selectFrom('death_reports').selectAll().where('approval_id', '=', approvalId).executeTakeFirst();
}

export function selectPersonReports(db: Kysely<Database>, personId: number): Promise<DeathReportRow[]> {
  return db
    .selectFrom('death_reports')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('id', 'desc')
    .execute();
}

/** A region's reports in a state, by id from a cursor. */
export function selectRegionReports(
  db: Kysely<Database>,
  query: { regionPrefix: string; state: DeathReportState; afterId?: number; limit: number },
): Promise<DeathReportRow[]> {
  let select = db
    .selectFrom('death_reports')
    .selectAll()
    .where('region_code', 'like', `${query.regionPrefix}%`)
    .where('state', '=', query.state);
  if (query.afterId !== undefined) select = select.where('id', '>', query.afterId);
  return select.orderBy('id').limit(query.limit).execute();
}

/** Moves a proposed report to its decision; false when it was not proposed any more. */
export async function decideReport(
  db: Kysely<Database>,
  approvalId: number,
  decision: { state: 'confirmed' | 'rejected'; decided_by: string; decided_at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('death_reports')
    .set(decision)
    .where('approval_id', '=', approvalId)
    .where('state', '=', 'proposed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
