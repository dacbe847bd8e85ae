import type { Insertable, Kysely } from 'kysely';
import type { Database, DeferralsTable } from '../../db/index.ts';

type Db = Kysely<Database>;

/** The payer's deferrals that share at least one day with [fromDate, toDate]. */
export async function selectOverlappingDeferrals(db: Db, payerKey: string, fromDate: string, toDate: string) {
  return db
    .selectFrom('deferrals')
    .selectAll()
    .where('payer_key', '=', payerKey)
    .where('from_date', '<=', toDate)
    .where('to_date', '>=', fromDate)
    .orderBy('from_date')
    .execute();
}

export async function insertDeferral(db: Db, row: Insertable<DeferralsTable>): Promise<number> {
  const { id } = await db.insertInto('deferrals').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** The deferrals of these payers, which payments leave out of late fees. */
export async function selectDeferralsOfPayers(db: Db, payerKeys: readonly string[]) {
  const rows = [];
  const unique = [...new Set(payerKeys)];
  for (let start = 0; start < unique.length; start += 500) {
    rows.push(
      ...(await db
        .selectFrom('deferrals')
        .select(['payer_key', 'from_date', 'to_date'])
        .where('payer_key', 'in', unique.slice(start, start + 500))
        .execute()),
    );
  }
  return rows;
}
