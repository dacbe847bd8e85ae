import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { selectBillsById } from '../collection/index.ts';
import { selectPaymentAllocations } from './allocations.repository.ts';
import { selectLateFeeLinesOfPayment } from './late-fees.repository.ts';
import { selectPaymentByNo } from './payments.repository.ts';
import type { Receipt } from './record-payments.ts';
import { selectReversalOfPayment } from './reversals.repository.ts';

/**
 * The receipt of a recorded payment, rebuilt from its allocations and late fees; a reversed payment's
 * receipt says so (its allocations are what it paid before it was taken back).
 */
export async function getReceipt(db: Kysely<Database>, paymentNo: string): Promise<Receipt> {
  const payment = await selectPaymentByNo(db, paymentNo);
  if (!payment)
    throw new AppError(ErrorCode.NOT_FOUND, `paymentNo: no payment ${paymentNo}`, { field: 'paymentNo' });
  const allocations = await selectPaymentAllocations(db, payment.id);
  const lateFees = await selectLateFeeLinesOfPayment(db, payment.id);
  const bills = await selectBillsById(db, [
    ...allocations.map((row) => row.billId),
    ...lateFees.flatMap((row) => [Number(row.bill_id), Number(row.source_bill_id)]),
  ]);
  const reversal = await selectReversalOfPayment(db, payment.id);
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
    allocations: allocations.map((row) => {
      const bill = bills.get(row.billId)!;
      return { billNo: bill.billNo, period: bill.period, kind: bill.kind, amountFen: row.amountFen };
    }),
    lateFees: lateFees.map((row) => ({
      billNo: bills.get(Number(row.bill_id))!.billNo,
      sourceBillNo: bills.get(Number(row.source_bill_id))!.billNo,
      principalFen: Number(row.principal_fen),
      days: row.days,
      feeFen: Number(row.fee_fen),
    })),
    creditFen: Number(payment.unapplied_fen),
  };
}
