import { isPeriod } from '@shebao/domain';
import { z } from 'zod';
import { businessDate } from '../../shared/business-date.ts';

/** Shapes of the employer's inquiry (SIL Art. 4): staff, bills, payments, receipts, arrears. */

export const PAGE_LIMIT_DEFAULT = 50;
export const PAGE_LIMIT_MAX = 500;

const id = z.number().int('must be a whole number').positive('must be a positive id');
const fen = z.number().int();

/** Cursor paging: rows with an id above `afterId`, in id order, at most `limit`. */
export const pageInput = z.object({
  employerId: id,
  afterId: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(PAGE_LIMIT_MAX).default(PAGE_LIMIT_DEFAULT),
});

export const listStaffInput = pageInput.extend({
  /** Only employments not ended (the default), or every employment ever. */
  current: z.boolean().default(true),
});
export type ListStaffInput = z.input<typeof listStaffInput>;

export const listBillsInput = pageInput.extend({
  period: z.string().trim().refine(isPeriod, 'must be a month in the form YYYY-MM').optional(),
});
export type ListBillsInput = z.input<typeof listBillsInput>;

export const listPaymentsInput = pageInput;
export type ListPaymentsInput = z.input<typeof listPaymentsInput>;

export const paymentReceiptInput = z.object({ employerId: id, paymentId: id });
export type PaymentReceiptInput = z.input<typeof paymentReceiptInput>;

export const arrearsInput = z.object({
  employerId: id,
  /** The day the arrears and the late fee running on them are counted to. */
  asOf: businessDate,
});
export type ArrearsInput = z.input<typeof arrearsInput>;

export const staffMember = z.object({
  employmentId: z.number().int(),
  personId: z.number().int(),
  name: z.string(),
  /** Masked in lists: address code and last four characters. */
  idNumberMasked: z.string(),
  hiredOn: z.string(),
  leftOn: z.string().nullable(),
  leaveReason: z.string().nullable(),
});
export type StaffMember = z.infer<typeof staffMember>;

export const billSummary = z.object({
  billId: z.number().int(),
  billNo: z.string(),
  period: z.string(),
  kind: z.enum(['regular', 'settlement', 'adjustment', 'late_fee']),
  dueDate: z.string(),
  estimated: z.boolean(),
  employerFen: fen,
  employeeFen: fen,
  totalFen: fen,
  paidFen: fen,
  owedFen: fen,
  status: z.enum(['paid', 'partly_paid', 'owed']),
});
export type BillSummary = z.infer<typeof billSummary>;

export const paymentSummary = z.object({
  paymentId: z.number().int(),
  paymentNo: z.string(),
  paidOn: z.string(),
  amountFen: fen,
  /** What the payment paid on bills; the rest is the employer's credit. */
  appliedFen: fen,
  unappliedFen: fen,
  bankReference: z.string().nullable(),
  channel: z.string(),
});
export type PaymentSummary = z.infer<typeof paymentSummary>;

export function pageReply<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    /** Pass as afterId for the next page; null on the last page. */
    nextAfterId: z.number().int().nullable(),
  });
}
export interface Page<T> {
  items: T[];
  nextAfterId: number | null;
}

export const arrearsBill = z.object({
  billNo: z.string(),
  period: z.string(),
  kind: z.string(),
  dueDate: z.string(),
  /** On asOf: before the due date not yet due, on it due, after it overdue (docs/RULES.md 6.3). */
  standing: z.enum(['not_yet_due', 'due', 'overdue']),
  owedFen: fen,
  daysOverdue: z.number().int(),
  /** The late fee running on this bill to asOf, charged when it is paid (SIL Art. 86); 0 for late-fee bills. */
  accruingLateFeeFen: fen,
});

export const arrearsReply = z.object({
  employerId: z.number().int(),
  asOf: z.string(),
  bills: z.array(arrearsBill),
  /** Contributions owed (not late fees): every bill assessed and not paid in full, due yet or not. */
  contributionsOwedFen: fen,
  /** Of those, what is due: bills whose due date is asOf or earlier. */
  contributionsDueFen: fen,
  /** Of those, the arrears: bills whose due date has passed, a late fee running on them (SIL Art. 86). */
  contributionsOverdueFen: fen,
  /** Late fees already charged (late-fee bills) and not yet paid. */
  lateFeesOwedFen: fen,
  /** Late fees charged on this employer's payments so far, paid or not. */
  lateFeesChargedFen: fen,
  accruingLateFeeFen: fen,
  dailyRatePpm: z.number().int().nullable(),
});
export type Arrears = z.infer<typeof arrearsReply>;

const quotedBill = z.object({
  billNo: z.string(),
  period: z.string(),
  kind: z.string(),
  dueDate: z.string(),
  owedFen: fen,
  /** The late fee paying the bill today bills (SIL Art. 86). */
  lateFeeFen: fen,
  overdue: z.boolean(),
});

/** GET /api/employers/{employerId}/summary: the employer's start page. */
export const employerSummaryReply = z.object({
  employer: z.object({ id: z.number().int(), name: z.string(), creditCode: z.string() }),
  asOf: z.string(),
  /** Every bill not paid in full, oldest first. */
  bills: z.array(quotedBill),
  /** Owed on all open bills (without the late fees paying them would bill). */
  owedFen: fen,
  /** Owed on bills past their due date. */
  overdueFen: fen,
  /** The earliest due date still ahead and what falls due then; null when nothing is. */
  nextDue: z.object({ dueDate: z.string(), owedFen: fen }).nullable(),
  /** What clears every open bill if paid today: owed plus the late fees the payment bills. */
  dueToday: z.object({ owedFen: fen, lateFeeFen: fen, totalFen: fen }),
  howToPay: z.object({
    /** The region's collection account; null when the agency has not published one. */
    collectionAccount: z
      .object({ bank: z.string(), accountName: z.string(), accountNo: z.string() })
      .nullable(),
    /** What to write as the payer code of a transfer: the bank-statement import matches payers on it. */
    reference: z.string(),
  }),
  toDo: z.object({
    /** This month, when it is not declared yet (SIL Art. 60). */
    monthToDeclare: z.string().nullable(),
    /** The contribution year in force. */
    cycleStart: z.string(),
    /** Current employees without a base declared for that year. */
    staffWithoutBase: z.number().int(),
    overdueBills: z.number().int(),
  }),
});
export type EmployerSummary = z.infer<typeof employerSummaryReply>;
