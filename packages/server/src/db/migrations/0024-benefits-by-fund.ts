import { sql, type Kysely } from 'kysely';
import { replaceChecks } from './replace-checks.ts';

const FUND_CHECK = sql`fund in ('pension', 'medical', 'unemployment', 'work_injury')`;

/**
 * The payroll pays every benefit out of its own fund (issue 16; docs/RULES.md 14.17, 15.20): the roll of
 * awards in payment is no longer the pensions' alone (renamed benefit_roll; its indexes keep their names),
 * each award and each one-time payment says the fund that pays it, and a run's bank files are one per fund
 * and paying bank, so each file leaves one fund's bank account. Applications admit the work-injury
 * identification, unemployment and maternity, an identification is decided as "identified", and an
 * application's events include a changed clock (a clear injury case) and the appraisals of an injury.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('pension_roll').renameTo('benefit_roll').execute();
  await db.schema
    .alterTable('benefit_roll')
    .addColumn('fund', 'text', (col) => col.notNull().defaultTo('pension').check(FUND_CHECK))
    .execute();
  // The funds other than the pension's have few awards: a run finds whether a region has any from this.
  await db.schema
    .createIndex('benefit_roll_other_funds')
    .on('benefit_roll')
    .columns(['fund', 'region_code'])
    .where(sql.ref('fund'), '<>', 'pension')
    .execute();
  await db.schema
    .alterTable('one_time_payments')
    .addColumn('fund', 'text', (col) => col.notNull().defaultTo('pension').check(FUND_CHECK))
    .execute();
  await db.schema
    .alterTable('payroll_bank_files')
    .addColumn('fund', 'text', (col) => col.notNull().defaultTo('pension').check(FUND_CHECK))
    .execute();
  await db.schema.dropIndex('payroll_bank_files_run').execute();
  await db.schema
    .createIndex('payroll_bank_files_run')
    .on('payroll_bank_files')
    .columns(['run_id', 'fund', 'bank_code'])
    .unique()
    .execute();

  await replaceChecks(db, 'one_time_payments', [
    {
      column: 'kind',
      from: `kind in ('funeral-grant', 'survivors-benefit', 'account-inheritance')`,
      to: `kind in ('funeral-grant', 'survivors-benefit', 'account-inheritance', 'injury-disability-subsidy', 'injury-funeral', 'injury-death-subsidy', 'maternity-allowance', 'maternity-medical')`,
    },
  ]);
  await replaceChecks(db, 'application_events', [
    {
      column: 'kind',
      from: `kind in ('filed', 'document-added', 'material-requested', 'material-received', 'decision-proposed', 'proposal-rejected', 'decided', 'withdrawn')`,
      to: `kind in ('filed', 'document-added', 'material-requested', 'material-received', 'decision-proposed', 'proposal-rejected', 'decided', 'withdrawn', 'clock-changed', 'appraisal-recorded', 'reappraisal-requested')`,
    },
  ]);
  await replaceChecks(db, 'benefit_applications', [
    {
      column: 'kind',
      from: `kind in ('pension', 'record-correction')`,
      to: `kind in ('pension', 'record-correction', 'work-injury', 'injury-benefits', 'unemployment', 'maternity')`,
    },
    {
      column: 'decision',
      from: `decision in ('award', 'refusal')`,
      to: `decision in ('award', 'refusal', 'identified')`,
    },
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await replaceChecks(db, 'application_events', [
    {
      column: 'kind',
      from: `kind in ('filed', 'document-added', 'material-requested', 'material-received', 'decision-proposed', 'proposal-rejected', 'decided', 'withdrawn', 'clock-changed', 'appraisal-recorded', 'reappraisal-requested')`,
      to: `kind in ('filed', 'document-added', 'material-requested', 'material-received', 'decision-proposed', 'proposal-rejected', 'decided', 'withdrawn')`,
    },
  ]);
  await replaceChecks(db, 'benefit_applications', [
    {
      column: 'kind',
      from: `kind in ('pension', 'record-correction', 'work-injury', 'injury-benefits', 'unemployment', 'maternity')`,
      to: `kind in ('pension', 'record-correction')`,
    },
    {
      column: 'decision',
      from: `decision in ('award', 'refusal', 'identified')`,
      to: `decision in ('award', 'refusal')`,
    },
  ]);
  await replaceChecks(db, 'one_time_payments', [
    {
      column: 'kind',
      from: `kind in ('funeral-grant', 'survivors-benefit', 'account-inheritance', 'injury-disability-subsidy', 'injury-funeral', 'injury-death-subsidy', 'maternity-allowance', 'maternity-medical')`,
      to: `kind in ('funeral-grant', 'survivors-benefit', 'account-inheritance')`,
    },
  ]);
  await db.schema.dropIndex('payroll_bank_files_run').execute();
  await db.schema.alterTable('payroll_bank_files').dropColumn('fund').execute();
  await db.schema
    .createIndex('payroll_bank_files_run')
    .on('payroll_bank_files')
    .columns(['run_id', 'bank_code'])
    .unique()
    .execute();
  await db.schema.alterTable('one_time_payments').dropColumn('fund').execute();
  await db.schema.dropIndex('benefit_roll_other_funds').execute();
  await db.schema.alterTable('benefit_roll').dropColumn('fund').execute();
  await db.schema.alterTable('benefit_roll').renameTo('pension_roll').execute();
}
