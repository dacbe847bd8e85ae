import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { insertAccountEntriesForBills } from '../accounts/index.ts';
import { selectAccountParts, selectBillsById } from '../collection/index.ts';
import { insertAccountCreditReversals } from './reversals.repository.ts';

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
  const stillPaid = await selectBillsById(trx, [...paidInFullBefore]);
  const reopened = [...stillPaid.values()]
    .filter((bill) => bill.paidFen < bill.totalFen)
    .map((bill) => bill.id);
  if (reopened.length === 0) return [];
  await insertAccountEntriesForBills(trx, reopened, 'reversal');
  const parts = await selectAccountParts(trx, reopened);
  await insertAccountCreditReversals(trx, reversalId, parts, recordedAt);
  return parts;
}
