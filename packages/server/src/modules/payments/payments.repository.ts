import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { bulkInsertReturningIds } from '../../db/bulk-insert.ts';
import type { payerKeysInRegion } from '../payers/index.ts';

/** Payments: what was received from whom, when, under which bank reference, and the money left over. */

type Db = Kysely<Database>;

async function inChunks<T, K>(keys: readonly K[], select: (chunk: K[]) => Promise<T[]>): Promise<T[]> {
  const unique = [...new Set(keys)];
  const rows: T[] = [];
  for (let start = 0; start < unique.length; start += 500)
    rows.push(...(await select(unique.slice(start, start + 500))));
  return rows;
}

export interface PaymentSummary {
  id: number;
  paymentNo: string;
  payerKey: string | null;
  amountFen: number;
  unappliedFen: number;
  paidOn: string;
  bankReference: string | null;
  channel: string;
  recordedAt: string;
  /** Set when the payment was reversed (recorded in error): it pays nothing any more. */
  reversalNo: string | null;
}

/** A payer's payments after a cursor id, by id, with the reversal of each reversed one. */
export async function listPayments(
  db: Db,
  filter: { payerKey: string; afterId?: number; limit: number },
): Promise<PaymentSummary[]> {
  let query = db
    .selectFrom('payments')
    .leftJoin('payment_reversals as r', 'r.payment_id', 'payments.id')
    .selectAll('payments')
    .select('r.reversal_no')
    .where('payments.payer_key', '=', filter.payerKey);
  if (filter.afterId !== undefined) query = query.where('payments.id', '>', filter.afterId);
  const rows = await query.orderBy('payments.id').limit(filter.limit).execute();
  return rows.map((row) => ({
    id: Number(row.id),
    paymentNo: row.payment_no,
    payerKey: row.payer_key,
    amountFen: Number(row.amount_fen),
    unappliedFen: Number(row.unapplied_fen),
    paidOn: row.paid_on,
    bankReference: row.bank_reference,
    channel: row.channel,
    recordedAt: row.recorded_at,
    reversalNo: row.reversal_no,
  }));
}

/** Who made a payment, for access checks; undefined when there is no such payment. */
export async function findPaymentPayer(db: Db, paymentNo: string): Promise<string | null | undefined> {
  const row = await db
    .selectFrom('payments')
    .select('payer_key')
    .where('payment_no', '=', paymentNo)
    .executeTakeFirst();
  return row?.payer_key;
}

export async function selectPaymentByNo(db: Db, paymentNo: string) {
  return db.selectFrom('payments').selectAll().where('payment_no', '=', paymentNo).executeTakeFirst();
}

/** Payments of these payers, newest first, before a cursor id (the region's list). */
export async function selectPaymentsOfPayers(
  db: Db,
  payerKeys: ReturnType<typeof payerKeysInRegion>,
  filter: { beforeId?: number; limit: number },
) {
  let query = db.selectFrom('payments').selectAll().where('payer_key', 'in', payerKeys);
  if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
  return query.orderBy('id', 'desc').limit(filter.limit).execute();
}

/** Payers with money left over from a payment (a partial index finds them). */
export async function selectPayersWithUnappliedMoney(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('payments')
    .select('payer_key')
    .where('unapplied_fen', '>', 0)
    .where('payer_key', 'is not', null)
    .execute();
  return rows.map((row) => row.payer_key!);
}

/** The payments of these payers with money left over, oldest first. */
export async function selectHeldPayments(db: Db, payerKeys: readonly string[]) {
  const held = new Map<string, { id: number; paymentNo: string; unappliedFen: number }[]>();
  for (let start = 0; start < payerKeys.length; start += 500) {
    const rows = await db
      .selectFrom('payments')
      .select(['id', 'payment_no', 'payer_key', 'unapplied_fen'])
      .where('payer_key', 'in', payerKeys.slice(start, start + 500))
      .where('unapplied_fen', '>', 0)
      .orderBy('id')
      .execute();
    for (const row of rows) {
      const list = held.get(row.payer_key!) ?? [];
      list.push({ id: row.id, paymentNo: row.payment_no, unappliedFen: Number(row.unapplied_fen) });
      held.set(row.payer_key!, list);
    }
  }
  return held;
}

export async function setUnappliedMoney(db: Db, paymentId: number, unappliedFen: number): Promise<void> {
  await db.updateTable('payments').set({ unapplied_fen: unappliedFen }).where('id', '=', paymentId).execute();
}

/** The first payment recorded under any of these bank references, if any (500 references a query). */
export async function selectFirstKnownReference(db: Db, references: readonly string[]) {
  for (let start = 0; start < references.length; start += 500) {
    const known = await db
      .selectFrom('payments')
      .select(['bank_reference', 'payment_no'])
      .where('bank_reference', 'in', references.slice(start, start + 500))
      .executeTakeFirst();
    if (known) return known;
  }
  return undefined;
}

/** Payments already recorded under any of these bank references. */
export async function selectPaymentsByReference(db: Db, references: readonly string[]) {
  return inChunks(references, (chunk) =>
    db
      .selectFrom('payments')
      .select(['id', 'bank_reference', 'payment_no', 'payer_key'])
      .where('bank_reference', 'in', chunk)
      .execute(),
  );
}

export async function selectPaymentIdsByNo(
  db: Db,
  paymentNos: readonly string[],
): Promise<Map<string, number>> {
  const rows = await inChunks(paymentNos, (chunk) =>
    db.selectFrom('payments').select(['id', 'payment_no']).where('payment_no', 'in', chunk).execute(),
  );
  return new Map(rows.map((row) => [row.payment_no, row.id]));
}

export async function selectPaymentNosById(
  db: Db,
  paymentIds: readonly number[],
): Promise<Map<number, string>> {
  const rows = await inChunks(paymentIds, (chunk) =>
    db.selectFrom('payments').select(['id', 'payment_no']).where('id', 'in', chunk).execute(),
  );
  return new Map(rows.map((row) => [Number(row.id), row.payment_no]));
}

const PAYMENT_COLUMNS = [
  'payment_no',
  'bank_reference',
  'payer_key',
  'amount_fen',
  'unapplied_fen',
  'paid_on',
  'channel',
  'recorded_at',
];
const PAYMENT_TYPES = ['text', 'text', 'text', 'bigint', 'bigint', 'text', 'text', 'text'] as const;

/** Payments in bulk, rows in PAYMENT_COLUMNS order; answers their ids in row order. */
export async function insertPaymentRows(
  db: Db,
  rows: readonly (string | number | null)[][],
): Promise<number[]> {
  return bulkInsertReturningIds(db, 'payments', PAYMENT_COLUMNS, PAYMENT_TYPES, rows);
}
