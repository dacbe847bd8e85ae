import { formatFenAsYuan } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Clock } from '../app/clock.ts';
import type { Database } from '../db/index.ts';
import { AppError, ErrorCode } from '../errors/index.ts';
import {
  selectPendingProposal,
  type Approval,
  type ApprovalService,
  type ChangeApplier,
} from '../modules/approvals/index.ts';
import type { Principal } from '../modules/auth/index.ts';
import { insertPostings } from '../modules/ledger/index.ts';
import {
  applyHeldCredits,
  checkPaymentReversal,
  mirrorPostings,
  readPaymentReversal,
  takeBackPayment,
  type PaymentReversalInput,
  type ReversalVoucher,
} from '../modules/payments/index.ts';
import { selectPayerRegion } from '../modules/registration/index.ts';

/*
 * Reversing a payment recorded in error (wrong payer, returned by the bank, recorded twice;
 * docs/ARCHITECTURE.md, "Workflows"). It reopens bills and takes back personal-account credits, so it is
 * proposed by one collection officer or administrator and applied when a second one approves it:
 * propose → approve (approvals) → apply, in the approval's transaction.
 */

const KIND = 'payments.reverse';

/** The region a payer is registered in: proposals and their decisions belong to its staff. */
export async function regionOfPayer(db: Kysely<Database>, payerKey: string): Promise<string> {
  return (await selectPayerRegion(db, payerKey)) ?? '000000';
}

/**
 * Proposes the reversal, once per idempotency key (the API and the command line both come here):
 * 1. read: payments checks the request and finds the payment and its payer;
 * 2. region: registration names the payer's region, whose staff decide the proposal;
 * 3. propose: approvals stores it (checked first by the applier below).
 */
export async function proposePaymentReversal(
  deps: { db: Kysely<Database>; approvals: ApprovalService },
  request: { paymentNo: string; reason: string },
  proposer: Principal,
  idempotencyKey: string | undefined,
): Promise<{ approval: Approval; replayed: boolean }> {
  const { payerKey, amountFen, input } = await readPaymentReversal(deps.db, request);
  return deps.approvals.proposeOnce(
    KIND,
    input,
    {
      regionCode: await regionOfPayer(deps.db, payerKey),
      summary: `reverse payment ${input.paymentNo} of ${formatFenAsYuan(amountFen)} yuan from ${payerKey}: ${input.reason}`,
    },
    proposer,
    idempotencyKey,
  );
}

/**
 * Applies an approved reversal inside the caller's (the approval's) transaction:
 * 1. take back: payments reverses every allocation of the payment, its held credit, its late fee and the
 *    personal-account credits of bills no longer paid in full;
 * 2. mirror: the ledger gets the mirror image of every posting of the payment, read back from the journal;
 * 3. apply held credits: payments lets the payer's other credit pay the reopened bills, as after any change.
 */
export async function applyPaymentReversal(
  trx: Kysely<Database>,
  request: PaymentReversalInput,
  who: { proposedBy: string; approvedBy: string; approvalId?: number },
  recordedAt: string,
): Promise<ReversalVoucher> {
  const { voucher, eventKeys } = await takeBackPayment(trx, request, who, recordedAt);
  await insertPostings(
    trx,
    await mirrorPostings(trx, eventKeys, {
      reversalNo: voucher.reversalNo,
      businessDate: voucher.reversedOn,
    }),
    recordedAt,
  );
  await applyHeldCredits(trx, { payerKeys: [voucher.payerKey] }, voucher.reversedOn, recordedAt);
  return voucher;
}

/**
 * The approval applier of `payments.reverse` (registered in app/open-app.ts): a second collection officer
 * or administrator decides. Checked when proposed: the payment known and not reversed (payments), and no
 * reversal of it waiting for approval already (approvals).
 */
export function paymentReversalApplier(clock: Clock): ChangeApplier<PaymentReversalInput> {
  return {
    roles: ['admin', 'collection_officer'],
    async check(payload, db) {
      const { input } = await checkPaymentReversal(db, payload);
      const pending = await selectPendingProposal(db, KIND, 'paymentNo', input.paymentNo);
      if (pending)
        throw new AppError(
          ErrorCode.CONFLICT,
          `paymentNo: the reversal of payment ${input.paymentNo} waits for approval already (approval ${pending.id})`,
          { field: 'paymentNo' },
        );
    },
    apply: (trx, payload, who) => applyPaymentReversal(trx, payload, who, clock.now().toISOString()),
  };
}
