import { sql, type Kysely } from 'kysely';
import { forbidChanges } from './append-only.ts';
import { addIdColumn, fenType, idRefType, periodCheck } from './column-types.ts';

/**
 * What the work-injury fund advances for an employer that had not insured its injured employee, and what the
 * employer repays (WIIR Art. 62; SIL Art. 41; docs/RULES.md 15.22).
 *
 * An award or one-time payment advanced for an employer names it. Each payroll line that pays one records a
 * claim on the employer in the line's own chunk (one per line); the employer's repayments are recorded as
 * they arrive. What the employer still owes is the claims less the repayments; both tables are append-only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ref = idRefType(db);
  const fen = fenType(db);
  await db.schema.alterTable('benefit_roll').addColumn('advanced_for_employer', ref).execute();
  await db.schema.alterTable('one_time_payments').addColumn('advanced_for_employer', ref).execute();
  await db.schema
    .createTable('employer_advance_claims')
    .addColumn(...addIdColumn(db))
    .addColumn('employer_id', ref, (col) => col.notNull().references('employers.id'))
    .addColumn('region_code', 'text', (col) => col.notNull())
    .addColumn('fund', 'text', (col) => col.notNull().check(sql`fund in ('work_injury')`))
    .addColumn('run_id', ref, (col) => col.notNull().references('payroll_runs.id'))
    .addColumn('line_id', ref, (col) => col.notNull().unique().references('payroll_lines.id'))
    .addColumn('person_id', ref, (col) => col.notNull().references('persons.id'))
    .addColumn('period', 'text', (col) => col.notNull().check(periodCheck('period')))
    .addColumn('amount_fen', fen, (col) => col.notNull().check(sql`amount_fen > 0`))
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('employer_advance_claims_employer')
    .on('employer_advance_claims')
    .columns(['employer_id', 'id'])
    .execute();
  await db.schema
    .createTable('employer_advance_repayments')
    .addColumn(...addIdColumn(db))
    .addColumn('employer_id', ref, (col) => col.notNull().references('employers.id'))
    .addColumn('region_code', 'text', (col) => col.notNull())
    .addColumn('fund', 'text', (col) => col.notNull().check(sql`fund in ('work_injury')`))
    .addColumn('amount_fen', fen, (col) => col.notNull().check(sql`amount_fen > 0`))
    .addColumn('received_on', 'text', (col) => col.notNull())
    // The bank's reference of the transfer: one repayment is recorded once.
    .addColumn('bank_reference', 'text', (col) => col.notNull().unique())
    .addColumn('recorded_by', 'text', (col) => col.notNull())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('employer_advance_repayments_employer')
    .on('employer_advance_repayments')
    .columns(['employer_id', 'id'])
    .execute();
  await forbidChanges(db, ['employer_advance_claims', 'employer_advance_repayments']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('employer_advance_repayments').execute();
  await db.schema.dropTable('employer_advance_claims').execute();
  await db.schema.alterTable('one_time_payments').dropColumn('advanced_for_employer').execute();
  await db.schema.alterTable('benefit_roll').dropColumn('advanced_for_employer').execute();
}
