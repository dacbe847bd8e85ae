import { VERIFICATION_METHODS } from '@shebao/domain';
import { z } from 'zod';
import { businessDate } from '../../shared/business-date.ts';

/** The methods staff record; face recognition is the person's own, through their session (14.9). */
export const STAFF_VERIFICATION_METHODS = ['counter', 'visit', 'data-match', 'consulate'] as const;

/** A verification staff record: at the counter, on a visit, through a consulate, or by a data match. */
export const staffVerificationInput = z.strictObject({
  method: z.enum(STAFF_VERIFICATION_METHODS),
  onDate: businessDate,
  note: z.string().trim().max(500).optional(),
});
export type StaffVerificationInput = z.infer<typeof staffVerificationInput>;

/** The person's own verification: they attest that they are alive; the session proves who they are. */
export const selfVerificationInput = z.strictObject({
  attest: z.literal(true, 'confirm that you are the pensioner and alive'),
});

export const verificationView = z.object({
  id: z.number().int(),
  awardNo: z.string(),
  onDate: z.string(),
  method: z.enum(VERIFICATION_METHODS),
  channel: z.enum(['person', 'staff', 'data-match']),
  recordedBy: z.string(),
  note: z.string().nullable(),
  recordedAt: z.string(),
});
export type VerificationView = z.infer<typeof verificationView>;

/** Where a pensioner stands (14.6, 14.9): `due` when the cycle ends within 60 days without a verification. */
export const VERIFICATION_STATUSES = ['verified', 'not-due', 'due', 'overdue'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

export const standingView = z.object({
  awardNo: z.string(),
  firstPaymentMonth: z.string(),
  cycleStart: z.string(),
  cycleEnd: z.string(),
  /** The last day a verification counts for this cycle. */
  dueBy: z.string(),
  status: z.enum(VERIFICATION_STATUSES),
  verifiedThisCycle: z.boolean(),
  overdue: z.boolean(),
  suspendedFrom: z.string().nullable(),
  lastVerifiedOn: z.string().nullable(),
  /** The last month that may be paid on the verifications so far. */
  verifiedThrough: z.string(),
});
export type StandingView = z.infer<typeof standingView>;

export const standingReply = z.object({
  personId: z.number().int(),
  asOf: z.string(),
  /** Null when the person has no pension award. */
  standing: standingView.nullable(),
  /** A death of the person reported and confirmed: nothing is due any more. */
  deceased: z.boolean(),
  verifications: z.array(verificationView),
});
export type StandingReply = z.infer<typeof standingReply>;

export const dueItem = z.object({
  personId: z.number().int(),
  name: z.string(),
  idNumberMasked: z.string(),
  awardNo: z.string(),
  firstPaymentMonth: z.string(),
  cycleStart: z.string(),
  cycleEnd: z.string(),
  dueBy: z.string(),
  status: z.enum(['due', 'overdue']),
  suspendedFrom: z.string().nullable(),
  lastVerifiedOn: z.string().nullable(),
});
export type DueItem = z.infer<typeof dueItem>;
