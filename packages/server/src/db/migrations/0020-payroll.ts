import { sql, type Kysely } from 'kysely';
import { forbidChanges } from './append-only.ts';
import { addIdColumn, fenType, idRefType, periodCheck } from './column-types.ts';

/**
 * The monthly payroll (issue 15; docs/RULES.md 14.14–14.18).
 *
 * - `pension_roll`: one row per award in payment, its current state for the payroll (amount of the latest
 *   version, the account part and the balance it draws down, payee, paying bank, the last month survival
 *   verification allows, the month payment stops after). The award's versions stay the record.
 * - `payroll_runs`: a region's month, worked in chunks; the cursor and the line-id range make it resumable.
 * - `payroll_lines`: one line per award and month (unique), or per one-time payment: what is owed, how it
 *   splits between the pooling fund and the personal account, its state through the bank.
 * - `payment_adjustments`: arrears and recoveries for months already paid, settled on a later line.
 * - `one_time_payments`: grants and inheritances, paid by the next payroll.
 * - bank files, the bank's returns, and the lines they returned.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ref = idRefType(db);
  const fen = fenType(db);

  await db.schema
    .createTable('pension_roll')
    .addColumn(...addIdColumn(db))
    .addColumn('award_no', 'text', (col) => col.notNull().unique())
    .addColumn('person_id', ref, (col) => col.notNull().references('persons.id'))
    .addColumn('region_code', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('payee_name', 'text', (col) => col.notNull())
    .addColumn('first_period', 'text', (col) => col.notNull().check(periodCheck('first_period')))
    // year × 12 + month − 1 of first_period: the payroll counts months since the start in SQL with it.
    .addColumn('first_month_index', 'integer', (col) => col.notNull())
    .addColumn('monthly_fen', fen, (col) => col.notNull().check(sql`monthly_fen >= 0`))
    .addColumn('monthly_from', 'text', (col) => col.notNull().check(periodCheck('monthly_from')))
    .addColumn('monthly_version', 'integer', (col) => col.notNull())
    // What months before monthly_from are owed (the version in force the month before it): a version
    // published ahead of its month leaves the months until then at the amount before it.
    .addColumn('prior_monthly_fen', fen, (col) => col.notNull().check(sql`prior_monthly_fen >= 0`))
    .addColumn('account_part_fen', fen, (col) => col.notNull().check(sql`account_part_fen >= 0`))
    .addColumn('account_balance_fen', fen, (col) => col.notNull().check(sql`account_balance_fen >= 0`))
    .addColumn('payee_kind', 'text', (col) => col.notNull().check(sql`payee_kind in ('bank', 'card')`))
    .addColumn('payee_account', 'text', (col) => col.notNull())
    .addColumn('bank_code', 'text', (col) => col.notNull())
    .addColumn('verified_through', 'text', (col) => col.notNull().check(periodCheck('verified_through')))
    // The first month the payroll still owes from before its first run for the award (an award decided
    // after its first months were paid to others): paid back once, then cleared (docs/RULES.md 14.14).
    .addColumn('back_pay_from', 'text')
    .addColumn('stopped_after', 'text')
    .addColumn('stop_reason', 'text')
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('pension_roll_person').on('pension_roll').column('person_id').execute();
  await db.schema
    .createIndex('pension_roll_back_pay')
    .on('pension_roll')
    .columns(['region_code', 'id'])
    .where(sql.ref('back_pay_from'), 'is not', null)
    .execute();

  await db.schema
    .createTable('payroll_runs')
    .addColumn(...addIdColumn(db))
    .addColumn('region_code', 'text', (col) => col.notNull())
    .addColumn('period', 'text', (col) => col.notNull().check(periodCheck('period')))
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('running', 'done', 'failed', 'interrupted')`),
    )
    // The step reached: lines are written chunk by chunk, then one-time payments, then the bank files.
    .addColumn('step', 'text', (col) =>
      col.notNull().check(sql`step in ('lines', 'one-time', 'bank-files', 'done')`),
    )
    .addColumn('cursor_id', ref, (col) => col.notNull().defaultTo(0))
    .addColumn('max_roll_id', ref, (col) => col.notNull().defaultTo(0))
    .addColumn('rolls_total', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('rolls_done', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('first_line_id', ref)
    .addColumn('last_line_id', ref)
    .addColumn('lines_paid', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('lines_withheld', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('paid_fen', fen, (col) => col.notNull().defaultTo(0))
    .addColumn('started_by', 'text', (col) => col.notNull())
    .addColumn('started_at', 'text', (col) => col.notNull())
    .addColumn('heartbeat_at', 'text', (col) => col.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('error', 'text')
    .execute();
  await db.schema
    .createIndex('payroll_runs_month')
    .on('payroll_runs')
    .columns(['region_code', 'period'])
    .unique()
    .execute();

  // Payments made that were not owed (after a death): a claim on the estate, offset against what the
  // estate is paid (one-time payments) before anything is asked of the heirs (docs/RULES.md 14.18).
  await db.schema
    .createTable('recovery_claims')
    .addColumn(...addIdColumn(db))
    .addColumn('roll_id', ref, (col) => col.notNull().references('pension_roll.id'))
    .addColumn('person_id', ref, (col) => col.notNull().references('persons.id'))
    .addColumn('region_code', 'text', (col) => col.notNull())
    // What was paid out of the pooling fund and out of the personal account for the months not owed.
    .addColumn('pooled_fen', fen, (col) => col.notNull().check(sql`pooled_fen >= 0`))
    .addColumn('account_fen', fen, (col) => col.notNull().check(sql`account_fen >= 0`))
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('months', 'text', (col) => col.notNull())
    .addColumn('source_key', 'text', (col) => col.notNull().unique())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('recovery_claims_person').on('recovery_claims').column('person_id').execute();

  await db.schema
    .createTable('one_time_payments')
    .addColumn(...addIdColumn(db))
    .addColumn('person_id', ref, (col) => col.notNull().references('persons.id'))
    .addColumn('region_code', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) =>
      col.notNull().check(sql`kind in ('funeral-grant', 'survivors-benefit', 'account-inheritance')`),
    )
    .addColumn('payee_name', 'text', (col) => col.notNull())
    .addColumn('payee_account', 'text', (col) => col.notNull())
    .addColumn('bank_code', 'text', (col) => col.notNull())
    .addColumn('pooled_fen', fen, (col) => col.notNull().check(sql`pooled_fen >= 0`))
    .addColumn('account_fen', fen, (col) => col.notNull().check(sql`account_fen >= 0`))
    .addColumn('recovered_fen', fen, (col) => col.notNull().check(sql`recovered_fen >= 0`))
    // The claim the withheld part settles, when there is one.
    .addColumn('recovers_claim_id', ref, (col) => col.references('recovery_claims.id'))
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('explanation', 'text', (col) => col.notNull())
    // What it comes from, e.g. "death-report:12": one event pays each kind to each payee once.
    .addColumn('source_key', 'text', (col) => col.notNull().unique())
    .addColumn('approval_id', ref, (col) => col.references('approvals.id'))
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .addCheckConstraint('one_time_payments_net', sql`pooled_fen + account_fen >= recovered_fen`)
    .execute();
  await db.schema
    .createIndex('one_time_payments_region')
    .on('one_time_payments')
    .columns(['region_code', 'id'])
    .execute();

  // A run's file for each paying bank is created when the run starts, so every line is written with the file
  // that will pay it; the file is issued (its bytes kept, by SHA-256, with the count and control total)
  // once every line is written. Lines paid again after a return move to a later run's file.
  await db.schema
    .createTable('payroll_bank_files')
    .addColumn(...addIdColumn(db))
    .addColumn('run_id', ref, (col) => col.notNull().references('payroll_runs.id'))
    .addColumn('bank_code', 'text', (col) => col.notNull())
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('line_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('total_fen', fen, (col) => col.notNull().defaultTo(0))
    .addColumn('sha256', 'text')
    .addColumn('issued_at', 'text')
    .execute();
  await db.schema
    .createIndex('payroll_bank_files_run')
    .on('payroll_bank_files')
    .columns(['run_id', 'bank_code'])
    .unique()
    .execute();

  // The payroll's hot table: one row per award and month, written only by the set-based run from the roll,
  // the run's files and one-time payments read in the same transaction, so its references hold by
  // construction and carry no foreign keys (a lookup of three tables per row on SQLite, as migration 0005
  // found for the contribution lines); `ledger verify` proves every line's run, award and file exist.
  await db.schema
    .createTable('payroll_lines')
    .addColumn(...addIdColumn(db))
    .addColumn('run_id', ref, (col) => col.notNull())
    .addColumn('roll_id', ref)
    .addColumn('one_time_id', ref)
    .addColumn('period', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('month', 'one-time')`))
    // What the month itself is owed by the award version in force (withheld or not).
    .addColumn('due_fen', fen, (col) => col.notNull())
    // Out of the pooling fund and out of the personal account, arrears and recoveries netted in.
    .addColumn('pooled_fen', fen, (col) => col.notNull())
    .addColumn('account_fen', fen, (col) => col.notNull())
    .addColumn('recovered_fen', fen, (col) => col.notNull().defaultTo(0))
    .addColumn('state', 'text', (col) =>
      col.notNull().check(sql`state in ('owed', 'returned', 'withheld', 'released')`),
    )
    // The file that pays it (null while withheld); owed until that file is issued, then paid unless returned.
    .addColumn('bank_file_id', ref)
    .addCheckConstraint('payroll_lines_net', sql`pooled_fen + account_fen >= recovered_fen`)
    .execute();
  await db.schema
    .createIndex('payroll_lines_month')
    .on('payroll_lines')
    .columns(['roll_id', 'period'])
    .unique()
    .execute();
  // A bank file's lines, for writing the file and reading its returns: lines are written in award order,
  // so each file's entries go in at its own end of the index.
  await db.schema.createIndex('payroll_lines_file').on('payroll_lines').columns(['bank_file_id']).execute();
  // Lines waiting for something (a verification, a corrected account): few, found without a scan.
  await db.schema
    .createIndex('payroll_lines_waiting')
    .on('payroll_lines')
    .columns(['state', 'roll_id'])
    .where(sql.ref('state'), 'in', ['withheld', 'returned'])
    .execute();
  await db.schema
    .createIndex('payroll_lines_one_time')
    .on('payroll_lines')
    .column('one_time_id')
    .unique()
    .where(sql.ref('one_time_id'), 'is not', null)
    .execute();

  await db.schema
    .createTable('payment_adjustments')
    .addColumn(...addIdColumn(db))
    .addColumn('roll_id', ref, (col) => col.notNull().references('pension_roll.id'))
    .addColumn('for_period', 'text', (col) => col.notNull().check(periodCheck('for_period')))
    // Signed: positive arrears owed to the payee, negative a recovery withheld from later payments.
    .addColumn('pooled_fen', fen, (col) => col.notNull())
    .addColumn('account_fen', fen, (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('note', 'text', (col) => col.notNull())
    .addColumn('source_key', 'text', (col) => col.notNull())
    .addColumn('settled_line_id', ref, (col) => col.references('payroll_lines.id'))
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('payment_adjustments_roll')
    .on('payment_adjustments')
    .columns(['roll_id', 'settled_line_id'])
    .execute();
  await db.schema
    .createIndex('payment_adjustments_source')
    .on('payment_adjustments')
    .columns(['source_key', 'roll_id', 'for_period'])
    .unique()
    .execute();

  await db.schema
    .createTable('payroll_bank_returns')
    .addColumn(...addIdColumn(db))
    .addColumn('bank_file_id', ref, (col) => col.notNull().references('payroll_bank_files.id'))
    .addColumn('sha256', 'text', (col) => col.notNull().unique())
    .addColumn('rows_read', 'integer', (col) => col.notNull())
    .addColumn('failed_count', 'integer', (col) => col.notNull())
    .addColumn('failed_fen', fen, (col) => col.notNull())
    .addColumn('imported_by', 'text', (col) => col.notNull())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('payroll_returned_lines')
    .addColumn(...addIdColumn(db))
    .addColumn('return_id', ref, (col) => col.notNull().references('payroll_bank_returns.id'))
    .addColumn('line_id', ref, (col) => col.notNull().references('payroll_lines.id'))
    .addColumn('bank_file_id', ref, (col) => col.notNull().references('payroll_bank_files.id'))
    .addColumn('failed_account', 'text', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('amount_fen', fen, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('payroll_returned_lines_line')
    .on('payroll_returned_lines')
    .columns(['line_id', 'id'])
    .execute();

  await forbidChanges(db, [
    'payroll_bank_returns',
    'payroll_returned_lines',
    'recovery_claims',
    'one_time_payments',
  ]);

  // Awards made before the payroll existed join the roll as they stand: the latest version's amount, the
  // whole of it from the pooling fund (their account part was not kept apart), the paying bank unknown
  // until staff name it, survival verified through the end of the second cycle (docs/RULES.md 14.6).
  await sql`insert into pension_roll (award_no, person_id, region_code, kind, payee_name, first_period,
      first_month_index, monthly_fen, monthly_from, monthly_version, prior_monthly_fen, account_part_fen, account_balance_fen,
      payee_kind, payee_account, bank_code, verified_through, updated_at)
    select a.award_no, a.person_id, a.region_code, a.kind, p.name, f.valid_from,
      cast(substr(f.valid_from, 1, 4) as integer) * 12 + cast(substr(f.valid_from, 6, 2) as integer) - 1,
      a.monthly_fen, a.valid_from, a.version, a.monthly_fen, 0, 0, a.payee_kind, a.payee_account, 'OTHER',
      f.valid_from, a.recorded_at
    from benefit_awards a
    join persons p on p.id = a.person_id
    join benefit_awards f on f.award_no = a.award_no and f.version = 1
    where a.kind = 'pension'
      and a.version = (select max(v.version) from benefit_awards v where v.award_no = a.award_no)`.execute(
    db,
  );
  // verified_through above is a placeholder month; the end of the second cycle is 23 months on.
  const rows = await sql<{
    id: number;
    first_month_index: number;
  }>`select id, first_month_index from pension_roll`.execute(db);
  for (const row of rows.rows) {
    const index = Number(row.first_month_index) + 23;
    const through = `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
    await sql`update pension_roll set verified_through = ${through} where id = ${row.id}`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'payroll_returned_lines',
    'payroll_bank_returns',
    'payment_adjustments',
    'payroll_lines',
    'payroll_bank_files',
    'one_time_payments',
    'recovery_claims',
    'payroll_runs',
    'pension_roll',
  ])
    await db.schema.dropTable(table).execute();
}
