import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { insertAccountEntriesForBills } from '../accounts/index.ts';
import { selectAccountParts } from '../collection/index.ts';
import { countAccountCreditReversals } from './allocations.repository.ts';

export interface AccountCreditSums {
  billId: number;
  pensionFen: number;
  medicalFen: number;
  /** How many times reversals took this bill's credit back before: numbers the credit's journal event. */
  takenBackTimes: number;
}

/**
 * Credits the personal-account parts of fully paid contribution bills to each person's sub-ledger in one
 * INSERT ... SELECT per chunk (accounts), and returns the sums per bill for the control-account postings.
 */
export async function creditPersonalAccounts(
  db: Kysely<Database>,
  billIds: readonly number[],
): Promise<AccountCreditSums[]> {
  const sums: AccountCreditSums[] = [];
  for (let start = 0; start < billIds.length; start += 500) {
    const ids = billIds.slice(start, start + 500);
    await insertAccountEntriesForBills(db, ids, 'contribution');
    const rows = await selectAccountParts(db, ids);
    const takenBack = await countAccountCreditReversals(db, ids);
    sums.push(
      ...rows.map((row) => ({
        ...row,
        takenBackTimes: takenBack.get(row.billId) ?? 0,
      })),
    );
  }
  return sums;
}
