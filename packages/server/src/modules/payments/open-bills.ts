import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { selectOpenBillsOfPayers, type PayableBill } from '../collection/index.ts';
import { selectOffsetSums, sumFundsPerBill } from './allocations.repository.ts';

export type OpenBillRow = PayableBill;

const FUND_KEYS = ['pension', 'medical', 'unemployment', 'work_injury'] as const;

/**
 * Open bills of these payers (collection's), oldest first, with what each fund is still owed. With
 * `credits`, credit bills not yet used up are included too (what they still hold shows as negative fund
 * amounts).
 */
export async function selectOpenBills(
  db: Kysely<Database>,
  payerKeys: readonly string[],
  options: { credits?: boolean } = {},
): Promise<OpenBillRow[]> {
  const bills = await selectOpenBillsOfPayers(db, payerKeys, options);
  // Subtract what earlier allocations and credit offsets already settled in each fund of partly paid
  // bills (a credit bill partly used up holds less credit: its offsets out are added back).
  const partly = bills.filter((bill) => bill.paidFen !== 0);
  for (let start = 0; start < partly.length; start += 500) {
    const ids = partly.slice(start, start + 500).map((bill) => bill.id);
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
