import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';

type Db = Kysely<Database>;

/** Payer keys of the region with a bill overdue on `asOf` (due before it, not paid in full), in key order. */
export function selectPayersInArrears(
  db: Db,
  filter: { regionPrefix: string; asOf: string; afterPayerKey?: string; limit: number },
) {
  let query = db
    .selectFrom('bills')
    .select('payer_key')
    .where('region_code', 'like', `${filter.regionPrefix}%`)
    .whereRef('paid_fen', '<', 'total_fen')
    .where('due_date', '<', filter.asOf);
  if (filter.afterPayerKey !== undefined) query = query.where('payer_key', '>', filter.afterPayerKey);
  return query.groupBy('payer_key').orderBy('payer_key').limit(filter.limit).execute();
}

/** Every bill of these payers not paid in full, oldest due first: one query for a whole page of payers. */
export function selectOpenBillsOfPayers(db: Db, payerKeys: readonly string[]) {
  if (payerKeys.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('bills')
    .select(['payer_key', 'region_code', 'bill_no', 'period', 'kind', 'due_date', 'total_fen', 'paid_fen'])
    .where('payer_key', 'in', payerKeys)
    .whereRef('paid_fen', '<', 'total_fen')
    .orderBy('due_date')
    .orderBy('id')
    .execute();
}

/** The region's overdue total and how many payers owe it, for the head of the list. */
export async function sumOverdue(db: Db, regionPrefix: string, asOf: string) {
  const row = await db
    .selectFrom('bills')
    .select((eb) => [
      eb.fn.sum<number | string>(eb(eb.ref('total_fen'), '-', eb.ref('paid_fen'))).as('overdue'),
      eb.fn.count<number | string>('payer_key').distinct().as('payers'),
    ])
    .where('region_code', 'like', `${regionPrefix}%`)
    .whereRef('paid_fen', '<', 'total_fen')
    .where('due_date', '<', asOf)
    .executeTakeFirst();
  return { overdueFen: Number(row?.overdue ?? 0), payers: Number(row?.payers ?? 0) };
}
