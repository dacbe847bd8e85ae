import { ACCOUNT_COLUMNS } from '@shebao/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';

/** A line's personal-account parts (the insurance-column catalogue) land in the sub-ledger's fund columns. */
const SUB_LEDGER_COLUMNS = ACCOUNT_COLUMNS.map(({ fund }) => `${fund}_fen` as const);

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
    .columns(['person_id', 'region_code', 'kind', 'period', 'bill_id', ...SUB_LEDGER_COLUMNS])
    .expression((eb) =>
      eb
        .selectFrom('contribution_lines')
        .select((line) => [
          'person_id',
          'region_code',
          sql.lit(kind).as('kind'),
          'period',
          'bill_id',
          ...ACCOUNT_COLUMNS.map(({ column, fund }) =>
            kind === 'contribution'
              ? line.ref(column).as(`${fund}_fen`)
              : sql<number>`-${sql.ref(column)}`.as(`${fund}_fen`),
          ),
        ])
        .where('bill_id', 'in', billIds)
        .where('person_id', 'is not', null)
        .where((w) => w.or(ACCOUNT_COLUMNS.map(({ column }) => w(column, '<>', 0))))
        // In person order: the person index then takes the entries in one sweep, not at random places.
        .orderBy('person_id'),
    )
    .execute();
}
