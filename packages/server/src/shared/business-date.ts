import { addDays, parseBusinessDate, type BusinessDate } from '@shebao/domain';
import { z } from 'zod';
import { AppError, ErrorCode } from '../errors/index.ts';

/**
 * The one check of a business date "YYYY-MM-DD" for every route and command (docs/RULES.md 10.2): a real calendar day, not before a lower bound, and (checked against the clock by
 * the use case) not in the future unless the route says otherwise.
 */

/** No business date of a living person or an operating employer is older (birth, founding, hiring). */
export const EARLIEST_DATE: BusinessDate = '1900-01-01';
/**
 * No contribution is paid before the contribution-based pension reform of 1991 (State Council decision
 * Guo Fa [1991] No. 33): a payment dated earlier is a typing error, and would escape its late fee.
 */
export const EARLIEST_PAYMENT_DATE: BusinessDate = '1991-01-01';
/** A hire or a leave may be recorded this far ahead of its day (announced in advance, a quarter at most). */
export const REGISTRATION_AHEAD_DAYS = 92;
/** How far ahead a forecast date ("arrears as of") may look. */
export const FORECAST_DAYS = 366;

/** Why the text is not an acceptable date, or undefined when it is. */
export function dateProblem(text: string, earliest: BusinessDate = EARLIEST_DATE): string | undefined {
  try {
    parseBusinessDate(text);
  } catch {
    return 'is not a calendar date in the form YYYY-MM-DD';
  }
  return text < earliest ? `must not be before ${earliest}` : undefined;
}

function dateSchema(earliest: BusinessDate) {
  return z
    .string()
    .trim()
    .superRefine((text, ctx) => {
      const problem = dateProblem(text, earliest);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .meta({ format: 'date', description: `A calendar date YYYY-MM-DD, not before ${earliest}` });
}

/** Any business date (hired, left, founded, deferred from/to, as of). */
export const businessDate = dateSchema(EARLIEST_DATE);
/** The day money arrived. */
export const paymentDate = dateSchema(EARLIEST_PAYMENT_DATE);

/**
 * Refuses a date after today (plus `allowDays` for routes that look ahead), naming the field; the
 * problem of an impossible date comes first.
 */
export function refuseFutureDate(
  date: string,
  today: BusinessDate,
  field: string,
  options: { earliest?: BusinessDate; allowDays?: number } = {},
): void {
  const problem = dateProblem(date, options.earliest);
  if (problem) throw new AppError(ErrorCode.VALIDATION, `${field}: "${date}" ${problem}`, { field });
  const latest = addDays(today, options.allowDays ?? 0);
  if (date > latest)
    throw new AppError(
      ErrorCode.VALIDATION,
      options.allowDays
        ? `${field}: ${date} is more than ${options.allowDays} days after today, ${today}`
        : `${field}: ${date} is after today, ${today}`,
      { field },
    );
}
