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
