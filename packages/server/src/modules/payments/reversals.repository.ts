import type { FundAmounts } from '@shebao/domain';
import type { Insertable, Kysely } from 'kysely';
import type { Database, PaymentReversalsTable } from '../../db/index.ts';

/**
 * Payment reversals (a payment recorded in error, taken back whole): the reversal, each allocation it took
 * back, and each personal-account credit it took back.
 */

type Db = Kysely<Database>;

/** The reversal of a payment, if it was reversed (once at most: a unique index). */
export async function selectReversalOfPayment(db: Db, paymentId: number) {
  return db
    .selectFrom('payment_reversals')
    .select(['reversal_no', 'reversed_on', 'reason'])
    .where('payment_id', '=', paymentId)
    .executeTakeFirst();
}

export async function insertReversal(db: Db, row: Insertable<PaymentReversalsTable>): Promise<number> {
  const { id } = await db
    .insertInto('payment_reversals')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** Every allocation of the payment, taken back whole, split by fund as it was made. */
export async function insertAllocationReversals(
  db: Db,
  reversalId: number,
  paymentId: number,
  allocations: readonly { allocationId: number; billId: number; amountFen: number; funds: FundAmounts }[],
  recordedAt: string,
): Promise<void> {
  if (allocations.length === 0) return;
  await db
    .insertInto('allocation_reversals')
    .values(
      allocations.map((row) => ({
        reversal_id: reversalId,
        allocation_id: row.allocationId,
        payment_id: paymentId,
        bill_id: row.billId,
        amount_fen: row.amountFen,
        pension_fen: row.funds.pension,
        medical_fen: row.funds.medical,
        unemployment_fen: row.funds.unemployment,
        work_injury_fen: row.funds.work_injury,
        recorded_at: recordedAt,
      })),
    )
    .execute();
}

/** The personal-account credits a reversal took back, per bill. */
export async function insertAccountCreditReversals(
  db: Db,
  reversalId: number,
  parts: readonly { billId: number; pensionFen: number; medicalFen: number }[],
  recordedAt: string,
): Promise<void> {
  if (parts.length === 0) return;
  await db
    .insertInto('account_credit_reversals')
    .values(
      parts.map((part) => ({
        reversal_id: reversalId,
        bill_id: part.billId,
        pension_fen: part.pensionFen,
        medical_fen: part.medicalFen,
        recorded_at: recordedAt,
      })),
    )
    .execute();
}
