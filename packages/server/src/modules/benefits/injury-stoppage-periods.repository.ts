import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, InjuryStoppagePeriodsTable } from '../../db/index.ts';

export type StoppagePeriodRow = Selectable<InjuryStoppagePeriodsTable>;

export async function insertStoppagePeriod(
  db: Kysely<Database>,
  row: Insertable<InjuryStoppagePeriodsTable>,
): Promise<number> {
  const { id } = await db
    .insertInto('injury_stoppage_periods')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** An identification's stoppage period and its extensions, in the order recorded. */
export function selectStoppagePeriods(
  db: Kysely<Database>,
  applicationId: number,
): Promise<StoppagePeriodRow[]> {
  return db
    .selectFrom('injury_stoppage_periods')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();
}
