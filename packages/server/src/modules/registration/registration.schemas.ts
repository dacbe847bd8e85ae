import { isPeriod } from '@shebao/domain';
import { z } from 'zod';
import { businessDate } from '../../shared/business-date.ts';

/**
 * Request shapes of the registration use cases. They check form (types, ranges, choices, formats);
 * the service checks meaning (identifier check characters, known regions, dates against today,
 * the state of the register).
 */

const text = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const optionalText = text.optional();
const period = z.string().trim().refine(isPeriod, 'must be a month in the form YYYY-MM');
const id = z.number().int('must be a whole number').positive('must be a positive id');
const amountFen = z.number().int('must be a whole number of fen').positive('must be more than 0');

/** An employer named by its id or its unified social credit code. */
export const employerRef = z.object({
  employerId: id.optional(),
  creditCode: text.optional(),
});

/** A person named by their id or their identity number. */
export const personRef = z.object({
  personId: id.optional(),
  idNumber: text.optional(),
});

type Issue = { path: string[]; message: string };

function requireOneOf(first: string, second: string) {
  return (value: Record<string, unknown>): Issue[] => {
    const given = [first, second].filter((key) => value[key] !== undefined);
    if (given.length === 1) return [];
    const message =
      given.length === 0 ? `give ${first} or ${second}` : `give ${first} or ${second}, not both`;
    return [{ path: [first], message }];
  };
}

const oneEmployer = requireOneOf('employerId', 'creditCode');
const onePerson = requireOneOf('personId', 'idNumber');

function addIssues(issues: Issue[], ctx: z.RefinementCtx): void {
  for (const issue of issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
}

export const INDUSTRY_CLASSES = [1, 2, 3, 4, 5, 6, 7, 8] as const;

export const registerEmployerInput = z.object({
  creditCode: text,
  name: text,
  regionCode: text,
  /** Work-injury industry risk class (RSB-2015-71). */
  industryClass: z.number().int('must be a whole number').min(1, 'must be 1 to 8').max(8, 'must be 1 to 8'),
  /** The class rate's float: 50% to 150% (RSB-2015-71); 1000000 = 100%. */
  injuryFloatPpm: z
    .number()
    .int('must be a whole number of ppm')
    .min(500_000, 'must be at least 500000 (50%)')
    .max(1_500_000, 'must be at most 1500000 (150%)')
    .default(1_000_000),
  bankAccount: optionalText,
  contactName: optionalText,
  contactPhone: optionalText,
  establishedOn: businessDate,
});

export const registerPersonInput = z.object({
  idNumber: text,
  name: text,
  hukouRegionCode: text,
  hukouType: z.enum(['urban', 'rural']),
  category: z.enum(['employee', 'flexible', 'resident']),
  /** The pooling region the person is insured in. */
  regionCode: text,
});

export const HIRE_REASONS = ['new_hire', 'transfer_in'] as const;
export const LEAVE_REASONS = ['resignation', 'dismissal', 'transfer_out', 'retirement', 'death'] as const;

export const hireInput = employerRef
  .extend(personRef.shape)
  .extend({
    hiredOn: businessDate,
    reason: z.enum(HIRE_REASONS).default('new_hire'),
    /** The first month's (or contracted) wage; recorded as the new hire's base for the cycle. */
    monthlyWageFen: amountFen.optional(),
    /**
     * The name on the identity card: checked against the register, and with the hukou fields it
     * registers a person who is not insured yet, in the same transaction as the hire (SIL Art. 58).
     */
    name: optionalText,
    hukouType: z.enum(['urban', 'rural']).optional(),
    hukouRegionCode: optionalText,
  })
  .superRefine((value, ctx) => addIssues([...oneEmployer(value), ...onePerson(value)], ctx));

export const leaveInput = employerRef
  .extend(personRef.shape)
  .extend({
    employmentId: id.optional(),
    /** The last day employed. */
    leftOn: businessDate,
    reason: z.enum(LEAVE_REASONS),
  })
  .superRefine((value, ctx) => {
    if (value.employmentId !== undefined) return;
    addIssues(
      [...oneEmployer(value), ...onePerson(value)].map((issue) => ({
        ...issue,
        message: `${issue.message}, or employmentId`,
      })),
      ctx,
    );
  });

export const declareBaseInput = employerRef
  .extend(personRef.shape)
  .extend({
    /** The first month of the contribution year; or give any month of it as `period`. */
    cycleStart: period.optional(),
    period: period.optional(),
    /** The previous year's average monthly wage, before clamping to the floor and ceiling. */
    declaredFen: amountFen,
    source: z.enum(['yearly', 'correction']).default('yearly'),
  })
  .superRefine((value, ctx) =>
    addIssues(
      [...oneEmployer(value), ...onePerson(value), ...requireOneOf('cycleStart', 'period')(value)],
      ctx,
    ),
  );

export const enrolFlexibleInput = personRef
  .extend({
    regionCode: text,
    baseFen: amountFen.optional(),
    /** A share of the average wage, 600000 (60%) to 3000000 (300%). */
    gradePpm: z.number().int('must be a whole number of ppm').positive().optional(),
    paymentMethod: z.enum(['withholding', 'self']),
    bankAccount: optionalText,
    agreementNo: optionalText,
    startPeriod: period,
  })
  .superRefine((value, ctx) => {
    const issues = [...onePerson(value), ...requireOneOf('baseFen', 'gradePpm')(value)];
    if (value.paymentMethod === 'withholding') {
      // A withholding agreement (代扣协议) needs the account to debit and the agreement's number.
      for (const field of ['bankAccount', 'agreementNo'] as const) {
        if (value[field] === undefined)
          issues.push({ path: [field], message: 'is required for withholding' });
      }
    }
    addIssues(issues, ctx);
  });

export const stopFlexibleInput = personRef
  .extend({
    /** The last month paid. */
    endPeriod: period,
  })
  .superRefine((value, ctx) => addIssues(onePerson(value), ctx));

/** A flexible worker's new grade for the months to come (the person by id: they change their own). */
export const changeFlexibleGradeInput = z.object({
  personId: z.number().int('must be a whole number').positive('must be a positive id'),
  /** A share of the average wage, 600000 (60%) to 3000000 (300%). */
  gradePpm: z.number().int('must be a whole number of ppm').positive('must be more than 0'),
});
export type ChangeFlexibleGradeInput = z.input<typeof changeFlexibleGradeInput>;

export const declareMonthInput = employerRef
  .extend({ period })
  .superRefine((value, ctx) => addIssues(oneEmployer(value), ctx));

export const declareRegionMonthInput = z.object({ regionCode: text, period });

export type RegisterEmployerInput = z.input<typeof registerEmployerInput>;
export type RegisterPersonInput = z.input<typeof registerPersonInput>;
export type HireInput = z.input<typeof hireInput>;
export type LeaveInput = z.input<typeof leaveInput>;
export type DeclareBaseInput = z.input<typeof declareBaseInput>;
export type EnrolFlexibleInput = z.input<typeof enrolFlexibleInput>;
export type StopFlexibleInput = z.input<typeof stopFlexibleInput>;
export type DeclareMonthInput = z.input<typeof declareMonthInput>;
export type EmployerRef = z.output<typeof employerRef>;
export type PersonRef = z.output<typeof personRef>;
