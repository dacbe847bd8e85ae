import { maskResidentId } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode, fromZodError } from '../../errors/index.ts';
import { getReceipt, type Receipt } from '../payments/index.ts';
import type { PolicyService } from '../policy/index.ts';
import { selectEmployerRegion, selectStaffPage } from '../registration/index.ts';
import { arrearsOfBills, dailyLateFeeRatePpm } from './arrears-of-bills.ts';
import {
  selectBills,
  selectOpenBills,
  selectPayment,
  selectPayments,
  sumLateFeesCharged,
} from './employer-inquiry.repository.ts';
import {
  arrearsInput,
  listBillsInput,
  listPaymentsInput,
  listStaffInput,
  paymentReceiptInput,
  type Arrears,
  type ArrearsInput,
  type BillSummary,
  type ListBillsInput,
  type ListPaymentsInput,
  type ListStaffInput,
  type Page,
  type PaymentReceiptInput,
  type PaymentSummary,
  type StaffMember,
} from './employer-inquiry.schemas.ts';

/**
 * What an employer may look up about itself (SIL Art. 4): staff, bills, payments, receipts, arrears
 * and late fees. The per-employee monthly details (Art. 60) are employer-notices' employeeMonthlyDetails.
 * Lists page by id: pass the reply's nextAfterId as afterId.
 */
export interface EmployerInquiryDeps {
  db: Kysely<Database>;
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}

async function requireEmployer(db: Kysely<Database>, employerId: number) {
  const employer = await selectEmployerRegion(db, employerId);
  if (!employer) {
    throw new AppError(ErrorCode.NOT_FOUND, `employerId: no employer ${employerId}`, { field: 'employerId' });
  }
  return employer;
}

/** Fetches limit + 1 rows so the reply knows whether there is a next page. */
function toPage<R extends { id: number }, T>(rows: R[], limit: number, map: (row: R) => T): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  return { items: kept.map(map), nextAfterId: more ? kept.at(-1)!.id : null };
}

export async function listStaff(
  deps: EmployerInquiryDeps & { today: string },
  input: ListStaffInput,
): Promise<Page<StaffMember>> {
  const { employerId, afterId, limit, current } = parse(listStaffInput, input);
  await requireEmployer(deps.db, employerId);
  const rows = await selectStaffPage(deps.db, employerId, afterId, limit + 1, current ? deps.today : null);
  return toPage(rows, limit, (row) => ({
    employmentId: row.id,
    personId: row.person_id,
    name: row.name,
    idNumberMasked: maskResidentId(row.id_number),
    hiredOn: row.hired_on,
    leftOn: row.left_on,
    leaveReason: row.leave_reason,
  }));
}

export async function listBills(
  deps: EmployerInquiryDeps,
  input: ListBillsInput,
): Promise<Page<BillSummary>> {
  const { employerId, afterId, limit, period } = parse(listBillsInput, input);
  await requireEmployer(deps.db, employerId);
  const rows = await selectBills(deps.db, employerId, afterId, limit + 1, period);
  return toPage(rows, limit, (row) => {
    const owedFen = Math.max(0, row.total_fen - row.paid_fen);
    return {
      billId: row.id,
      billNo: row.bill_no,
      period: row.period,
      kind: row.kind,
      dueDate: row.due_date,
      estimated: Number(row.estimated) === 1,
      employerFen: row.employer_fen,
      employeeFen: row.employee_fen,
      totalFen: row.total_fen,
      paidFen: row.paid_fen,
      owedFen,
      status: owedFen === 0 ? 'paid' : row.paid_fen > 0 ? 'partly_paid' : 'owed',
    };
  });
}

export async function listPayments(
  deps: EmployerInquiryDeps,
  input: ListPaymentsInput,
): Promise<Page<PaymentSummary>> {
  const { employerId, afterId, limit } = parse(listPaymentsInput, input);
  await requireEmployer(deps.db, employerId);
  const rows = await selectPayments(deps.db, `E${employerId}`, afterId, limit + 1);
  return toPage(rows, limit, (row) => ({
    paymentId: row.id,
    paymentNo: row.payment_no,
    paidOn: row.paid_on,
    amountFen: row.amount_fen,
    appliedFen: row.amount_fen - row.unapplied_fen,
    unappliedFen: row.unapplied_fen,
    bankReference: row.bank_reference,
    channel: row.channel,
  }));
}

/** The receipt of one of the employer's payments, as recordPayments gave it, rebuilt from the records. */
export async function paymentReceipt(
  deps: EmployerInquiryDeps,
  input: PaymentReceiptInput,
): Promise<Receipt> {
  const { employerId, paymentId } = parse(paymentReceiptInput, input);
  const payment = await selectPayment(deps.db, paymentId);
  // Another employer's payment is "not found" too: its existence is not this employer's business.
  if (!payment || payment.payer_key !== `E${employerId}`) {
    throw new AppError(ErrorCode.NOT_FOUND, `paymentId: employer ${employerId} has no payment ${paymentId}`, {
      field: 'paymentId',
    });
  }
  return getReceipt(deps.db, payment.payment_no);
}

/** What the employer owes on `asOf`: each bill not paid in full, days overdue, the late fee running on it. */
export async function employerArrears(
  deps: EmployerInquiryDeps & { policy: PolicyService },
  input: ArrearsInput,
): Promise<Arrears> {
  const { employerId, asOf } = parse(arrearsInput, input);
  const employer = await requireEmployer(deps.db, employerId);
  const [open, lateFeesChargedFen, book] = await Promise.all([
    selectOpenBills(deps.db, employerId),
    sumLateFeesCharged(deps.db, employerId),
    deps.policy.loadBook(),
  ]);
  const dailyRatePpm = dailyLateFeeRatePpm(book, employer.region_code, asOf);
  const arrears = arrearsOfBills(open, asOf, dailyRatePpm);
  return {
    employerId,
    asOf,
    bills: arrears.bills,
    contributionsOwedFen: arrears.contributionsOwedFen,
    contributionsDueFen: arrears.contributionsDueFen,
    contributionsOverdueFen: arrears.contributionsOverdueFen,
    lateFeesOwedFen: arrears.lateFeesOwedFen,
    lateFeesChargedFen,
    accruingLateFeeFen: arrears.accruingLateFeeFen,
    dailyRatePpm,
  };
}
