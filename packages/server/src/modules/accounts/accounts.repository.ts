import { sql, type Kysely } from 'kysely';
import { bulkInsert, type Database } from '../../db/index.ts';

/** The personal-account sub-ledger (personal_account_entries): the interest crediting's reads and writes. */

type Db = Kysely<Database>;

/** Whether a region's interest for the year ending in `december` is credited already. */
export async function interestCredited(db: Db, regionCode: string, december: string): Promise<boolean> {
  const done = await db
    .selectFrom('personal_account_entries')
    .select('id')
    .where('kind', '=', 'interest')
    .where('period', '=', december)
    .where('region_code', '=', regionCode)
    .executeTakeFirst();
  return done !== undefined;
}

/**
 * Per person of the region, the pension account before the year (its opening balance) and the year's
 * contributions up to `december`: one grouped read of the sub-ledger.
 */
export async function selectPensionYearMovements(
  db: Db,
  regionCode: string,
  year: number,
): Promise<{ personId: number; openingFen: number; contributionsFen: number }[]> {
  const rows = await db
    .selectFrom('personal_account_entries')
    .select((eb) => [
      'person_id',
      eb.fn
        .sum<number | string>(sql`case when period < ${`${year}-01`} then pension_fen else 0 end`)
        .as('opening'),
      eb.fn
        .sum<number | string>(
          sql`case when period >= ${`${year}-01`} and kind = 'contribution' then pension_fen else 0 end`,
        )
        .as('contributions'),
    ])
    .where('region_code', '=', regionCode)
    .where('period', '<=', `${year}-12`)
    .groupBy('person_id')
    .execute();
  return rows.map((row) => ({
    personId: row.person_id,
    openingFen: Number(row.opening),
    contributionsFen: Number(row.contributions),
  }));
}

/** The year's interest entries, one multi-row write (the pension account only). */
export async function insertInterestEntries(
  db: Db,
  regionCode: string,
  december: string,
  entries: readonly { personId: number; pensionFen: number }[],
): Promise<void> {
  await bulkInsert(
    db,
    'personal_account_entries',
    ['person_id', 'region_code', 'kind', 'period', 'bill_id', 'pension_fen', 'medical_fen', 'transaction_id'],
    ['bigint', 'text', 'text', 'text', 'bigint', 'bigint', 'bigint', 'bigint'],
    entries.map((entry) => [
      entry.personId,
      regionCode,
      'interest',
      december,
      null,
      entry.pensionFen,
      0,
      null,
    ]),
  );
}
