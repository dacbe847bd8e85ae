import { ROUNDING_MODES, YEAR_COUNTINGS } from '@shebao/domain';
import { z } from 'zod';
import { periodText, regionCodeText } from '../../http/shared.schemas.ts';

const fen = z.number().int('must be whole fen').min(0, 'must not be negative').max(10_000_000);

/** A yearly adjustment as its notice sets it (docs/RULES.md 14.11), proposed by staff for a region. */
export const adjustmentPolicyInput = z.strictObject({
  year: z.number().int().min(1990).max(2200),
  effectiveMonth: periodText,
  publishedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date in the form YYYY-MM-DD'),
  /** Pensions started in or before this month are adjusted. */
  startedBy: periodText,
  percentPpm: z.number().int('must be whole parts per million').min(0).max(200_000),
  fixedFen: fen,
  perYearFen: fen,
  yearCounting: z.enum(YEAR_COUNTINGS),
  ageTilt: z.array(z.strictObject({ minAgeYears: z.number().int().min(40).max(120), extraFen: fen })).max(20),
  rounding: z.enum(ROUNDING_MODES),
  source: z.string().trim().min(1, 'name the notice').max(300),
  note: z.string().trim().max(1000).optional(),
});
export type AdjustmentPolicyInput = z.infer<typeof adjustmentPolicyInput>;

/** What a second person approves: the policy for a region. */
export const adjustmentPolicyPayload = adjustmentPolicyInput.extend({ regionCode: regionCodeText });
export type AdjustmentPolicyPayload = z.infer<typeof adjustmentPolicyPayload>;

export const adjustmentPolicyView = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  year: z.number().int(),
  version: z.number().int(),
  effectiveMonth: z.string(),
  publishedOn: z.string(),
  startedBy: z.string(),
  percentPpm: z.number().int(),
  fixedFen: z.number().int(),
  perYearFen: z.number().int(),
  yearCounting: z.enum(YEAR_COUNTINGS),
  ageTilt: z.array(z.object({ minAgeYears: z.number().int(), extraFen: z.number().int() })),
  rounding: z.enum(ROUNDING_MODES),
  source: z.string(),
  proposedBy: z.string(),
  approvedBy: z.string(),
  approvalId: z.number().int(),
  recordedAt: z.string(),
  /** Awards this version has adjusted so far. */
  adjustedAwards: z.number().int(),
});
export type AdjustmentPolicyView = z.infer<typeof adjustmentPolicyView>;

/** One award's change, for the payroll's arrears on months already paid. */
export const adjustmentChange = z.object({
  id: z.number().int(),
  awardNo: z.string(),
  awardVersion: z.number().int(),
  fromPeriod: z.string(),
  oldMonthlyFen: z.number().int(),
  increaseFen: z.number().int(),
  newMonthlyFen: z.number().int(),
  explanation: z.record(z.string(), z.unknown()),
  recordedAt: z.string(),
});
export type AdjustmentChange = z.infer<typeof adjustmentChange>;

export const adjustmentRunReply = z.object({
  policyId: z.number().int(),
  regionCode: z.string(),
  /** Awards given a new version by this run. */
  adjusted: z.number().int(),
  /** Awards this policy had adjusted before: left as they are. */
  alreadyAdjusted: z.number().int(),
  /** Pensions started after the policy's cut-off month. */
  notEligible: z.number().int(),
  /** Awards an officer must look at: a version starting after the effective month, or no contribution count. */
  heldForReview: z.array(z.object({ awardNo: z.string(), reason: z.string() })),
  /** Months already paid at the old amount when the notice came (docs/RULES.md 14.11). */
  lateMonths: z.number().int(),
  /** Months the payroll paid already at the old amount that now get the difference (docs/RULES.md 14.5). */
  arrearsMonths: z.number().int(),
});
export type AdjustmentRunReply = z.infer<typeof adjustmentRunReply>;
