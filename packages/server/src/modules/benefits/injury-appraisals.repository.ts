import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, InjuryAppraisalsTable } from '../../db/index.ts';

export type AppraisalRow = Selectable<InjuryAppraisalsTable>;

export async function insertAppraisal(
  db: Kysely<Database>,
  row: Insertable<InjuryAppraisalsTable>,
): Promise<number> {
  const { id } = await db
    .insertInto('injury_appraisals')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** An identification's appraisals, oldest first: the last is in force. */
export function selectAppraisals(db: Kysely<Database>, applicationId: number): Promise<AppraisalRow[]> {
  return db
    .selectFrom('injury_appraisals')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();
}
