import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { insertAccountEntriesForBills } from './personal-account-entries.ts';
import { selectAccountParts } from './payments.repository.ts';

/**
 * Contribution bills that were paid in full before the reversal and are not any more give back their
 * personal-account credits: one negative sub-ledger entry per person-month, mirroring the credit.
 */
export async function takeBackAccountCredits(
  trx: Kysely<Database>,
  reversalId: number,
  paidInFullBefore: Set<number>,
  recordedAt: string,
): Promise<{ billId: number; pensionFen: number; medicalFen: number }[]> {
  if (paidInFullBefore.size === 0) return [];
  const stillPaid = await trx
    .selectFrom('bills')
    .select(['id', 'paid_fen', 'total_fen'])
    .where('id', 'in', [...paidInFullBefore])
    .execute();
  const reopened = stillPaid
    .filter((bill) => Number(bill.paid_fen) < Number(bill.total_fen))
    .map((bill) => Number(bill.id));
  if (reopened.length === 0) return [];
  await insertAccountEntriesForBills(trx, reopened, 'reversal');
  const parts = await selectAccountParts(trx, reopened);
  if (parts.length > 0) {
    await trx
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
  return parts;
}
