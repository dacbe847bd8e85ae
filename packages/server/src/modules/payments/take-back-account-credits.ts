import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { selectAccountParts } from './repository.ts';

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
  await trx
    .insertInto('personal_account_entries')
    .columns(['person_id', 'region_code', 'kind', 'period', 'bill_id', 'pension_fen', 'medical_fen'])
    .expression((eb) =>
      eb
        .selectFrom('contribution_lines')
        .select([
          'person_id',
          'region_code',
          sql.lit('reversal').as('kind'),
          'period',
          'bill_id',
          sql<number>`-pension_account_fen`.as('pension_fen'),
          sql<number>`-medical_account_fen`.as('medical_fen'),
        ])
        .where('bill_id', 'in', reopened)
        .where('person_id', 'is not', null)
        .where((w) => w.or([w('pension_account_fen', '<>', 0), w('medical_account_fen', '<>', 0)]))
        .orderBy('person_id'),
    )
    .execute();
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
