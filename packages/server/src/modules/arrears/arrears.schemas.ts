import { z } from 'zod';
import { payerDescription } from '../payers/index.ts';

/** Shapes of the agency's region-wide arrears list (SIL Art. 63, 86); they also document the HTTP API. */

const fen = z.number().int();

export const payerInArrears = z.object({
  payer: payerDescription,
  regionCode: z.string(),
  /** Everything not yet paid: contributions and late fees already charged, due or not. */
  owedFen: fen,
  /** What was due before asOf and is still unpaid. */
  overdueFen: fen,
  contributionsOwedFen: fen,
  lateFeesOwedFen: fen,
  billsOverdue: z.number().int(),
  oldestDueDate: z.string(),
  /** Days the oldest unpaid bill is overdue on asOf. */
  daysOverdue: z.number().int(),
  /** The late fee running on the overdue contributions to asOf, charged when they are paid (SIL Art. 86). */
  accruingLateFeeFen: fen,
  dailyRatePpm: z.number().int().nullable(),
});
export type PayerInArrears = z.infer<typeof payerInArrears>;

export const regionArrearsReply = z.object({
  regionCode: z.string(),
  asOf: z.string(),
  /** Over the whole region, not only this page. */
  totalOverdueFen: fen,
  payersInArrears: z.number().int(),
  items: z.array(payerInArrears),
  nextCursor: z.string().nullable(),
});
export type RegionArrears = z.infer<typeof regionArrearsReply>;
