import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';

/**
 * One personal-account sub-ledger entry per person-month of these bills' contribution lines that carry an
 * account part: the credit when a bill is paid in full ('contribution'), or its mirror image, negated,
 * when a payment reversal reopens the bill ('reversal'). INSERT ... SELECT, so no line leaves the database
 * (payments' hot path; db/table-owners.ts lists accounts as a reader of contribution_lines for it).
 */
export async function insertAccountEntriesForBills(
  db: Kysely<Database>,
  billIds: readonly number[],
  kind: 'contribution' | 'reversal',
): Promise<void> {
  await db
    .insertInto('personal_account_entries')
    .columns(['person_id', 'region_code', 'kind', 'period', 'bill_id', 'pension_fen', 'medical_fen'])
    .expression((eb) =>
      eb
        .selectFrom('contribution_lines')
        .select((line) => [
          'person_id',
          'region_code',
          sql.lit(kind).as('kind'),
          'period',
          'bill_id',
          kind === 'contribution'
            ? line.ref('pension_account_fen').as('pension_fen')
            : sql<number>`-pension_account_fen`.as('pension_fen'),
          kind === 'contribution'
            ? line.ref('medical_account_fen').as('medical_fen')
            : sql<number>`-medical_account_fen`.as('medical_fen'),
        ])
        .where('bill_id', 'in', billIds)
        .where('person_id', 'is not', null)
        .where((w) => w.or([w('pension_account_fen', '<>', 0), w('medical_account_fen', '<>', 0)]))
        // In person order: the person index then takes the entries in one sweep, not at random places.
        .orderBy('person_id'),
    )
    .execute();
}
