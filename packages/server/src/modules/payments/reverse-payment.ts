import { chinaDateOf, type BusinessDate, type FundAmounts } from '@shebao/domain';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { insertPostings } from '../ledger/index.ts';
import { applyHeldCredits } from './apply-held-credits.ts';
import { insertLateFeeCredit, offsetCancelledFee, selectLateFeeBill } from './cancel-late-fee.ts';
import { mirrorPostings } from './mirror-postings.ts';
import { takeBackAccountCredits } from './take-back-account-credits.ts';
import {
  accountCreditEventKey,
  applyCreditEventKey,
  countAccountCreditReversals,
  countBillReopenings,
  refreshPaidAmounts,
} from './payments.repository.ts';

/** What a collection officer proposes: which payment, and why it was recorded in error. */
export const paymentReversalInput = z.strictObject({
  paymentNo: z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'is not a payment number'),
  reason: z
    .string()
    .trim()
    .min(5, 'say why the payment was recorded in error (wrong payer, returned by the bank, duplicate…)')
    .max(500, 'is longer than 500 characters'),
});
export type PaymentReversalInput = z.infer<typeof paymentReversalInput>;

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
 * Refuses a reversal that cannot be applied, before anyone is asked to approve it: a payment reversed
 * already, or one whose reversal already waits for approval.
 */
export async function checkPaymentReversal(db: Kysely<Database>, input: unknown): Promise<void> {
  const request = await readPaymentReversal(db, input);
  await refuseReversed(db, request.paymentId, request.input.paymentNo);
  const pending = await db
    .selectFrom('approvals')
    .select('id')
    .where('status', '=', 'pending')
    .where('kind', '=', 'payments.reverse')
    .where('payload_json', 'like', `%"paymentNo":"${request.input.paymentNo}"%`)
    .executeTakeFirst();
  if (pending)
    throw new AppError(
      ErrorCode.CONFLICT,
      `paymentNo: the reversal of payment ${request.input.paymentNo} waits for approval already (approval ${pending.id})`,
      { field: 'paymentNo' },
    );
}

async function refuseReversed(db: Kysely<Database>, paymentId: number, paymentNo: string): Promise<void> {
  const known = await db
    .selectFrom('payment_reversals')
    .select('reversal_no')
    .where('payment_id', '=', paymentId)
    .executeTakeFirst();
  if (!known) return;
  const reason = `paymentNo: payment ${paymentNo} was reversed already (${known.reversal_no})`;
  throw new AppError(ErrorCode.CONFLICT, reason, { field: 'paymentNo' });
}

/**
 * Reverses a payment recorded in error, inside the approval's transaction: every allocation of the payment
 * is taken back (its bills owe again exactly what it paid them, its money held as credit is removed, and
 * bills its held credit paid later reopen too: the simple rule is "all of that payment's money, wherever it
 * went"); the late fee it incurred is cancelled by a credit bill; personal-account credits of bills no
 * longer paid in full are taken back; the journal gets the mirror of every posting. A payment is reversed
 * once (a unique index). The payer's other held credit then pays the reopened bills, as after any change.
 */
export async function reversePayment(
  trx: Kysely<Database>,
  request: PaymentReversalInput,
  who: { proposedBy: string; approvedBy: string; approvalId?: number },
  recordedAt: string,
): Promise<ReversalVoucher> {
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
  const { id: reversalId } = await trx
    .insertInto('payment_reversals')
    .values({
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
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (allocations.length > 0) {
    await trx
      .insertInto('allocation_reversals')
      .values(
        allocations.map((row) => ({
          reversal_id: reversalId,
          allocation_id: row.allocationId,
          payment_id: payment.id,
          bill_id: row.billId,
          amount_fen: row.amountFen,
          pension_fen: row.funds.pension,
          medical_fen: row.funds.medical,
          unemployment_fen: row.funds.unemployment,
          work_injury_fen: row.funds.work_injury,
          recorded_at: recordedAt,
        })),
      )
      .execute();
  }
  // The payer's held credit from this payment is gone with it.
  await trx.updateTable('payments').set({ unapplied_fen: 0 }).where('id', '=', payment.id).execute();
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

  await insertPostings(
    trx,
    await mirrorPostings(trx, eventKeys, { reversalNo, businessDate: reversedOn }),
    recordedAt,
  );
  await applyHeldCredits(trx, { payerKeys: [payerKey] }, reversedOn, recordedAt);

  return {
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
}

async function selectPayment(db: Kysely<Database>, paymentNo: string) {
  const row = await db
    .selectFrom('payments')
    .select(['id', 'payment_no', 'payer_key', 'amount_fen', 'unapplied_fen', 'paid_on'])
    .where('payment_no', '=', paymentNo)
    .executeTakeFirst();
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

async function selectAllocations(db: Kysely<Database>, paymentId: number): Promise<AllocationRow[]> {
  const rows = await db
    .selectFrom('payment_allocations as a')
    .innerJoin('bills as b', 'b.id', 'a.bill_id')
    .select([
      'a.id',
      'a.bill_id',
      'b.bill_no',
      'b.period',
      'b.kind',
      'b.total_fen',
      'b.paid_fen',
      'a.amount_fen',
      'a.pension_fen',
      'a.medical_fen',
      'a.unemployment_fen',
      'a.work_injury_fen',
    ])
    .where('a.payment_id', '=', paymentId)
    .orderBy('a.id')
    .execute();
  return rows.map((row) => ({
    allocationId: Number(row.id),
    billId: Number(row.bill_id),
    billNo: row.bill_no,
    period: row.period,
    kind: row.kind,
    totalFen: Number(row.total_fen),
    paidFen: Number(row.paid_fen),
    amountFen: Number(row.amount_fen),
    funds: {
      pension: Number(row.pension_fen),
      medical: Number(row.medical_fen),
      unemployment: Number(row.unemployment_fen),
      work_injury: Number(row.work_injury_fen),
    },
  }));
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
    const posted = await db
      .selectFrom('journal_transactions')
      .select('event_key')
      .where('event_key', 'in', candidates)
      .where('fund', '=', 'collection')
      .orderBy('id')
      .execute();
    if (posted.length !== rows.length)
      throw new Error(
        `payment ${paymentNo} has ${rows.length} allocations to bill ${billNo} but ${posted.length} in the journal`,
      );
    keys.push(...posted.map((row) => row.event_key));
  }
  return keys;
}
