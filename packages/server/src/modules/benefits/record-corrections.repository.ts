import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, RecordCorrectionAdjustmentsTable, RecordCorrectionsTable } from '../../db/index.ts';

export type CorrectionRow = Selectable<RecordCorrectionsTable>;
export type CorrectionAdjustmentRow = Selectable<RecordCorrectionAdjustmentsTable>;

export async function insertCorrection(
  db: Kysely<Database>,
  row: Insertable<RecordCorrectionsTable>,
): Promise<void> {
  await db.insertInto('record_corrections').values(row).execute();
}

/** The latest correction proposed for an application (earlier ones were rejected). */
export function selectLatestCorrection(
  db: Kysely<Database>,
  applicationId: number,
): Promise<CorrectionRow | undefined> {
  return db
    .selectFrom('record_corrections')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Decides a proposed correction once; false when it was not waiting any more. */
export async function decideCorrection(
  db: Kysely<Database>,
  approvalId: number,
  change: Pick<CorrectionRow, 'status' | 'decided_by' | 'decided_at'>,
): Promise<boolean> {
  const result = await db
    .updateTable('record_corrections')
    .set(change)
    .where('approval_id', '=', approvalId)
    .where('status', '=', 'proposed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Marks a granted correction's months reassessed once; false when another request did it first. */
export async function markReassessed(
  db: Kysely<Database>,
  correctionId: number,
  reassessedAt: string,
): Promise<boolean> {
  const result = await db
    .updateTable('record_corrections')
    .set({ reassessed_at: reassessedAt })
    .where('id', '=', correctionId)
    .where('status', '=', 'granted')
    .where('reassessed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertCorrectionAdjustments(
  db: Kysely<Database>,
  rows: readonly Insertable<RecordCorrectionAdjustmentsTable>[],
): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('record_correction_adjustments')
      .values([...rows])
      .execute();
}

export function selectCorrectionAdjustments(
  db: Kysely<Database>,
  correctionId: number,
): Promise<CorrectionAdjustmentRow[]> {
  return db
    .selectFrom('record_correction_adjustments')
    .selectAll()
    .where('correction_id', '=', correctionId)
    .orderBy('period')
    .orderBy('id')
    .execute();
}
