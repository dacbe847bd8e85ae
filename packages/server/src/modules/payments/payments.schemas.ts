import { z } from 'zod';
import { pageQuery } from '../../http/pagination.ts';
import { idText } from '../../http/shared.schemas.ts';
import { paymentDate } from '../../shared/business-date.ts';
import { payerDescription } from '../payers/index.ts';

const fen = z.number().int();

/** A payment's receipt as the API shows it (also in the bank-statement import's reply). */
export const receipt = z.object({
  paymentNo: z.string(),
  payerKey: z.string(),
  amountFen: fen,
  paidOn: z.string(),
  bankReference: z.string().nullable(),
  allocations: z.array(
    z.object({ billNo: z.string(), period: z.string(), kind: z.string(), amountFen: fen }),
  ),
  lateFees: z.array(
    z.object({
      billNo: z.string(),
      sourceBillNo: z.string(),
      principalFen: fen,
      days: z.number().int(),
      feeFen: fen,
    }),
  ),
  creditFen: fen,
  reversal: z
    .object({ reversalNo: z.string(), reversedOn: z.string(), reason: z.string() })
    .optional()
    .describe('only when the payment was reversed: it was recorded in error and pays nothing any more'),
});

/** A payer's payment in a list. */
export const paymentSummary = z.object({
  id: z.number().int(),
  paymentNo: z.string(),
  payerKey: z.string().nullable(),
  amountFen: fen,
  unappliedFen: fen,
  paidOn: z.string(),
  bankReference: z.string().nullable(),
  channel: z.string(),
  recordedAt: z.string(),
  reversalNo: z.string().nullable(),
});

/** A payment staff record (a bank transfer, money at the counter). */
export const recordBody = z.strictObject({
  /** An employer's credit code or a flexible worker's identity number. */
  payerCode: z
    .string()
    .trim()
    .min(15, 'must be a credit code or an identity number')
    .max(18, 'must be a credit code or an identity number'),
  amountFen: z
    .number()
    .int('must be a whole number of fen')
    .positive('must be more than 0')
    .max(1e13, 'is implausibly large'),
  /** The day the money arrived: not in the future, not before 1991 (docs/RULES.md 10.3). */
  paidOn: paymentDate,
  bankReference: z.string().trim().min(1).max(64).optional(),
});

export const paymentsQuery = z
  .strictObject({ employerId: idText.optional(), personId: idText.optional(), ...pageQuery })
  .refine((query) => (query.employerId === undefined) !== (query.personId === undefined), {
    message: 'give employerId or personId',
    path: ['employerId'],
  });

export const paymentNoParams = z.strictObject({
  paymentNo: z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'is not a payment number'),
});

/** What paying today clears: the open bills and the late fees to today. */
export const paymentQuote = z.object({
  payerKey: z.string(),
  asOf: z.string().describe('the day of payment quoted for: today in China time'),
  amountFen: fen.describe('paying exactly this today pays every open bill and the late fees it incurs'),
  billsFen: fen.describe('of it, the open bills (contributions and late fees already billed)'),
  lateFeesFen: fen.describe('of it, the late fees paying today charges (SIL Art. 86: to the day of payment)'),
  allocations: receipt.shape.allocations,
  lateFees: z
    .array(z.object({ sourceBillNo: z.string(), principalFen: fen, days: z.number().int(), feeFen: fen }))
    .describe('the late fee paying today charges on each overdue bill, billed as the payment is recorded'),
});

/** The body of an online payment: an amount in fen, at most `maxFen` at once. */
export function onlinePaymentBody(maxFen: number, maxText: string) {
  return z.strictObject({
    amountFen: z
      .number()
      .int('must be a whole number of fen')
      .positive('must be more than 0')
      .max(maxFen, `is more than ${maxText}, which cannot be paid online at once`),
  });
}

/** A payment in the agency's region-wide list, with who paid. */
export const regionPayment = z.object({
  id: z.number().int(),
  paymentNo: z.string(),
  payer: payerDescription,
  amountFen: z.number().int(),
  unappliedFen: z.number().int(),
  paidOn: z.string(),
  bankReference: z.string().nullable(),
  channel: z.string(),
  recordedAt: z.string(),
});

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
