import { monthsBetween, parsePeriod, type Period } from '../time/index.ts';
import { calculateRetirement, type RetirementResult } from './calculate-retirement.ts';
import { formatAgeMonths } from './format-age.ts';
import type { MinContributionMonthsByYear } from './min-contribution-months.ts';
import {
  FLEXIBLE_RETIREMENT_WINDOW_MONTHS,
  NPC_2024_EFFECTIVE_MONTH,
  type RetirementGroup,
} from './retirement-groups.ts';

export interface FlexibleRetirementChoiceInput {
  birthMonth: Period;
  group: RetirementGroup;
  chosenMonth: Period;
  /** Cumulative contribution months including deemed months at the chosen month. */
  contributionMonths: number;
  minContributionMonthsByYear?: MinContributionMonthsByYear;
}

export type FlexibleRetirementKind = 'early' | 'statutory' | 'late';

export type FlexibleRetirementReasonCode =
  'flexible-not-available' | 'min-contribution-not-met' | 'too-early' | 'below-original-age' | 'too-late';

export interface FlexibleRetirementReason {
  code: FlexibleRetirementReasonCode;
  message: string;
}

export interface FlexibleRetirementValidation {
  ok: boolean;
  kind: FlexibleRetirementKind;
  chosenAgeMonths: number;
  /** Every rule the choice breaks; empty when ok. */
  reasons: FlexibleRetirementReason[];
  retirement: RetirementResult;
}

/**
 * Checks a chosen retirement month against the flexible retirement rules (NPC-2024, FLEX-RET). The written
 * notice periods (3 months before early, 1 month before late) depend on when the choice is made and are
 * checked where the application is filed.
 */
export function validateFlexibleRetirementChoice(
  input: FlexibleRetirementChoiceInput,
): FlexibleRetirementValidation {
  const chosenMonth = parsePeriod(input.chosenMonth, 'chosenMonth');
  const { contributionMonths } = input;
  if (!Number.isSafeInteger(contributionMonths) || contributionMonths < 0) {
    throw new RangeError(
      `contributionMonths: must be a whole non-negative number of months, got ${contributionMonths}`,
    );
  }
  const retirement = calculateRetirement(input);
  const chosenAgeMonths = monthsBetween(input.birthMonth, chosenMonth);
  const offsetMonths = chosenAgeMonths - retirement.retirementAgeMonths;
  const kind: FlexibleRetirementKind = offsetMonths < 0 ? 'early' : offsetMonths > 0 ? 'late' : 'statutory';
  const reasons: FlexibleRetirementReason[] = [];
  const window = FLEXIBLE_RETIREMENT_WINDOW_MONTHS;

  if (kind !== 'statutory' && retirement.retirementMonth < NPC_2024_EFFECTIVE_MONTH) {
    reasons.push({
      code: 'flexible-not-available',
      message:
        `Statutory retirement month ${retirement.retirementMonth} is before ${NPC_2024_EFFECTIVE_MONTH}; ` +
        `flexible retirement does not apply.`,
    });
  } else if (kind === 'early') {
    if (contributionMonths < retirement.minContributionMonths) {
      reasons.push({
        code: 'min-contribution-not-met',
        message:
          `Early retirement needs the minimum ${retirement.minContributionMonths} contribution months ` +
          `(${retirement.minContributionYears} years); ${contributionMonths} months paid.`,
      });
    }
    if (-offsetMonths > window) {
      reasons.push({
        code: 'too-early',
        message: `${chosenMonth} is ${-offsetMonths} months before the statutory ${retirement.retirementMonth}; at most ${window} allowed.`,
      });
    }
    if (chosenAgeMonths < retirement.originalAgeMonths) {
      reasons.push({
        code: 'below-original-age',
        message:
          `Age at ${chosenMonth} would be ${formatAgeMonths(chosenAgeMonths)}, below the original ` +
          `retirement age of ${formatAgeMonths(retirement.originalAgeMonths)}.`,
      });
    }
  } else if (kind === 'late' && offsetMonths > window) {
    reasons.push({
      code: 'too-late',
      message: `${chosenMonth} is ${offsetMonths} months after the statutory ${retirement.retirementMonth}; at most ${window} allowed.`,
    });
  }

  return { ok: reasons.length === 0, kind, chosenAgeMonths, reasons, retirement };
}
