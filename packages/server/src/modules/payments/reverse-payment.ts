import { chinaDateOf, type BusinessDate, type FundAmounts } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { refreshPaidAmounts, selectBillsById } from '../collection/index.ts';
import { selectPostedEventKeys } from '../ledger/index.ts';
import {
  countAccountCreditReversals,
  countBillReopenings,
  selectPaymentAllocations,
} from './allocations.repository.ts';
import { insertLateFeeCredit, offsetCancelledFee, selectLateFeeBill } from './cancel-late-fee.ts';
import { accountCreditEventKey, applyCreditEventKey } from './event-keys.ts';
import { selectPaymentByNo, setUnappliedMoney } from './payments.repository.ts';
import {
  insertAllocationReversals,
  insertReversal,
  selectReversalOfPayment,
} from './reversals.repository.ts';
import { takeBackAccountCredits } from './take-back-account-credits.ts';
import { paymentReversalInput, type PaymentReversalInput } from './payments.schemas.ts';

/** The voucher of a reversal: what was taken back, and by which rule. */
export interface ReversalVoucher {
  reversalNo: string;
  paymentNo: string;
  payerKey: string;
  amountFen: number;
  paidOn: BusinessDate;
  reversedOn: BusinessDate;
  reason: string;
  proposedBy: string;
  approvedBy: string;
  /** Every allocation of the payment, whenever made (when recorded, or later from its held credit). */
  allocationsReversed: { billNo: string; period: string; kind: string; amountFen: number }[];
  heldCreditRemovedFen: number;
  lateFeesCancelled: { billNo: string; creditBillNo: string; feeFen: number }[];
  accountCreditsTakenBack: { billNo: string; pensionFen: number; medicalFen: number }[];
  rules: string[];
}

const RULES = [
  'A payment recorded in error is reversed, never edited or deleted: every allocation it made is taken back whole and the journal gets the mirror image of each posting (ledger rule 3).',
  'The late fee a payment incurred was computed to the day of that payment (SIL Art. 86: 0.05% a day until the arrears are paid); a payment that did not happen paid nothing, so its fee is cancelled by a credit bill and accrues anew to the day of the real payment.',
  'Personal accounts are credited when a contribution bill is paid in full (GF-2005-38); a bill no longer paid in full has its credit taken back.',
];

/** Reads a reversal request: the input valid, the payment known and matched to a payer. */
export async function readPaymentReversal(
  db: Kysely<Database>,
  input: unknown,
): Promise<{ payerKey: string; amountFen: number; paymentId: number; input: PaymentReversalInput }> {
  const parsed = paymentReversalInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || 'payload';
    throw new AppError(ErrorCode.VALIDATION, `${field}: ${issue.message}`, { field });
  }
  const payment = await selectPayment(db, parsed.data.paymentNo);
  if (!payment.payerKey)
    throw new AppError(
      ErrorCode.RULE_VIOLATION,
      `paymentNo: payment ${payment.paymentNo} has no payer: an unmatched statement row is resolved, not reversed`,
      { field: 'paymentNo' },
    );
  return {
    payerKey: payment.payerKey,
    amountFen: payment.amountFen,
    paymentId: payment.id,
    input: parsed.data,
  };
}

/**
 * Refuses a reversal that cannot be applied, before anyone is asked to approve it: an unknown payment, or
 * one reversed already (workflows/payment-reversal.ts also refuses one whose reversal waits for approval).
 */
export async function checkPaymentReversal(
  db: Kysely<Database>,
  input: unknown,
): Promise<{ payerKey: string; input: PaymentReversalInput }> {
  const request = await readPaymentReversal(db, input);
  await refuseReversed(db, request.paymentId, request.input.paymentNo);
  return request;
}

async function refuseReversed(db: Kysely<Database>, paymentId: number, paymentNo: string): Promise<void> {
  const known = await selectReversalOfPayment(db, paymentId);
  if (!known) return;
  const reason = `paymentNo: payment ${paymentNo} was reversed already (${known.reversal_no})`;
  throw new AppError(ErrorCode.CONFLICT, reason, { field: 'paymentNo' });
}

/** What taking a payment back did, and what the reversal's workflow still does with it. */
export interface TakenBackPayment {
  voucher: ReversalVoucher;
  /** The journal events of the payment (receipt, allocations, late fee, account credits) to mirror. */
  eventKeys: string[];
}

/**
 * Takes back a payment recorded in error, inside the approval's transaction (the first step of applying
 * its reversal, workflows/payment-reversal.ts): every allocation of the payment is taken back (its bills
 * owe again exactly what it paid them, its money held as credit is removed, and bills its held credit paid
 * later reopen too: the simple rule is "all of that payment's money, wherever it went"); the late fee it
 * incurred is cancelled by a credit bill; personal-account credits of bills no longer paid in full are
 * taken back. A payment is reversed once (a unique index). Answers the voucher and the journal events the
 * workflow mirrors; the payer's other held credit then pays the reopened bills, as after any change.
 */
export async function takeBackPayment(
  trx: Kysely<Database>,
  request: PaymentReversalInput,
  who: { proposedBy: string; approvedBy: string; approvalId?: number },
  recordedAt: string,
): Promise<TakenBackPayment> {
  const { payerKey, input } = await readPaymentReversal(trx, request);
  const payment = await selectPayment(trx, input.paymentNo);
  await refuseReversed(trx, payment.id, payment.paymentNo);
  const reversedOn = chinaDateOf(new Date(recordedAt));
  const reversalNo = `REV-${payment.paymentNo}`;

  const allocations = await selectAllocations(trx, payment.id);
  const billIds = [...new Set(allocations.map((row) => row.billId))];
  const paidInFullBefore = new Set(
    allocations
      .filter((row) => row.kind !== 'late_fee' && row.paidFen >= row.totalFen)
      .map((row) => row.billId),
  );
  const reopenedBefore = await countBillReopenings(trx, billIds);
  const feeBill = await selectLateFeeBill(trx, payment.id);
  const eventKeys = [`receipt:${payment.paymentNo}`];
  eventKeys.push(...(await allocationEventKeys(trx, payment.paymentNo, allocations, reopenedBefore)));

  // The credit bill cancelling the fee comes first: the reversal row names it, and rows are never updated.
  const creditBill = feeBill
    ? await insertLateFeeCredit(trx, feeBill, payment, reversedOn, recordedAt)
    : null;
  if (feeBill) eventKeys.push(`late-fee:${feeBill.billNo}`);
  const reversalId = await insertReversal(trx, {
    reversal_no: reversalNo,
    payment_id: payment.id,
    payer_key: payerKey,
    amount_fen: payment.amountFen,
    unapplied_removed_fen: payment.unappliedFen,
    late_fee_credit_bill_id: creditBill?.id ?? null,
    reason: input.reason,
    approval_id: who.approvalId ?? null,
    proposed_by: who.proposedBy,
    approved_by: who.approvedBy,
    reversed_on: reversedOn,
    recorded_at: recordedAt,
  });
  await insertAllocationReversals(trx, reversalId, payment.id, allocations, recordedAt);
  // The payer's held credit from this payment is gone with it.
  await setUnappliedMoney(trx, payment.id, 0);
  await refreshPaidAmounts(trx, [...billIds, ...(feeBill ? [feeBill.id, creditBill!.id] : [])]);

  const lateFeesCancelled: ReversalVoucher['lateFeesCancelled'] = [];
  if (feeBill && creditBill) {
    await offsetCancelledFee(trx, payerKey, feeBill.id, creditBill.id, recordedAt);
    lateFeesCancelled.push({
      billNo: feeBill.billNo,
      creditBillNo: creditBill.billNo,
      feeFen: feeBill.totalFen,
    });
  }

  const accountCreditsTakenBack = await takeBackAccountCredits(trx, reversalId, paidInFullBefore, recordedAt);
  const billNoById = new Map(allocations.map((row) => [row.billId, row.billNo]));
  const takenBackBefore = await countAccountCreditReversals(
    trx,
    accountCreditsTakenBack.map((row) => row.billId),
  );
  for (const row of accountCreditsTakenBack) {
    if (row.pensionFen === 0 && row.medicalFen === 0) continue;
    // The count now includes this reversal's take-back; the credit it reverses was numbered before it.
    eventKeys.push(accountCreditEventKey(billNoById.get(row.billId)!, takenBackBefore.get(row.billId)! - 1));
  }

  const voucher: ReversalVoucher = {
    reversalNo,
    paymentNo: payment.paymentNo,
    payerKey,
    amountFen: payment.amountFen,
    paidOn: payment.paidOn,
    reversedOn,
    reason: input.reason,
    proposedBy: who.proposedBy,
    approvedBy: who.approvedBy,
    allocationsReversed: allocations.map((row) => ({
      billNo: row.billNo,
      period: row.period,
      kind: row.kind,
      amountFen: row.amountFen,
    })),
    heldCreditRemovedFen: payment.unappliedFen,
    lateFeesCancelled,
    accountCreditsTakenBack: accountCreditsTakenBack.map((row) => ({
      billNo: billNoById.get(row.billId)!,
      pensionFen: row.pensionFen,
      medicalFen: row.medicalFen,
    })),
    rules: RULES,
  };
  return { voucher, eventKeys };
}

async function selectPayment(db: Kysely<Database>, paymentNo: string) {
  const row = await selectPaymentByNo(db, paymentNo);
  if (!row)
    throw new AppError(ErrorCode.NOT_FOUND, `paymentNo: no payment ${paymentNo}`, { field: 'paymentNo' });
  return {
    id: Number(row.id),
    paymentNo: row.payment_no,
    payerKey: row.payer_key,
    amountFen: Number(row.amount_fen),
    unappliedFen: Number(row.unapplied_fen),
    paidOn: row.paid_on,
  };
}

interface AllocationRow {
  allocationId: number;
  billId: number;
  billNo: string;
  period: string;
  kind: string;
  totalFen: number;
  paidFen: number;
  amountFen: number;
  funds: FundAmounts;
}

/** Every allocation of the payment with its bill (number, month, kind, what it comes to and what is paid). */
async function selectAllocations(db: Kysely<Database>, paymentId: number): Promise<AllocationRow[]> {
  const allocations = await selectPaymentAllocations(db, paymentId);
  const bills = await selectBillsById(
    db,
    allocations.map((row) => row.billId),
  );
  return allocations.map((row) => {
    const bill = bills.get(row.billId)!;
    return {
      ...row,
      billNo: bill.billNo,
      period: bill.period,
      kind: bill.kind,
      totalFen: bill.totalFen,
      paidFen: bill.paidFen,
    };
  });
}

/**
 * The journal event of each allocation: `allocate:<payment>:<bill>` when the payment was recorded, or an
 * `apply-credit` event when its held money paid the bill later (numbered after earlier reopenings of the
 * bill). Allocations of one bill match their events in the order both were written.
 */
async function allocationEventKeys(
  db: Kysely<Database>,
  paymentNo: string,
  allocations: AllocationRow[],
  reopened: Map<number, number>,
): Promise<string[]> {
  const keys: string[] = [];
  const byBill = new Map<number, AllocationRow[]>();
  for (const row of allocations) byBill.set(row.billId, [...(byBill.get(row.billId) ?? []), row]);
  for (const [billId, rows] of byBill) {
    const billNo = rows[0]!.billNo;
    const candidates = [`allocate:${paymentNo}:${billNo}`];
    for (let times = 0; times <= (reopened.get(billId) ?? 0); times += 1)
      candidates.push(applyCreditEventKey(paymentNo, billNo, times));
    const posted = await selectPostedEventKeys(db, candidates, 'collection');
    if (posted.length !== rows.length)
      throw new Error(
        `payment ${paymentNo} has ${rows.length} allocations to bill ${billNo} but ${posted.length} in the journal`,
      );
    keys.push(...posted);
  }
  return keys;
}
