import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { insertAccountEntriesForBills } from './personal-account-entries.ts';

type Db = Kysely<Database>;

export interface OpenBillRow {
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

const IN_CHUNK = 500;

function chunks<T>(items: readonly T[], size = IN_CHUNK): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/**
 * Open bills of these payers, oldest first, with what each fund is still owed. With `credits`, credit
 * bills not yet used up are included too (what they still hold shows as negative fund amounts).
 */
export async function selectOpenBills(
  db: Db,
  payerKeys: readonly string[],
  options: { credits?: boolean } = {},
): Promise<OpenBillRow[]> {
  const bills: OpenBillRow[] = [];
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
  // Subtract what earlier allocations and credit offsets already settled in each fund of partly paid
  // bills (a credit bill partly used up holds less credit: its offsets out are added back).
  const partly = bills.filter((bill) => bill.paidFen !== 0);
  for (const ids of chunks(partly.map((bill) => bill.id))) {
    const paid = await sumFundsPerBill(db, 'payment_allocations', ids);
    const byId = new Map(partly.map((bill) => [bill.id, bill]));
    for (const row of await sumFundsPerBill(db, 'allocation_reversals', ids)) {
      const bill = byId.get(row.billId)!;
      for (const fund of FUND_KEYS) bill.funds[fund] += row.funds[fund];
    }
    for (const row of paid) {
      const bill = byId.get(row.billId)!;
      for (const fund of FUND_KEYS) bill.funds[fund] -= row.funds[fund];
    }
    for (const row of await selectOffsetSums(db, ids)) {
      const bill = byId.get(row.billId)!;
      for (const fund of FUND_KEYS) bill.funds[fund] -= row.funds[fund];
    }
  }
  return bills;
}

const FUND_KEYS = ['pension', 'medical', 'unemployment', 'work_injury'] as const;

/** Per bill and fund: credit offsets received (positive) minus credit offsets given out (a credit bill). */
async function selectOffsetSums(db: Db, billIds: readonly number[]) {
  const sums = new Map<number, { billId: number; funds: OpenBillRow['funds'] }>();
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
async function sumFundsPerBill(
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

/**
 * The journal event of held money applied to a bill. A payment's held money pays a bill at most once,
 * unless a reversal of another payment reopened the bill since: the number of reversals that touched the
 * bill then makes the event new (`apply-credit:<payment>:<bill>:<n>`).
 */
export function applyCreditEventKey(paymentNo: string, billNo: string, reopenedTimes: number): string {
  const base = `apply-credit:${paymentNo}:${billNo}`;
  return reopenedTimes === 0 ? base : `${base}:${reopenedTimes}`;
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

export async function selectDeferrals(db: Db, payerKeys: readonly string[]) {
  const rows = [];
  for (const keys of chunks([...new Set(payerKeys)])) {
    rows.push(
      ...(await db
        .selectFrom('deferrals')
        .select(['payer_key', 'from_date', 'to_date'])
        .where('payer_key', 'in', keys)
        .execute()),
    );
  }
  return rows;
}

/**
 * Sets paid_fen from the allocations and credit offsets themselves, so the stored figure can never drift
 * from them: allocated (less what reversed payments took back) plus offsets received, minus offsets given
 * out (what a credit bill has used).
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

export interface AccountCreditSums {
  billId: number;
  pensionFen: number;
  medicalFen: number;
  /** How many times reversals took this bill's credit back before: numbers the credit's journal event. */
  takenBackTimes: number;
}

/**
 * The journal event of a bill's personal-account credit: `account-credit:<bill>` the first time; when a
 * payment reversal took an earlier credit back and the bill is paid in full again, the credit is a new
 * event, numbered after the take-backs (`account-credit:<bill>:2`, `:3`, …).
 */
export function accountCreditEventKey(billNo: string, takenBackTimes: number): string {
  return takenBackTimes === 0 ? `account-credit:${billNo}` : `account-credit:${billNo}:${takenBackTimes + 1}`;
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

/**
 * Credits the personal-account parts of fully paid contribution bills to each person's sub-ledger in one
 * INSERT ... SELECT per chunk, and returns the sums per bill for the control-account postings.
 */
export async function creditPersonalAccounts(
  db: Db,
  billIds: readonly number[],
): Promise<AccountCreditSums[]> {
  const sums: AccountCreditSums[] = [];
  for (const ids of chunks(billIds)) {
    await insertAccountEntriesForBills(db, ids, 'contribution');
    const rows = await selectAccountParts(db, ids);
    const takenBack = await countAccountCreditReversals(db, ids);
    sums.push(
      ...rows.map((row) => ({
        ...row,
        takenBackTimes: takenBack.get(row.billId) ?? 0,
      })),
    );
  }
  return sums;
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
