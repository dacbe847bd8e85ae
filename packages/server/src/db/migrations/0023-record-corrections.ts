import { sql, type Kysely } from 'kysely';
import { forbidChanges } from './append-only.ts';
import { addIdColumn, fenType, idRefType, periodCheck } from './column-types.ts';

/**
 * Granting a request to correct the record (docs/RULES.md 14.19). A proposal of the changes is one row,
 * kept whatever the second person decides, so the review shows what was proposed and what was granted; its
 * status moves once from proposed to granted or rejected. What granting caused in collection (the adjustment
 * bills or credits of the months reassessed, the person's part of each) is written once, append-only, when
 * the reassessment that follows the approval has run.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ref = idRefType(db);
  const fen = fenType(db);

  await db.schema
    .createTable('record_corrections')
    .addColumn(...addIdColumn(db))
    .addColumn('application_id', ref, (col) => col.notNull().references('benefit_applications.id'))
    .addColumn('approval_id', ref, (col) => col.notNull().unique().references('approvals.id'))
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('proposed', 'granted', 'rejected')`),
    )
    // The changes to the register (JSON: bases, spells added or ended), as proposed and checked.
    .addColumn('changes', 'text', (col) => col.notNull())
    // Reasons of the decision, each with its legal source (JSON).
    .addColumn('reasons', 'text', (col) => col.notNull())
    // The months to reassess per employer (JSON: regionCode, employerId, fromPeriod, toPeriod).
    .addColumn('months', 'text', (col) => col.notNull())
    .addColumn('proposed_by', 'text', (col) => col.notNull())
    .addColumn('proposed_at', 'text', (col) => col.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    // Set once the months were reassessed after the grant; null while that is still to run.
    .addColumn('reassessed_at', 'text')
    .addCheckConstraint(
      'record_corrections_second_person',
      sql`decided_by is null or decided_by <> proposed_by`,
    )
    .execute();
  await db.schema
    .createIndex('record_corrections_application')
    .on('record_corrections')
    .columns(['application_id', 'id'])
    .execute();

  await db.schema
    .createTable('record_correction_adjustments')
    .addColumn(...addIdColumn(db))
    .addColumn('correction_id', ref, (col) => col.notNull().references('record_corrections.id'))
    .addColumn('bill_no', 'text', (col) => col.notNull())
    .addColumn('period', 'text', (col) => col.notNull().check(periodCheck('period')))
    .addColumn('employer_id', ref, (col) => col.notNull())
    // The person's line on the bill (both parties' shares; negative for a credit) and the bill's total.
    .addColumn('person_fen', fen, (col) => col.notNull())
    .addColumn('bill_total_fen', fen, (col) => col.notNull())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('record_correction_adjustments_bill')
    .on('record_correction_adjustments')
    .columns(['correction_id', 'bill_no'])
    .unique()
    .execute();

  await forbidChanges(db, ['record_correction_adjustments']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('record_correction_adjustments').execute();
  await db.schema.dropTable('record_corrections').execute();
}
