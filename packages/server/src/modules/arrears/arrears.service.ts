import { regionCodePrefix } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { arrearsOfBills, dailyLateFeeRatePpm } from '../employer-inquiry/index.ts';
import { describePayers } from '../payers/index.ts';
import type { PolicyService } from '../policy/index.ts';
import { selectOpenBillsOfPayers, selectPayersInArrears, sumOverdue } from './arrears.repository.ts';
import type { PayerInArrears } from './arrears.schemas.ts';

export interface RegionArrearsDeps {
  db: Kysely<Database>;
  policy: PolicyService;
}

export interface RegionArrearsPage {
  totalOverdueFen: number;
  payersInArrears: number;
  items: PayerInArrears[];
  /** The last payer key of the page when another page follows. */
  nextAfterPayerKey: string | null;
}

/**
 * The region's payers with overdue bills on `asOf`, a page at a time in payer-key order: what each owes,
 * how long the oldest bill is overdue, and the late fee running, computed as an employer's own arrears
 * inquiry computes it (arrearsOfBills). Set-based: one query for the page's payers, one for all their open
 * bills, two for their names, whatever the page size.
 */
export async function regionArrears(
  deps: RegionArrearsDeps,
  input: { regionCode: string; asOf: string; afterPayerKey?: string; limit: number },
): Promise<RegionArrearsPage> {
  const regionPrefix = regionCodePrefix(input.regionCode);
  const [payerRows, totals, book] = await Promise.all([
    selectPayersInArrears(deps.db, {
      regionPrefix,
      asOf: input.asOf,
      limit: input.limit + 1,
      ...(input.afterPayerKey === undefined ? {} : { afterPayerKey: input.afterPayerKey }),
    }),
    sumOverdue(deps.db, regionPrefix, input.asOf),
    deps.policy.loadBook(),
  ]);
  const more = payerRows.length > input.limit;
  const payerKeys = payerRows.slice(0, input.limit).map((row) => row.payer_key);
  const [bills, payers] = await Promise.all([
    selectOpenBillsOfPayers(deps.db, payerKeys),
    describePayers(deps.db, payerKeys),
  ]);
  const billsOf = new Map<string, typeof bills>();
  for (const bill of bills) {
    const list = billsOf.get(bill.payer_key);
    if (list) list.push(bill);
    else billsOf.set(bill.payer_key, [bill]);
  }
  const items = payerKeys.flatMap((payerKey): PayerInArrears[] => {
    const open = billsOf.get(payerKey) ?? [];
    const payer = payers.get(payerKey);
    const oldest = open[0];
    if (!payer || !oldest) return [];
    const dailyRatePpm = dailyLateFeeRatePpm(book, oldest.region_code, input.asOf);
    const arrears = arrearsOfBills(open, input.asOf, dailyRatePpm);
    const overdue = arrears.bills.filter((bill) => bill.daysOverdue > 0);
    return [
      {
        payer,
        regionCode: oldest.region_code,
        owedFen: arrears.contributionsOwedFen + arrears.lateFeesOwedFen,
        overdueFen: overdue.reduce((sum, bill) => sum + bill.owedFen, 0),
        contributionsOwedFen: arrears.contributionsOwedFen,
        lateFeesOwedFen: arrears.lateFeesOwedFen,
        billsOverdue: overdue.length,
        oldestDueDate: oldest.due_date,
        daysOverdue: Math.max(0, ...overdue.map((bill) => bill.daysOverdue)),
        accruingLateFeeFen: arrears.accruingLateFeeFen,
        dailyRatePpm,
      },
    ];
  });
  return {
    totalOverdueFen: totals.overdueFen,
    payersInArrears: totals.payers,
    items,
    nextAfterPayerKey: more ? (payerKeys.at(-1) ?? null) : null,
  };
}
