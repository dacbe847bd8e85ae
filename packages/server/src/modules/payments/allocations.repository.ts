import { FUNDS, type FundAmounts } from '@shebao/domain';
import type { Kysely } from 'kysely';
import { bulkInsert, type Database } from '../../db/index.ts';

/**
 * What payments put towards bills, split by fund: allocations, credit offsets between a payer's bills, and
 * their sums per bill; how often reversals touched a bill.
 */

type Db = Kysely<Database>;

const IN_CHUNK = 500;

function chunks<T>(items: readonly T[], size = IN_CHUNK): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

const FUND_KEYS = ['pension', 'medical', 'unemployment', 'work_injury'] as const;

/** Per bill and fund: credit offsets received (positive) minus credit offsets given out (a credit bill). */
export async function selectOffsetSums(db: Db, billIds: readonly number[]) {
  const sums = new Map<number, { billId: number; funds: FundAmounts }>();
  const add = (billId: number, sign: number, row: Record<string, unknown>) => {
    const entry = sums.get(billId) ?? {
      billId,
      funds: { pension: 0, medical: 0, unemployment: 0, work_injury: 0 },
    };
    for (const fund of FUND_KEYS) entry.funds[fund] += sign * Number(row[fund]);
    sums.set(billId, entry);
  };
  for (const [column, sign] of [
    ['bill_id', 1],
    ['credit_bill_id', -1],
  ] as const) {
    const rows = await db
      .selectFrom('bill_offsets')
      .select((eb) => [
        eb.ref(column).as('bill'),
        eb.fn.sum<number | string>('pension_fen').as('pension'),
        eb.fn.sum<number | string>('medical_fen').as('medical'),
        eb.fn.sum<number | string>('unemployment_fen').as('unemployment'),
        eb.fn.sum<number | string>('work_injury_fen').as('work_injury'),
      ])
      .where(column, 'in', billIds)
      .groupBy(column)
      .execute();
    for (const row of rows) add(Number(row.bill), sign, row);
  }
  return [...sums.values()];
}

/**
 * Per bill and fund, the sum of a table of fund splits: what payments allocated to the bill
 * ('payment_allocations'), or what reversed payments had allocated and took back ('allocation_reversals').
 */
export async function sumFundsPerBill(
  db: Db,
  table: 'payment_allocations' | 'allocation_reversals',
  billIds: readonly number[],
) {
  const rows = await db
    .selectFrom(table)
    .select((eb) => [
      'bill_id',
      eb.fn.sum<number | string>('pension_fen').as('pension'),
      eb.fn.sum<number | string>('medical_fen').as('medical'),
      eb.fn.sum<number | string>('unemployment_fen').as('unemployment'),
      eb.fn.sum<number | string>('work_injury_fen').as('work_injury'),
    ])
    .where('bill_id', 'in', billIds)
    .groupBy('bill_id')
    .execute();
  return rows.map((row) => ({
    billId: Number(row.bill_id),
    funds: {
      pension: Number(row.pension),
      medical: Number(row.medical),
      unemployment: Number(row.unemployment),
      work_injury: Number(row.work_injury),
    },
  }));
}

/** How many payment reversals took money back from each bill (rare: a small indexed table). */
export async function countBillReopenings(db: Db, billIds: readonly number[]): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  for (const ids of chunks([...new Set(billIds)])) {
    const rows = await db
      .selectFrom('allocation_reversals')
      .select((eb) => ['bill_id', eb.fn.count<number | string>('reversal_id').distinct().as('times')])
      .where('bill_id', 'in', ids)
      .groupBy('bill_id')
      .execute();
    for (const row of rows) counts.set(Number(row.bill_id), Number(row.times));
  }
  return counts;
}

/** How many times reversals took each bill's personal-account credit back (rare: a small indexed table). */
export async function countAccountCreditReversals(
  db: Db,
  billIds: readonly number[],
): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  for (const ids of chunks(billIds)) {
    const rows = await db
      .selectFrom('account_credit_reversals')
      .select((eb) => ['bill_id', eb.fn.countAll<number | string>().as('times')])
      .where('bill_id', 'in', ids)
      .groupBy('bill_id')
      .execute();
    for (const row of rows) counts.set(Number(row.bill_id), Number(row.times));
  }
  return counts;
}

const FUND_COLUMNS = FUNDS.map((fund) => `${fund}_fen`);
/** What a payment (or a credit bill) put towards a bill, split by fund: one column order for every writer. */
export const ALLOCATION_COLUMNS = ['payment_id', 'bill_id', 'amount_fen', ...FUND_COLUMNS, 'recorded_at'];
export const ALLOCATION_TYPES = [
  ...ALLOCATION_COLUMNS.slice(0, -1).map(() => 'bigint' as const),
  'text' as const,
];
const OFFSET_COLUMNS = ['credit_bill_id', ...ALLOCATION_COLUMNS.slice(1)];
const OFFSET_TYPES = ALLOCATION_TYPES;

/** Allocations in bulk, rows in ALLOCATION_COLUMNS order. */
export async function insertAllocationRows(
  db: Db,
  rows: readonly (string | number | null)[][],
): Promise<void> {
  await bulkInsert(db, 'payment_allocations', ALLOCATION_COLUMNS, ALLOCATION_TYPES, rows);
}

/** Credit offsets in bulk: a credit bill set against a bill owed, rows in (credit bill, ALLOCATION_COLUMNS[1..]) order. */
export async function insertOffsetRows(db: Db, rows: readonly (string | number | null)[][]): Promise<void> {
  await bulkInsert(db, 'bill_offsets', OFFSET_COLUMNS, OFFSET_TYPES, rows);
}

/** One credit offset. */
export async function insertOffset(
  db: Db,
  offset: { creditBillId: number; billId: number; amountFen: number; funds: FundAmounts; recordedAt: string },
): Promise<void> {
  await db
    .insertInto('bill_offsets')
    .values({
      credit_bill_id: offset.creditBillId,
      bill_id: offset.billId,
      amount_fen: offset.amountFen,
      pension_fen: offset.funds.pension,
      medical_fen: offset.funds.medical,
      unemployment_fen: offset.funds.unemployment,
      work_injury_fen: offset.funds.work_injury,
      recorded_at: offset.recordedAt,
    })
    .execute();
}

/** Every allocation of a payment, in the order made, split by fund. */
export async function selectPaymentAllocations(db: Db, paymentId: number) {
  const rows = await db
    .selectFrom('payment_allocations')
    .select([
      'id',
      'bill_id',
      'amount_fen',
      'pension_fen',
      'medical_fen',
      'unemployment_fen',
      'work_injury_fen',
    ])
    .where('payment_id', '=', paymentId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    allocationId: Number(row.id),
    billId: Number(row.bill_id),
    amountFen: Number(row.amount_fen),
    funds: {
      pension: Number(row.pension_fen),
      medical: Number(row.medical_fen),
      unemployment: Number(row.unemployment_fen),
      work_injury: Number(row.work_injury_fen),
    } as FundAmounts,
  }));
}
