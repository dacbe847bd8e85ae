import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';

/**
 * What payments asks of bills (through collection's index.ts): the open bills of payers, oldest first;
 * bills by id; the credit bills payers hold; paid_fen kept from payments' rows; the credit bill that
 * cancels another; the personal-account parts of bills' lines.
 */

type Db = Kysely<Database>;

const IN_CHUNK = 500;

function chunks<T>(items: readonly T[], size = IN_CHUNK): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

export interface PayableBill {
  id: number;
  billNo: string;
  payerKey: string;
  regionCode: string;
  period: string;
  kind: string;
  dueDate: string;
  totalFen: number;
  paidFen: number;
  funds: { pension: number; medical: number; unemployment: number; work_injury: number };
}

/**
 * Open bills of these payers, by payer, oldest first, with each fund's full amount (payments subtracts
 * what was paid). With `credits`, credit bills not yet used up are included too.
 */
export async function selectOpenBillsOfPayers(
  db: Db,
  payerKeys: readonly string[],
  options: { credits?: boolean } = {},
): Promise<PayableBill[]> {
  const bills: PayableBill[] = [];
  for (const keys of chunks([...new Set(payerKeys)])) {
    const rows = await db
      .selectFrom('bills')
      .select([
        'id',
        'bill_no',
        'payer_key',
        'region_code',
        'period',
        'kind',
        'due_date',
        'total_fen',
        'paid_fen',
        'pension_fen',
        'medical_fen',
        'unemployment_fen',
        'work_injury_fen',
      ])
      .where('payer_key', 'in', keys)
      .whereRef('paid_fen', options.credits ? '<>' : '<', 'total_fen')
      .orderBy('payer_key')
      .orderBy('period')
      .orderBy('id')
      .execute();
    bills.push(
      ...rows.map((row) => ({
        id: row.id,
        billNo: row.bill_no,
        payerKey: row.payer_key,
        regionCode: row.region_code,
        period: row.period,
        kind: row.kind,
        dueDate: row.due_date,
        totalFen: row.total_fen,
        paidFen: row.paid_fen,
        funds: {
          pension: row.pension_fen,
          medical: row.medical_fen,
          unemployment: row.unemployment_fen,
          work_injury: row.work_injury_fen,
        },
      })),
    );
  }
  return bills;
}

/** These bills by id: number, month, kind, what they come to and what is paid. */
export async function selectBillsById(
  db: Db,
  billIds: readonly number[],
): Promise<
  Map<number, { id: number; billNo: string; period: string; kind: string; totalFen: number; paidFen: number }>
> {
  const bills = new Map<
    number,
    { id: number; billNo: string; period: string; kind: string; totalFen: number; paidFen: number }
  >();
  for (const ids of chunks([...new Set(billIds)])) {
    const rows = await db
      .selectFrom('bills')
      .select(['id', 'bill_no', 'period', 'kind', 'total_fen', 'paid_fen'])
      .where('id', 'in', ids)
      .execute();
    for (const row of rows)
      bills.set(Number(row.id), {
        id: Number(row.id),
        billNo: row.bill_no,
        period: row.period,
        kind: row.kind,
        totalFen: Number(row.total_fen),
        paidFen: Number(row.paid_fen),
      });
  }
  return bills;
}

/** Payers holding a credit bill not yet used up, with its region (a partial index finds them). */
export async function selectCreditBillHolders(db: Db): Promise<{ payerKey: string; regionCode: string }[]> {
  const rows = await db
    .selectFrom('bills')
    .select(['payer_key', 'region_code'])
    .whereRef('paid_fen', '>', 'total_fen')
    .execute();
  return rows.map((row) => ({ payerKey: row.payer_key, regionCode: row.region_code }));
}

/** The region of each payer's bills (one of them), for payers that have any. */
export async function selectRegionsOfPayers(
  db: Db,
  payerKeys: readonly string[],
): Promise<Map<string, string>> {
  const regions = new Map<string, string>();
  for (const keys of chunks([...new Set(payerKeys)])) {
    const rows = await db
      .selectFrom('bills')
      .select((eb) => ['payer_key', eb.fn.min('region_code').as('region_code')])
      .where('payer_key', 'in', keys)
      .groupBy('payer_key')
      .execute();
    for (const row of rows) regions.set(row.payer_key, String(row.region_code));
  }
  return regions;
}

/**
 * Sets paid_fen from the allocations and credit offsets themselves, so the stored figure can never drift
 * from them: allocated (less what reversed payments took back) plus offsets received, minus offsets given
 * out (what a credit bill has used). One set-based UPDATE per chunk, on payments' hot path: collection
 * reads payments' tables for it (db/table-owners.ts, TABLE_READERS).
 */
export async function refreshPaidAmounts(db: Db, billIds: readonly number[]): Promise<void> {
  for (const ids of chunks([...new Set(billIds)])) {
    await db
      .updateTable('bills')
      .set({
        paid_fen: sql<number>`(select coalesce(sum(a.amount_fen), 0) from payment_allocations a where a.bill_id = bills.id)
          - (select coalesce(sum(r.amount_fen), 0) from allocation_reversals r where r.bill_id = bills.id)
          + (select coalesce(sum(o.amount_fen), 0) from bill_offsets o where o.bill_id = bills.id)
          - (select coalesce(sum(o.amount_fen), 0) from bill_offsets o where o.credit_bill_id = bills.id)`,
      })
      .where('id', 'in', ids)
      .execute();
  }
}

/**
 * A credit bill that cancels a bill whole (every amount negated), under a new number, due on `dueDate`;
 * answers its id.
 */
export async function insertCancellingBill(
  trx: Db,
  billId: number,
  cancel: { billNo: string; dueDate: string; recordedAt: string },
): Promise<number> {
  const bill = await trx.selectFrom('bills').selectAll().where('id', '=', billId).executeTakeFirstOrThrow();
  const { id } = await trx
    .insertInto('bills')
    .values({
      bill_no: cancel.billNo,
      region_code: bill.region_code,
      period: bill.period,
      payer_key: bill.payer_key,
      employer_id: bill.employer_id,
      person_id: bill.person_id,
      kind: bill.kind,
      due_date: cancel.dueDate,
      employer_fen: -bill.employer_fen,
      employee_fen: -bill.employee_fen,
      total_fen: -bill.total_fen,
      pension_fen: -bill.pension_fen,
      medical_fen: -bill.medical_fen,
      unemployment_fen: -bill.unemployment_fen,
      work_injury_fen: -bill.work_injury_fen,
      run_id: null,
      recorded_at: cancel.recordedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** The personal-account parts of these bills' lines, summed per bill. */
export async function selectAccountParts(
  db: Db,
  billIds: readonly number[],
): Promise<{ billId: number; pensionFen: number; medicalFen: number }[]> {
  const rows = await db
    .selectFrom('contribution_lines')
    .select((eb) => [
      'bill_id',
      eb.fn.sum<number | string>('pension_account_fen').as('pension'),
      eb.fn.sum<number | string>('medical_account_fen').as('medical'),
    ])
    .where('bill_id', 'in', billIds)
    .where('person_id', 'is not', null)
    .groupBy('bill_id')
    .orderBy('bill_id')
    .execute();
  return rows.map((row) => ({
    billId: Number(row.bill_id),
    pensionFen: Number(row.pension),
    medicalFen: Number(row.medical),
  }));
}
