import {
  INSURANCES,
  isPeriod,
  MONTH_STATUSES,
  type AccountYear,
  type ContributionMonths,
  type MonthStatus,
  type RightsMonth,
  type RightsRecord,
} from '@shebao/domain';
import { z } from 'zod';
import { periodText } from '../../http/shared.schemas.ts';

/** Request and reply shapes of a person's rights record (SIL Arts. 4 and 74). */

const period = z.string().trim().refine(isPeriod, 'must be a month in the form YYYY-MM');

export const rightsRecordInput = z
  .object({
    personId: z.number().int('must be a whole number').positive('must be a positive id'),
    /** A calendar year; or give from/to; or neither for the whole record. */
    year: z.number().int('must be a whole number').min(1990).max(2200).optional(),
    from: period.optional(),
    to: period.optional(),
  })
  .refine((input) => input.year === undefined || (input.from === undefined && input.to === undefined), {
    message: 'give either a year or a from/to range, not both',
    path: ['year'],
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, {
    message: 'must not be after to',
    path: ['from'],
  });
export type RightsRecordInput = z.input<typeof rightsRecordInput>;

const fen = z.number().int();

/** One insurance in one month with one payer: the base used and who paid what. */
export const insuranceMonth = z.object({ baseFen: fen, employerFen: fen, employeeFen: fen });

export { MONTH_STATUSES, type MonthStatus };

/**
 * One month with one payer (an employer, or the person as a flexible worker). Regular, settlement and
 * adjustment bills of that month are netted here; `adjustmentFen` shows how much of it came from adjustments.
 */
export const rightsMonth = z.object({
  period: z.string(),
  /** 'E<employer id>' or 'P<person id>'. */
  payerKey: z.string(),
  employerId: z.number().int().nullable(),
  /** The employer's name, or null when the person paid as a flexible worker. */
  employerName: z.string().nullable(),
  insurances: z.record(z.enum(INSURANCES), insuranceMonth),
  employerFen: fen,
  employeeFen: fen,
  totalFen: fen,
  /** What went to the person's own accounts out of the amounts above. */
  personalAccounts: z.object({ pensionFen: fen, medicalFen: fen }),
  /** The net of adjustment bills included in totalFen (0 when the month was never adjusted). */
  adjustmentFen: fen,
  /** From the bills carrying the month: paid in full, partly, or not at all. */
  status: z.enum(MONTH_STATUSES),
  /**
   * While not paid in full: the earliest due date of its unpaid bills (before it the month is owed but not
   * yet due; after it, overdue: docs/RULES.md 6.3). null when paid.
   */
  dueDate: z.string().nullable(),
  /** Another payer also contributed for this month. */
  overlap: z.boolean(),
});
// The domain's record types (packages/domain/src/record) are what these schemas describe over HTTP.
rightsMonth satisfies z.ZodType<RightsMonth>;
export type { RightsMonth };

/** Months per insurance, each month counted once even when two payers contributed for it. */
export const contributionMonths = z.object({
  insurance: z.enum(INSURANCES),
  /** Months in the range with a positive amount for this insurance. */
  inRange: z.number().int(),
  /** Every month from the first up to the end of the range with a positive amount. */
  cumulative: z.number().int(),
  /** Of those, the months whose bills are paid in full. */
  cumulativePaid: z.number().int(),
});
contributionMonths satisfies z.ZodType<ContributionMonths>;
export type { ContributionMonths };

export const accountYear = z.object({
  year: z.number().int(),
  openingFen: fen,
  /** Contributions credited in the year (reversals netted). */
  contributionsFen: fen,
  interestFen: fen,
  /** Spent on medical claims in the year, refunds netted (the medical account; 0 for the pension account). */
  spentFen: fen,
  closingFen: fen,
});
accountYear satisfies z.ZodType<AccountYear>;
export type { AccountYear };

export const rightsRecordReply = z.object({
  person: z.object({
    personId: z.number().int(),
    name: z.string(),
    idNumberMasked: z.string(),
    regionCode: z.string(),
  }),
  from: z.string(),
  to: z.string(),
  /** Today in China time, the day owed, due and overdue are judged on (docs/RULES.md 6.3). */
  asOf: z.string(),
  /** The first and last month the person ever contributed for, or null when never. */
  firstPeriod: z.string().nullable(),
  lastPeriod: z.string().nullable(),
  months: z.array(rightsMonth),
  contributionMonths: z.array(contributionMonths),
  accounts: z.object({ pension: z.array(accountYear), medical: z.array(accountYear) }),
  /**
   * Months in the range with no contribution at all, from the first month ever contributed for up to the
   * last one or, when later, the month before today: an interruption still running is listed (docs/RULES.md 13.2).
   */
  gaps: z.array(z.string()),
  /** Months in the range with more than one payer. */
  overlaps: z.array(z.object({ period: z.string(), payerKeys: z.array(z.string()) })),
  totals: z.object({
    employerFen: fen,
    employeeFen: fen,
    totalFen: fen,
    /** Months in the range not paid in full (assessed and unpaid), whether due yet or not. */
    owedMonths: z.number().int(),
    /** Of those, the months whose due date has come (today or earlier). */
    dueMonths: z.number().int(),
    /** Of those, the months whose due date has passed: arrears, with a late fee running (SIL Art. 86). */
    overdueMonths: z.number().int(),
  }),
});
rightsRecordReply satisfies z.ZodType<RightsRecord>;
export type { RightsRecord };

/** The query of GET /api/persons/:personId/rights-record. */
export const rightsRecordQuery = z
  .strictObject({
    year: z
      .string()
      .regex(/^\d{4}$/, 'must be a year YYYY')
      .transform(Number)
      .pipe(z.number().min(1990, 'must be 1990 or later').max(2200, 'must be 2200 or earlier'))
      .optional(),
    from: periodText.optional(),
    to: periodText.optional(),
    /** csv: the months as a spreadsheet; `Accept: text/csv` does the same. */
    format: z.enum(['json', 'csv']).optional(),
  })
  .refine((query) => query.year === undefined || (query.from === undefined && query.to === undefined), {
    message: 'give either a year or a from/to range, not both',
    path: ['year'],
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: 'must not be after to',
    path: ['from'],
  });
