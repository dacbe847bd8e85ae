import { z } from 'zod';
import { businessDate } from '../../shared/business-date.ts';

/** Request and reply shapes of late-fee deferrals (SIL Art. 60); they also document the HTTP API. */

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const approveDeferralInput = z.object({
  /** An employer's unified social credit code or a flexible worker's identity number. */
  payerCode: text(40),
  fromDate: businessDate,
  toDate: businessDate,
  /** The force majeure, e.g. the disaster and the document that declares it. */
  reason: text(500),
  approvedBy: text(100),
});
export type ApproveDeferralInput = z.input<typeof approveDeferralInput>;

/** The request as staff send it: the approver is the staff member logged in. */
export const deferralBody = approveDeferralInput.omit({ approvedBy: true }).strict();

export const deferral = z.object({
  id: z.number().int(),
  payerKey: z.string(),
  fromDate: z.string(),
  toDate: z.string(),
  reason: z.string(),
  approvedBy: z.string(),
  recordedAt: z.string(),
  /** True when this very deferral had been approved before: nothing was recorded this time. */
  replayed: z.boolean(),
});
export type Deferral = z.infer<typeof deferral>;
