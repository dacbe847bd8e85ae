import { z } from 'zod';
import { periodText } from '../../http/shared.schemas.ts';
import { businessDate } from '../../shared/business-date.ts';
import { decisionReason } from './decision-reason.schema.ts';

/*
 * Granting a request to correct the record (docs/RULES.md 14.19): the changes to the register a benefits
 * officer proposes, each one of registration's own operations, and what granting caused.
 */

const id = z.number().int('must be a whole number').positive('must be a positive id');
const fen = z.number().int('must be a whole number of fen').positive('must be more than 0');

/** A wrong base: the employer's contribution year (its first month) and the base it should have had. */
export const baseChange = z.strictObject({
  kind: z.literal('base'),
  employerId: id,
  cycleStart: periodText,
  declaredFen: fen,
});

/** A missing month or a wrong employer: a spell of employment to add, ended when `leftOn` is given. */
export const spellAdded = z.strictObject({
  kind: z.literal('hire'),
  employerId: id,
  hiredOn: businessDate,
  /** The last day employed, when the spell is over. */
  leftOn: businessDate.optional(),
  /** The month's wage, the spell's base for its first contribution year. */
  monthlyWageFen: fen.optional(),
});

/** A wrong employer: a spell of the person's to end on its last real day. */
export const spellEnded = z.strictObject({
  kind: z.literal('leave'),
  employmentId: id,
  leftOn: businessDate,
});

export const recordChange = z.discriminatedUnion('kind', [baseChange, spellAdded, spellEnded]);
export type RecordChange = z.infer<typeof recordChange>;

export const recordCorrectionInput = z.strictObject({
  changes: z.array(recordChange).min(1, 'name at least one change').max(20),
  reasons: z.array(decisionReason).min(1, 'give at least one reason').max(20),
});
export type RecordCorrectionInput = z.input<typeof recordCorrectionInput>;

/** The months of one employer a granted correction reassesses. */
export const monthsToReassess = z.strictObject({
  regionCode: z.string(),
  employerId: id,
  fromPeriod: periodText,
  toPeriod: periodText,
});
export type MonthsToReassess = z.infer<typeof monthsToReassess>;

/** What the second person approves: the changes as checked, for the person and months they touch. */
export const recordCorrectionPayload = z.strictObject({
  applicationId: id,
  personId: id,
  changes: z.array(recordChange).min(1),
  reasons: z.array(decisionReason).min(1),
  months: z.array(monthsToReassess),
});
export type RecordCorrectionPayload = z.infer<typeof recordCorrectionPayload>;

export const correctionAdjustment = z.object({
  billNo: z.string(),
  period: periodText,
  employerId: z.number().int(),
  /** The person's line on the bill: both parties' contributions for the month's difference (negative: a credit). */
  personFen: z.number().int(),
  billTotalFen: z.number().int(),
});
export type CorrectionAdjustment = z.infer<typeof correctionAdjustment>;

/** The latest correction proposed for an application, as the person and staff see it. */
export const recordCorrectionView = z.object({
  approvalId: z.number().int(),
  status: z.enum(['proposed', 'granted', 'rejected']),
  changes: z.array(recordChange),
  reasons: z.array(decisionReason),
  months: z.array(monthsToReassess),
  proposedBy: z.string(),
  proposedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** When the months were reassessed after the grant; null while that is still to run. */
  reassessedAt: z.string().nullable(),
  adjustments: z.array(correctionAdjustment),
});
export type RecordCorrectionView = z.infer<typeof recordCorrectionView>;
