import { FUNDS, type BusinessDate } from '@shebao/domain';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { applyPayments, type PaymentDeps, type Receipt, type ReceiptAllocation } from './record-payments.ts';
import { selectOpenBills } from './open-bills.ts';

/** What a payer must pay on a day to clear everything: contributions owed and the late fees to that day. */
export interface PaymentQuote {
  payerKey: string;
  /** The day of payment the quote is for (China time). */
  asOf: BusinessDate;
  /** Paying exactly this on `asOf` leaves nothing open and no credit (docs/RULES.md 6.10). */
  amountFen: number;
  /** Of it, contributions and late fees already billed. */
  billsFen: number;
  /** Of it, the late fees that paying on `asOf` charges (SIL Art. 86: to the day of payment). */
  lateFeesFen: number;
  /** The open bills it pays, oldest first. */
  allocations: ReceiptAllocation[];
  /** The late fees paying on `asOf` charges, per overdue bill (billed as the payment is recorded). */
  lateFees: Omit<Receipt['lateFees'][number], 'billNo'>[];
}

/** Thrown inside the trial payment's transaction so that nothing of it is kept. */
class TrialRolledBack extends Error {
  constructor(readonly receipt: Receipt) {
    super('trial payment rolled back');
  }
}

/**
 * The amount that clears a payer's open bills when paid on `paidOn`. The late fee runs to the day of payment
 * and is computed per fund on what each bill receives, after the payer's held credit is applied; rather than
 * repeat those rules, the quote makes the payment itself, with more money than can be owed, through the very
 * code that records payments, reads what it used, and rolls the transaction back. Paying the quoted amount on
 * that day takes the same path, so it pays every bill and late fee exactly.
 */
export async function quotePayment(
  deps: PaymentDeps,
  input: { payerKey: string; paidOn: BusinessDate },
): Promise<PaymentQuote> {
  const book = await deps.policy.loadBook();
  const recordedAt = deps.clock.now().toISOString();
  const open = await selectOpenBills(deps.db, [input.payerKey]);
  const owedFen = open.reduce(
    (sum, bill) => sum + FUNDS.reduce((part, fund) => part + bill.funds[fund], 0),
    0,
  );
  // Twice what is owed covers the late fee of bills up to about five years overdue; more is tried if not.
  let offeredFen = 2 * Math.max(owedFen, 0) + 100;
  for (;;) {
    const receipt = await trialPayment(deps, book, recordedAt, { ...input, amountFen: offeredFen });
    if (receipt.creditFen > 0) return toQuote(input, receipt);
    if (offeredFen > Number.MAX_SAFE_INTEGER / 4)
      throw new AppError(ErrorCode.CONFLICT, `payer: ${input.payerKey} owes more than can be quoted`, {
        field: 'payer',
      });
    offeredFen *= 4;
  }
}

async function trialPayment(
  deps: PaymentDeps,
  book: Awaited<ReturnType<PaymentDeps['policy']['loadBook']>>,
  recordedAt: string,
  input: { payerKey: string; paidOn: BusinessDate; amountFen: number },
): Promise<Receipt> {
  try {
    await deps.db.transaction().execute(async (trx) => {
      const [receipt] = await applyPayments(trx, book, recordedAt, [{ ...input, channel: 'api' }]);
      throw new TrialRolledBack(receipt!);
    });
  } catch (error) {
    if (error instanceof TrialRolledBack) return error.receipt;
    throw error;
  }
  throw new Error('the trial payment was not rolled back');
}

function toQuote(input: { payerKey: string; paidOn: BusinessDate }, receipt: Receipt): PaymentQuote {
  const amountFen = receipt.amountFen - receipt.creditFen;
  const lateFeesFen = receipt.lateFees.reduce((sum, fee) => sum + fee.feeFen, 0);
  const newBills = new Set(receipt.lateFees.map((fee) => fee.billNo));
  return {
    payerKey: input.payerKey,
    asOf: input.paidOn,
    amountFen,
    billsFen: amountFen - lateFeesFen,
    lateFeesFen,
    // The trial's own late-fee bills do not exist: the fees are listed by the bill they run on.
    allocations: receipt.allocations.filter((allocation) => !newBills.has(allocation.billNo)),
    lateFees: receipt.lateFees.map(({ sourceBillNo, principalFen, days, feeFen }) => ({
      sourceBillNo,
      principalFen,
      days,
      feeFen,
    })),
  };
}

/** One open bill as the quote for a day sees it. */
export interface QuotedBill {
  billNo: string;
  period: string;
  kind: string;
  dueDate: string;
  owedFen: number;
  /** The late fee paying the bill on the quote's day bills (0 when it is not overdue). */
  lateFeeFen: number;
  overdue: boolean;
}

/**
 * The quote for a day laid out per open bill, oldest first: what each still owes, whether it is past its
 * due date, and the late fee that paying it that day bills (taken from the quote, so the bills add up to it).
 */
export async function quoteOpenBills(
  deps: PaymentDeps,
  input: { payerKey: string; paidOn: BusinessDate },
): Promise<{ quote: PaymentQuote; bills: QuotedBill[] }> {
  const [quote, open] = await Promise.all([
    quotePayment(deps, input),
    selectOpenBills(deps.db, [input.payerKey]),
  ]);
  const feeByBill = new Map<string, number>();
  for (const fee of quote.lateFees)
    feeByBill.set(fee.sourceBillNo, (feeByBill.get(fee.sourceBillNo) ?? 0) + fee.feeFen);
  const bills = open.map((bill) => ({
    billNo: bill.billNo,
    period: bill.period,
    kind: bill.kind,
    dueDate: bill.dueDate,
    owedFen: bill.totalFen - bill.paidFen,
    lateFeeFen: feeByBill.get(bill.billNo) ?? 0,
    overdue: input.paidOn > bill.dueDate,
  }));
  return { quote, bills };
}
