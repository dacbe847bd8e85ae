import type { BusinessDate, PolicyBook } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { lateFeeByFund } from './record-payments.ts';
import { selectDeferrals, selectOpenBills } from './repository.ts';

export interface QuotedBill {
  billNo: string;
  period: string;
  kind: string;
  dueDate: string;
  owedFen: number;
  /** The late fee paying the bill on the quote's day would bill (0 when not overdue, or a late-fee bill). */
  lateFeeFen: number;
  overdue: boolean;
}

/** What a payer must pay on a day to clear every open bill and the late fees paying them then bills. */
export interface PaymentQuote {
  payerKey: string;
  on: BusinessDate;
  bills: QuotedBill[];
  owedFen: number;
  lateFeeFen: number;
  totalFen: number;
}

/**
 * The amount due on the day of payment (docs/RULES.md, "The amount due on the day of payment"): every open
 * bill's remaining amount plus the late fee that paying it on `on` bills, computed per fund with approved
 * deferrals exactly as recordPayment does (lateFeeByFund), so a payment of `totalFen` on that day pays
 * every bill and its fee and leaves nothing open. Bills not yet due are included: a payment is applied to
 * the oldest bills first, whatever their due date.
 */
export async function quotePayment(
  db: Kysely<Database>,
  book: PolicyBook,
  payerKey: string,
  on: BusinessDate,
): Promise<PaymentQuote> {
  const [open, deferrals] = await Promise.all([
    selectOpenBills(db, [payerKey]),
    selectDeferrals(db, [payerKey]),
  ]);
  const bills = open.map((bill): QuotedBill => {
    const owedFen = bill.totalFen - bill.paidFen;
    const overdue = bill.kind !== 'late_fee' && on > bill.dueDate;
    const lateFeeFen = overdue ? lateFeeByFund(book, bill, bill.funds, on, deferrals).feeFen : 0;
    return {
      billNo: bill.billNo,
      period: bill.period,
      kind: bill.kind,
      dueDate: bill.dueDate,
      owedFen,
      lateFeeFen,
      overdue: bill.kind !== 'late_fee' ? overdue : on > bill.dueDate,
    };
  });
  const owedFen = bills.reduce((sum, bill) => sum + bill.owedFen, 0);
  const lateFeeFen = bills.reduce((sum, bill) => sum + bill.lateFeeFen, 0);
  return { payerKey, on, bills, owedFen, lateFeeFen, totalFen: owedFen + lateFeeFen };
}
