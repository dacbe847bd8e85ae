import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import type { Receipt } from './record-payments.ts';

/** Reads of recorded payments for inquiry: a payer's payments in pages, one payment's receipt. */

export interface PaymentSummary {
  id: number;
  paymentNo: string;
  payerKey: string | null;
  amountFen: number;
  unappliedFen: number;
  paidOn: string;
  bankReference: string | null;
  channel: string;
  recordedAt: string;
  /** Set when the payment was reversed (recorded in error): it pays nothing any more. */
  reversalNo: string | null;
}

export async function listPayments(
  db: Kysely<Database>,
  filter: { payerKey: string; afterId?: number; limit: number },
): Promise<PaymentSummary[]> {
  let query = db
    .selectFrom('payments')
    .leftJoin('payment_reversals as r', 'r.payment_id', 'payments.id')
    .selectAll('payments')
    .select('r.reversal_no')
    .where('payments.payer_key', '=', filter.payerKey);
  if (filter.afterId !== undefined) query = query.where('payments.id', '>', filter.afterId);
  const rows = await query.orderBy('payments.id').limit(filter.limit).execute();
  return rows.map((row) => ({
    id: Number(row.id),
    paymentNo: row.payment_no,
    payerKey: row.payer_key,
    amountFen: Number(row.amount_fen),
    unappliedFen: Number(row.unapplied_fen),
    paidOn: row.paid_on,
    bankReference: row.bank_reference,
    channel: row.channel,
    recordedAt: row.recorded_at,
    reversalNo: row.reversal_no,
  }));
}

export async function findPaymentPayer(
  db: Kysely<Database>,
  paymentNo: string,
): Promise<string | null | undefined> {
  const row = await db
    .selectFrom('payments')
    .select('payer_key')
    .where('payment_no', '=', paymentNo)
    .executeTakeFirst();
  return row?.payer_key;
}

/**
 * The receipt of a recorded payment, rebuilt from its allocations and late fees; a reversed payment's
 * receipt says so (its allocations are what it paid before it was taken back).
 */
export async function getReceipt(db: Kysely<Database>, paymentNo: string): Promise<Receipt> {
  const payment = await db
    .selectFrom('payments')
    .selectAll()
    .where('payment_no', '=', paymentNo)
    .executeTakeFirst();
  if (!payment)
    throw new AppError(ErrorCode.NOT_FOUND, `paymentNo: no payment ${paymentNo}`, { field: 'paymentNo' });
  const allocations = await db
    .selectFrom('payment_allocations')
    .innerJoin('bills', 'bills.id', 'payment_allocations.bill_id')
    .select(['bills.bill_no', 'bills.period', 'bills.kind', 'payment_allocations.amount_fen'])
    .where('payment_allocations.payment_id', '=', payment.id)
    .orderBy('payment_allocations.id')
    .execute();
  const lateFees = await db
    .selectFrom('late_fee_lines')
    .innerJoin('bills as fee', 'fee.id', 'late_fee_lines.bill_id')
    .innerJoin('bills as source', 'source.id', 'late_fee_lines.source_bill_id')
    .select([
      'fee.bill_no as billNo',
      'source.bill_no as sourceBillNo',
      'late_fee_lines.principal_fen',
      'late_fee_lines.days',
      'late_fee_lines.fee_fen',
    ])
    .where('late_fee_lines.payment_id', '=', payment.id)
    .orderBy('late_fee_lines.id')
    .execute();
  const reversal = await db
    .selectFrom('payment_reversals')
    .select(['reversal_no', 'reversed_on', 'reason'])
    .where('payment_id', '=', payment.id)
    .executeTakeFirst();
  return {
    ...(reversal
      ? {
          reversal: {
            reversalNo: reversal.reversal_no,
            reversedOn: reversal.reversed_on,
            reason: reversal.reason,
          },
        }
      : {}),
    paymentNo: payment.payment_no,
    payerKey: payment.payer_key ?? '',
    amountFen: Number(payment.amount_fen),
    paidOn: payment.paid_on,
    bankReference: payment.bank_reference,
    allocations: allocations.map((row) => ({
      billNo: row.bill_no,
      period: row.period,
      kind: row.kind,
      amountFen: Number(row.amount_fen),
    })),
    lateFees: lateFees.map((row) => ({
      billNo: row.billNo,
      sourceBillNo: row.sourceBillNo,
      principalFen: Number(row.principal_fen),
      days: row.days,
      feeFen: Number(row.fee_fen),
    })),
    creditFen: Number(payment.unapplied_fen),
  };
}
