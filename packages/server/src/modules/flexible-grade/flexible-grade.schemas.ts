import { INSURANCES, PARTIES } from '@shebao/domain';
import { z } from 'zod';

/** Request and reply shapes of a flexible worker's own contribution settings (GBF-2019-13). */

const fen = z.number().int();
const ppm = z.number().int();

export const gradeText = z
  .string()
  .regex(/^\d{1,7}$/, 'must be a whole number of ppm (600000 is 60%)')
  .transform(Number);

/** One insurance line of the monthly amount, with the explanation the assessment would give. */
export const quoteLine = z.object({
  insurance: z.enum(INSURANCES),
  party: z.enum(PARTIES),
  /** The chosen base after the floor and ceiling of the insurance. */
  baseFen: fen,
  ratePpm: ppm,
  amountFen: fen,
  personalAccountFen: fen,
  /** How the amount comes about, in the calculator's words (English). */
  formula: z.string(),
});

export const monthlyQuote = z.object({
  period: z.string(),
  gradePpm: ppm,
  baseFen: fen,
  lines: z.array(quoteLine),
  totalFen: fen,
  personalAccountFen: fen,
  /** Policy notes, e.g. an insurance not assessed for flexible workers in the region. */
  notes: z.array(z.string()),
  sources: z.array(z.string()),
});
export type MonthlyQuote = z.infer<typeof monthlyQuote>;

export const enrolmentView = z.object({
  regionCode: z.string(),
  gradePpm: ppm,
  baseFen: fen,
  paymentMethod: z.enum(['withholding', 'self']),
  startPeriod: z.string(),
  endPeriod: z.string().nullable(),
});

export const flexibleContributionReply = z.object({
  personId: z.number().int(),
  /** The enrolment billed for the current month, when there is one. */
  current: enrolmentView.nullable(),
  /** The enrolment that applies from `fromPeriod` (the same as `current` unless a change is pending). */
  next: enrolmentView,
  /** The first month a grade chosen now applies to. */
  fromPeriod: z.string(),
  allowed: z.object({ averageWageFen: fen, minFen: fen, maxFen: fen }),
  /** The grades offered, in ppm of the average wage (60% to 300%). */
  grades: z.array(ppm),
  /** What a month from `fromPeriod` costs: at the grade asked for, or at the grade in force. */
  quote: monthlyQuote,
});
export type FlexibleContribution = z.infer<typeof flexibleContributionReply>;

export const changeGradeBody = z.strictObject({
  gradePpm: z.number().int('must be a whole number of ppm').positive('must be more than 0'),
});

export const gradeChangeReply = z.object({
  changed: z.boolean(),
  fromPeriod: z.string(),
  enrolment: enrolmentView,
  quote: monthlyQuote,
});
export type GradeChange = z.infer<typeof gradeChangeReply>;
