import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect-of.ts';
import { forbidChanges } from './append-only.ts';
import { addIdColumn, fenType, idRefType, periodCheck } from './column-types.ts';

const FUND_COLUMNS = ['pension_fen', 'medical_fen', 'unemployment_fen', 'work_injury_fen'] as const;

/**
 * Collection and the fund ledger: bills with their per-person lines, payments and their allocation,
 * the journal (append-only, enforced by triggers), personal-account credits, idempotency keys,
 * bank-statement imports and late-fee deferrals.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const fen = fenType(db);
  const ref = idRefType(db);

  await db.schema
    .createTable('collection_runs')
    .addColumn(...addIdColumn(db))
    .addColumn('region_code', 'text', (col) => col.notNull())
    .addColumn('period', 'text', (col) => col.notNull().check(periodCheck('period')))
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('running', 'done')`))
    .addColumn('payers', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('person_months', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('bills', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('started_at', 'text', (col) => col.notNull())
    .addColumn('finished_at', 'text')
    .execute();

  let bills = db.schema
    .createTable('bills')
    .addColumn(...addIdColumn(db))
    .addColumn('bill_no', 'text', (col) => col.notNull().unique())
    .addColumn('region_code', 'text', (col) => col.notNull())
    .addColumn('period', 'text', (col) => col.notNull().check(periodCheck('period')))
    // 'E<employer id>' or 'P<person id>': one key for "who owes", used for allocation order and sharding.
    .addColumn('payer_key', 'text', (col) => col.notNull())
    .addColumn('employer_id', ref, (col) => col.references('employers.id'))
    .addColumn('person_id', ref, (col) => col.references('persons.id'))
    .addColumn('kind', 'text', (col) =>
      col.notNull().check(sql`kind in ('regular', 'settlement', 'adjustment', 'late_fee')`),
    )
    .addColumn('estimated', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('due_date', 'text', (col) => col.notNull())
    .addColumn('employer_fen', fen, (col) => col.notNull())
    .addColumn('employee_fen', fen, (col) => col.notNull())
    .addColumn('total_fen', fen, (col) => col.notNull());
  for (const column of FUND_COLUMNS) bills = bills.addColumn(column, fen, (col) => col.notNull());
  await bills
    .addColumn('paid_fen', fen, (col) => col.notNull().defaultTo(0))
    .addColumn('run_id', ref, (col) => col.references('collection_runs.id'))
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .execute();
  // One regular bill per payer and month: this is what makes a re-run of the month change nothing.
  await db.schema
    .createIndex('bills_one_regular_per_month')
    .on('bills')
    .columns(['payer_key', 'period'])
    .unique()
    .where(sql.ref('kind'), '=', 'regular')
    .execute();
  await db.schema.createIndex('bills_payer').on('bills').columns(['payer_key', 'period', 'id']).execute();
  await db.schema.createIndex('bills_region_period').on('bills').columns(['region_code', 'period']).execute();
  await db.schema.createIndex('bills_employer').on('bills').columns(['employer_id', 'period']).execute();
  await db.schema.createIndex('bills_person').on('bills').columns(['person_id', 'period']).execute();

  // One row per person and month on a bill (an estimate line has no person). The columns are the
  // insurance-and-party lines of the calculator; wide rows keep a province's month one insert per person.
  await db.schema
    .createTable('contribution_lines')
    .addColumn(...addIdColumn(db))
    .addColumn('bill_id', ref, (col) => col.notNull().references('bills.id'))
    .addColumn('person_id', ref, (col) => col.references('persons.id'))
    .addColumn('region_code', 'text', (col) => col.notNull())
    .addColumn('period', 'text', (col) => col.notNull())
    .addColumn('pension_base_fen', fen, (col) => col.notNull())
    .addColumn('medical_base_fen', fen, (col) => col.notNull())
    .addColumn('unemployment_base_fen', fen, (col) => col.notNull())
    .addColumn('work_injury_base_fen', fen, (col) => col.notNull())
    .addColumn('pension_employer_fen', fen, (col) => col.notNull())
    .addColumn('pension_employee_fen', fen, (col) => col.notNull())
    .addColumn('medical_employer_fen', fen, (col) => col.notNull())
    .addColumn('medical_employee_fen', fen, (col) => col.notNull())
    .addColumn('maternity_employer_fen', fen, (col) => col.notNull())
    .addColumn('unemployment_employer_fen', fen, (col) => col.notNull())
    .addColumn('unemployment_employee_fen', fen, (col) => col.notNull())
    .addColumn('work_injury_employer_fen', fen, (col) => col.notNull())
    .addColumn('pension_account_fen', fen, (col) => col.notNull())
    .addColumn('medical_account_fen', fen, (col) => col.notNull())
    .execute();
  await db.schema.createIndex('contribution_lines_bill').on('contribution_lines').column('bill_id').execute();
  await db.schema
    .createIndex('contribution_lines_person')
    .on('contribution_lines')
    .columns(['person_id', 'period'])
    .execute();

  await db.schema
    .createTable('payments')
    .addColumn(...addIdColumn(db))
    .addColumn('payment_no', 'text', (col) => col.notNull().unique())
    .addColumn('bank_reference', 'text', (col) => col.unique())
    .addColumn('payer_key', 'text')
    .addColumn('amount_fen', fen, (col) => col.notNull().check(sql`amount_fen > 0`))
    .addColumn('unapplied_fen', fen, (col) => col.notNull().check(sql`unapplied_fen >= 0`))
    .addColumn('paid_on', 'text', (col) => col.notNull())
    .addColumn('channel', 'text', (col) =>
      col.notNull().check(sql`channel in ('api', 'cli', 'bank', 'demo')`),
    )
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('payments_payer').on('payments').columns(['payer_key', 'id']).execute();

  let allocations = db.schema
    .createTable('payment_allocations')
    .addColumn(...addIdColumn(db))
    .addColumn('payment_id', ref, (col) => col.notNull().references('payments.id'))
    .addColumn('bill_id', ref, (col) => col.notNull().references('bills.id'))
    .addColumn('amount_fen', fen, (col) => col.notNull().check(sql`amount_fen > 0`));
  for (const column of FUND_COLUMNS) allocations = allocations.addColumn(column, fen, (col) => col.notNull());
  await allocations.addColumn('recorded_at', 'text', (col) => col.notNull()).execute();
  await db.schema
    .createIndex('payment_allocations_bill')
    .on('payment_allocations')
    .column('bill_id')
    .execute();
  await db.schema
    .createIndex('payment_allocations_payment')
    .on('payment_allocations')
    .column('payment_id')
    .execute();

  await db.schema
    .createTable('late_fee_lines')
    .addColumn(...addIdColumn(db))
    .addColumn('bill_id', ref, (col) => col.notNull().references('bills.id'))
    .addColumn('source_bill_id', ref, (col) => col.notNull().references('bills.id'))
    .addColumn('payment_id', ref, (col) => col.notNull().references('payments.id'))
    .addColumn('principal_fen', fen, (col) => col.notNull())
    .addColumn('from_date', 'text', (col) => col.notNull())
    .addColumn('to_date', 'text', (col) => col.notNull())
    .addColumn('days', 'integer', (col) => col.notNull())
    .addColumn('daily_rate_ppm', 'integer', (col) => col.notNull())
    .addColumn('fee_fen', fen, (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('deferrals')
    .addColumn(...addIdColumn(db))
    .addColumn('payer_key', 'text', (col) => col.notNull())
    .addColumn('from_date', 'text', (col) => col.notNull())
    .addColumn('to_date', 'text', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('approved_by', 'text', (col) => col.notNull())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .addCheckConstraint('deferrals_range', sql`to_date >= from_date`)
    .execute();

  await db.schema
    .createTable('journal_transactions')
    .addColumn(...addIdColumn(db))
    .addColumn('fund', 'text', (col) =>
      col.notNull().check(sql`fund in ('pension', 'medical', 'unemployment', 'work_injury', 'collection')`),
    )
    .addColumn('kind', 'text', (col) => col.notNull())
    // The business event, e.g. "assess:B202507-E12"; unique per fund, so an event posts once.
    .addColumn('event_key', 'text', (col) => col.notNull())
    .addColumn('reverses_id', ref, (col) => col.references('journal_transactions.id'))
    .addColumn('business_date', 'text', (col) => col.notNull())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('journal_transactions_event')
    .on('journal_transactions')
    .columns(['event_key', 'fund'])
    .unique()
    .execute();

  await db.schema
    .createTable('journal_entries')
    .addColumn(...addIdColumn(db))
    .addColumn('transaction_id', ref, (col) => col.notNull().references('journal_transactions.id'))
    .addColumn('fund', 'text', (col) => col.notNull())
    .addColumn('account', 'text', (col) => col.notNull())
    .addColumn('side', 'text', (col) => col.notNull().check(sql`side in ('debit', 'credit')`))
    .addColumn('amount_fen', fen, (col) => col.notNull().check(sql`amount_fen > 0`))
    .addColumn('region_code', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('journal_entries_transaction')
    .on('journal_entries')
    .column('transaction_id')
    .execute();
  await db.schema
    .createIndex('journal_entries_account')
    .on('journal_entries')
    .columns(['fund', 'account'])
    .execute();

  // The personal-account sub-ledger: one row per person and month credited (or year of interest).
  await db.schema
    .createTable('personal_account_entries')
    .addColumn(...addIdColumn(db))
    .addColumn('person_id', ref, (col) => col.notNull().references('persons.id'))
    .addColumn('region_code', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) =>
      col.notNull().check(sql`kind in ('contribution', 'interest', 'reversal')`),
    )
    .addColumn('period', 'text', (col) => col.notNull())
    .addColumn('bill_id', ref, (col) => col.references('bills.id'))
    .addColumn('pension_fen', fen, (col) => col.notNull())
    .addColumn('medical_fen', fen, (col) => col.notNull())
    .addColumn('transaction_id', ref, (col) => col.references('journal_transactions.id'))
    .execute();
  await db.schema
    .createIndex('personal_account_entries_person')
    .on('personal_account_entries')
    .columns(['person_id', 'period'])
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('scope', 'text', (col) => col.notNull())
    .addColumn('request_hash', 'text', (col) => col.notNull())
    .addColumn('response_json', 'text', (col) => col.notNull())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('bank_statement_imports')
    .addColumn(...addIdColumn(db))
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('file_hash', 'text', (col) => col.notNull().unique())
    .addColumn('rows_total', 'integer', (col) => col.notNull())
    .addColumn('rows_matched', 'integer', (col) => col.notNull())
    .addColumn('rows_unmatched', 'integer', (col) => col.notNull())
    .addColumn('rows_invalid', 'integer', (col) => col.notNull())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('bank_statement_rows')
    .addColumn(...addIdColumn(db))
    .addColumn('import_id', ref, (col) => col.notNull().references('bank_statement_imports.id'))
    .addColumn('line_no', 'integer', (col) => col.notNull())
    .addColumn('bank_reference', 'text')
    .addColumn('payer_code', 'text')
    .addColumn('payer_name', 'text')
    .addColumn('amount_fen', fen)
    .addColumn('paid_on', 'text')
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('matched', 'unmatched', 'invalid', 'resolved')`),
    )
    .addColumn('reason', 'text')
    .addColumn('payment_id', ref, (col) => col.references('payments.id'))
    .execute();

  await forbidChanges(db, [
    'journal_transactions',
    'journal_entries',
    'personal_account_entries',
    'payment_allocations',
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'bank_statement_rows',
    'bank_statement_imports',
    'idempotency_keys',
    'personal_account_entries',
    'journal_entries',
    'journal_transactions',
    'deferrals',
    'late_fee_lines',
    'payment_allocations',
    'payments',
    'contribution_lines',
    'bills',
    'collection_runs',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  if (dialectOf(db) === 'postgres') await sql`drop function if exists shebao_append_only()`.execute(db);
}
