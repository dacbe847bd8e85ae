import { z } from 'zod';

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
