import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';

type Db = Kysely<Database>;

/*
 * The employer's inquiry pages are a read model (db/table-owners.ts TABLE_READERS): its bills and payments
 * are read here, a page at a time; the employer, its staff and its declarations are asked of registration.
 */

export function selectBills(
  db: Db,
  employerId: number,
  afterId: number,
  limit: number,
  period: string | undefined,
) {
  let query = db
    .selectFrom('bills')
    .select([
      'id',
      'bill_no',
      'period',
      'kind',
      'due_date',
      'estimated',
      'employer_fen',
      'employee_fen',
      'total_fen',
      'paid_fen',
    ])
    .where('employer_id', '=', employerId)
    .where('id', '>', afterId);
  if (period) query = query.where('period', '=', period);
  return query.orderBy('id').limit(limit).execute();
}

export function selectPayments(db: Db, payerKey: string, afterId: number, limit: number) {
  return db
    .selectFrom('payments')
    .selectAll()
    .where('payer_key', '=', payerKey)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export function selectPayment(db: Db, paymentId: number) {
  return db.selectFrom('payments').selectAll().where('id', '=', paymentId).executeTakeFirst();
}

/** Bills of the employer not paid in full, oldest due first. */
export function selectOpenBills(db: Db, employerId: number) {
  return db
    .selectFrom('bills')
    .select(['bill_no', 'period', 'kind', 'due_date', 'region_code', 'total_fen', 'paid_fen'])
    .where('employer_id', '=', employerId)
    .whereRef('paid_fen', '<', 'total_fen')
    .orderBy('due_date')
    .orderBy('id')
    .execute();
}

export async function sumLateFeesCharged(db: Db, employerId: number): Promise<number> {
  const row = await db
    .selectFrom('bills')
    .select((eb) => eb.fn.sum<number | string>('total_fen').as('total'))
    .where('employer_id', '=', employerId)
    .where('kind', '=', 'late_fee')
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}
