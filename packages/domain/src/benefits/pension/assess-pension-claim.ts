import type { Explanation } from '../../explain/index.ts';
import type { Fen, RoundingMode } from '../../money/index.ts';
import {
  calculateRetirement,
  formatAgeMonths,
  lookUpMinContributionMonths,
  validateFlexibleRetirementChoice,
  defaultMinContributionMonths,
  type FlexibleRetirementKind,
  type FlexibleRetirementReason,
  type MinContributionMonthsByYear,
  type RetirementGroup,
} from '../../retirement/index.ts';
import { monthsBetween, parsePeriod, periodYear, type Period } from '../../time/index.ts';
import { calculateBasicPension, type BasicPensionResult } from './calculate-basic-pension.ts';
import { averageContributionIndex, type ContributionIndex, type PensionMonth } from './contribution-index.ts';
import type { DivisorPolicy } from './divisor-policy.ts';
import type { DivisorPolicyName } from './divisor-policies.ts';
import type { DivisorTable } from './divisor-table.ts';
import type { TransitionalInput } from './transitional-scheme.ts';

/** What a pension claim is judged on: the person, the months of their own record and the region's policy. */
export interface PensionClaimInput {
  birthMonth: Period;
  group: RetirementGroup;
  /**
   * The month the pension starts: the statutory retirement month unless the person chose an earlier or
   * later one in writing (validated against the flexible retirement rules).
   */
  chosenMonth?: Period;
  /** The paid months of the pension record before the start month, each with its base. */
  months: readonly PensionMonth[];
  /** Deemed contribution months (视同缴费) recorded by staff with their evidence. */
  deemedMonths: number;
  /** The average wage a month's base was measured against (policy `base.averageWage`). */
  averageWageOf: (period: Period) => Fen;
  /** C: the pension calculation base of the start month. */
  calcBaseFen: Fen;
  /** B: the personal account's balance, interest included, at the start month. */
  accountBalanceFen: Fen;
  divisors: DivisorTable;
  divisorsSource?: string;
  divisorPolicy?: DivisorPolicy | DivisorPolicyName | (string & {});
  /** The province's transitional scheme; its deemed months are `deemedMonths`. */
  transitional?: Omit<TransitionalInput, 'deemedMonths'>;
  rounding: RoundingMode;
  minContributionMonthsByYear?: MinContributionMonthsByYear;
}

/** What a person short of the minimum may do (SIL Art. 16; NPC-2024). */
export const SHORTFALL_OPTIONS = [
  'keep-paying',
  'extended-or-one-time-payment',
  'transfer-to-residents-scheme',
] as const;
export type ShortfallOption = (typeof SHORTFALL_OPTIONS)[number];

export type PensionRefusalCode = FlexibleRetirementReason['code'] | 'short-of-minimum-years';

export interface PensionRefusal {
  code: PensionRefusalCode;
  message: string;
}

interface ClaimFacts {
  startMonth: Period;
  startAgeMonths: number;
  kind: FlexibleRetirementKind;
  statutoryMonth: Period;
  paidMonths: number;
  deemedMonths: number;
  contributionMonths: number;
  minContributionMonths: number;
  explanation: { eligibility: Explanation };
}

export type PensionClaimOutcome =
  | (ClaimFacts & {
      eligible: true;
      index: ContributionIndex;
      pension: BasicPensionResult;
    })
  | (ClaimFacts & {
      eligible: false;
      reasons: PensionRefusal[];
      /** Months still missing to the minimum (0 when the refusal has another reason). */
      shortfallMonths: number;
      options: readonly ShortfallOption[];
    });

/**
 * Judges a basic-pension claim from the person's own record (docs/RULES.md 4.13 and 4.14): the start month by the
 * 2024 schedule or the flexible choice, the minimum contribution months for the year it falls in, and, when
 * eligible, the monthly amount from the record's months (count and average index), the account balance
 * and the region's divisor and transitional rules, every part explained.
 */
export function assessPensionClaim(input: PensionClaimInput): PensionClaimOutcome {
  const birthMonth = parsePeriod(input.birthMonth, 'birthMonth');
  if (!Number.isSafeInteger(input.deemedMonths) || input.deemedMonths < 0)
    throw new RangeError(
      `deemedMonths: must be a whole non-negative number of months, got ${input.deemedMonths}`,
    );
  const retirement = calculateRetirement({ birthMonth, group: input.group });
  const startMonth = input.chosenMonth
    ? parsePeriod(input.chosenMonth, 'chosenMonth')
    : retirement.retirementMonth;
  const paidMonths = new Set(
    input.months
      .filter((month) => month.baseFen > 0 && month.period < startMonth)
      .map((month) => month.period),
  ).size;
  const contributionMonths = paidMonths + input.deemedMonths;
  const byYear = input.minContributionMonthsByYear ?? defaultMinContributionMonths;
  const minContributionMonths = lookUpMinContributionMonths(byYear, periodYear(startMonth));
  const choice = validateFlexibleRetirementChoice({
    birthMonth,
    group: input.group,
    chosenMonth: startMonth,
    contributionMonths,
    minContributionMonthsByYear: byYear,
  });
  const facts: ClaimFacts = {
    startMonth,
    startAgeMonths: monthsBetween(birthMonth, startMonth),
    kind: choice.kind,
    statutoryMonth: retirement.retirementMonth,
    paidMonths,
    deemedMonths: input.deemedMonths,
    contributionMonths,
    minContributionMonths,
    explanation: {
      eligibility: {
        rule: 'A basic pension is paid from the statutory retirement month (or a month chosen in writing within three years before or after it) to a person with at least the minimum contribution months for that year, deemed months included.',
        formula: `${paidMonths} paid + ${input.deemedMonths} deemed = ${contributionMonths} months; minimum for ${periodYear(startMonth)}: ${minContributionMonths}`,
        inputs: {
          birthMonth,
          statutoryMonth: `${retirement.retirementMonth} (${formatAgeMonths(retirement.retirementAgeMonths)})`,
          startMonth: `${startMonth} (${choice.kind})`,
          contributionMonths: String(contributionMonths),
          minContributionMonths: String(minContributionMonths),
        },
        sources: ['SIL Art. 16', 'NPC-2024', 'FLEX-RET'],
      },
    },
  };

  const reasons: PensionRefusal[] = choice.reasons
    // Early retirement repeats the minimum; it is stated once below with the shortfall.
    .filter((reason) => reason.code !== 'min-contribution-not-met')
    .map((reason) => ({ code: reason.code, message: reason.message }));
  const shortfallMonths = Math.max(0, minContributionMonths - contributionMonths);
  if (shortfallMonths > 0)
    reasons.push({
      code: 'short-of-minimum-years',
      message: `${contributionMonths} contribution months of the ${minContributionMonths} required for a pension starting in ${periodYear(startMonth)}: ${shortfallMonths} months short.`,
    });
  if (reasons.length > 0)
    return {
      ...facts,
      eligible: false,
      reasons,
      shortfallMonths,
      options: shortfallMonths > 0 ? SHORTFALL_OPTIONS : [],
    };

  const index = averageContributionIndex(
    input.months.filter((month) => month.period < startMonth),
    input.averageWageOf,
  );
  const pension = calculateBasicPension({
    calcBaseFen: input.calcBaseFen,
    averageIndexPpm: index.averageIndexPpm,
    contributionMonths,
    accountBalanceFen: input.accountBalanceFen,
    retirementAgeMonths: facts.startAgeMonths,
    divisors: input.divisors,
    ...(input.divisorsSource ? { divisorsSource: input.divisorsSource } : {}),
    ...(input.divisorPolicy ? { divisorPolicy: input.divisorPolicy } : {}),
    transitional: { scheme: 'none', ...input.transitional, deemedMonths: input.deemedMonths },
    rounding: input.rounding,
  });
  return { ...facts, eligible: true, index, pension };
}
