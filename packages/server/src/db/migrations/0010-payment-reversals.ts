import { sql, type Kysely } from 'kysely';
import { forbidChanges } from './append-only.ts';
import { addIdColumn, fenType, idRefType } from './column-types.ts';

const FUND_COLUMNS = ['pension_fen', 'medical_fen', 'unemployment_fen', 'work_injury_fen'] as const;

/**
 * Payment reversals (issue 4): a payment recorded in error is reversed, never edited, once a second staff
 * member approves. All three tables are append-only like the allocations they take back:
 * - payment_reversals: one per payment at most (unique payment_id), with the reason and both people;
 * - allocation_reversals: each allocation of the reversed payment taken back whole (unique allocation_id),
 *   so a bill's paid amount is its allocations minus these plus its credit offsets;
 * - account_credit_reversals: personal-account credits taken back from bills no longer paid in full; their
 *   count per bill also numbers the next credit of that bill, so its journal event is new.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const fen = fenType(db);
  const ref = idRefType(db);

  await db.schema
    .createTable('payment_reversals')
    .addColumn(...addIdColumn(db))
    .addColumn('reversal_no', 'text', (col) => col.notNull().unique())
    .addColumn('payment_id', ref, (col) => col.notNull().unique().references('payments.id'))
    .addColumn('payer_key', 'text', (col) => col.notNull())
    .addColumn('amount_fen', fen, (col) => col.notNull().check(sql`amount_fen > 0`))
    // The payer's held credit from this payment that the reversal removed.
    .addColumn('unapplied_removed_fen', fen, (col) => col.notNull().check(sql`unapplied_removed_fen >= 0`))
    .addColumn('late_fee_credit_bill_id', ref, (col) => col.references('bills.id'))
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('approval_id', ref, (col) => col.references('approvals.id'))
    .addColumn('proposed_by', 'text', (col) => col.notNull())
    .addColumn('approved_by', 'text', (col) => col.notNull())
    .addColumn('reversed_on', 'text', (col) => col.notNull())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .addCheckConstraint('payment_reversals_second_person', sql`approved_by <> proposed_by`)
    .execute();

  let allocations = db.schema
    .createTable('allocation_reversals')
    .addColumn(...addIdColumn(db))
    .addColumn('reversal_id', ref, (col) => col.notNull().references('payment_reversals.id'))
    .addColumn('allocation_id', ref, (col) => col.notNull().unique().references('payment_allocations.id'))
    .addColumn('payment_id', ref, (col) => col.notNull().references('payments.id'))
    .addColumn('bill_id', ref, (col) => col.notNull().references('bills.id'))
    .addColumn('amount_fen', fen, (col) => col.notNull().check(sql`amount_fen > 0`));
  for (const column of FUND_COLUMNS) allocations = allocations.addColumn(column, fen, (col) => col.notNull());
  await allocations.addColumn('recorded_at', 'text', (col) => col.notNull()).execute();
  await db.schema
    .createIndex('allocation_reversals_bill')
    .on('allocation_reversals')
    .column('bill_id')
    .execute();
  await db.schema
    .createIndex('allocation_reversals_payment')
    .on('allocation_reversals')
    .column('payment_id')
    .execute();

  await db.schema
    .createTable('account_credit_reversals')
    .addColumn(...addIdColumn(db))
    .addColumn('reversal_id', ref, (col) => col.notNull().references('payment_reversals.id'))
    .addColumn('bill_id', ref, (col) => col.notNull().references('bills.id'))
    .addColumn('pension_fen', fen, (col) => col.notNull())
    .addColumn('medical_fen', fen, (col) => col.notNull())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('account_credit_reversals_bill')
    .on('account_credit_reversals')
    .columns(['bill_id', 'reversal_id'])
    .unique()
    .execute();

  await forbidChanges(db, ['payment_reversals', 'allocation_reversals', 'account_credit_reversals']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('account_credit_reversals').execute();
  await db.schema.dropTable('allocation_reversals').execute();
  await db.schema.dropTable('payment_reversals').execute();
}
