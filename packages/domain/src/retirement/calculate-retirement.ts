import type { Explanation } from '../explain/index.ts';
import { addMonths, parsePeriod, periodToIndex, periodYear, type Period } from '../time/index.ts';
import { formatAgeMonths } from './format-age.ts';
import {
  defaultMinContributionMonths,
  lookUpMinContributionMonths,
  type MinContributionMonthsByYear,
} from './min-contribution-months.ts';
import {
  FLEXIBLE_RETIREMENT_WINDOW_MONTHS,
  NPC_2024_EFFECTIVE_MONTH,
  parseRetirementGroup,
  RETIREMENT_SCHEDULES,
  type RetirementGroup,
} from './retirement-groups.ts';

export interface RetirementInput {
  birthMonth: Period;
  group: RetirementGroup;
  minContributionMonthsByYear?: MinContributionMonthsByYear;
}

export interface RetirementResult {
  delayMonths: number;
  originalAgeMonths: number;
  /** The statutory retirement age after the NPC-2024 increase. */
  retirementAgeMonths: number;
  retirementMonth: Period;
  earliestMonth: Period;
  earliestAgeMonths: number;
  latestMonth: Period;
  latestAgeMonths: number;
  /** Minimum contribution months for the year of the statutory retirement month. */
  minContributionMonths: number;
  /** minContributionMonths / 12, e.g. 15.5; for display only. */
  minContributionYears: number;
  explanation: Explanation;
}

/** Statutory retirement age and month, the flexible window and the minimum contribution (docs/RULES.md 4.10–4.12). */
export function calculateRetirement(input: RetirementInput): RetirementResult {
  const birthMonth = parsePeriod(input.birthMonth, 'birthMonth');
  const group = parseRetirementGroup(input.group);
  const schedule = RETIREMENT_SCHEDULES[group];
  const { originalAgeMonths, stepMonths, maxDelayMonths, anchorMonth } = schedule;

  const elapsedMonths = periodToIndex(birthMonth) - periodToIndex(anchorMonth);
  const originalMonth = addMonths(birthMonth, originalAgeMonths);
  // Someone who reached the original age before 2025-01 had already retired when NPC-2024 took effect.
  // The anchors make this coincide with elapsed < 0; the check states the legal reason explicitly.
  const affected = elapsedMonths >= 0 && originalMonth >= NPC_2024_EFFECTIVE_MONTH;
  const delayMonths = affected ? Math.min(Math.floor(elapsedMonths / stepMonths) + 1, maxDelayMonths) : 0;
  const retirementAgeMonths = originalAgeMonths + delayMonths;
  const retirementMonth = addMonths(birthMonth, retirementAgeMonths);

  // Flexible retirement exists only for retirements from 2025-01 on (FLEX-RET).
  const flexible = retirementMonth >= NPC_2024_EFFECTIVE_MONTH;
  const earliestAgeMonths = flexible
    ? Math.max(originalAgeMonths, retirementAgeMonths - FLEXIBLE_RETIREMENT_WINDOW_MONTHS)
    : retirementAgeMonths;
  const latestAgeMonths = flexible
    ? retirementAgeMonths + FLEXIBLE_RETIREMENT_WINDOW_MONTHS
    : retirementAgeMonths;

  const retirementYear = periodYear(retirementMonth);
  const minContributionMonths = lookUpMinContributionMonths(
    input.minContributionMonthsByYear ?? defaultMinContributionMonths,
    retirementYear,
  );

  const delayText = affected
    ? `delay = min(floor(${elapsedMonths} / ${stepMonths}) + 1, ${maxDelayMonths}) = ${delayMonths} months`
    : `born before ${anchorMonth} (original retirement ${originalMonth} before ${NPC_2024_EFFECTIVE_MONTH}): delay = 0`;
  const flexibleText = flexible
    ? `flexible from ${addMonths(birthMonth, earliestAgeMonths)} (${formatAgeMonths(earliestAgeMonths)}) ` +
      `to ${addMonths(birthMonth, latestAgeMonths)} (${formatAgeMonths(latestAgeMonths)})`
    : `no flexible retirement before ${NPC_2024_EFFECTIVE_MONTH}`;

  return {
    delayMonths,
    originalAgeMonths,
    retirementAgeMonths,
    retirementMonth,
    earliestMonth: addMonths(birthMonth, earliestAgeMonths),
    earliestAgeMonths,
    latestMonth: addMonths(birthMonth, latestAgeMonths),
    latestAgeMonths,
    minContributionMonths,
    minContributionYears: minContributionMonths / 12,
    explanation: {
      rule:
        `Retirement age for ${schedule.label}: ${formatAgeMonths(originalAgeMonths)} plus one month per ` +
        `${stepMonths} birth months from ${anchorMonth}, at most ${maxDelayMonths} months. Flexible retirement ` +
        `from ${NPC_2024_EFFECTIVE_MONTH}: up to ${FLEXIBLE_RETIREMENT_WINDOW_MONTHS} months earlier (never below ` +
        `the original age, minimum contribution years met) or later. Minimum contribution years by year of ` +
        `retirement.`,
      formula:
        `elapsed = ${birthMonth} − ${anchorMonth} = ${elapsedMonths} months; ${delayText}; ` +
        `age = ${formatAgeMonths(originalAgeMonths)} + ${delayMonths} months = ${formatAgeMonths(retirementAgeMonths)}; ` +
        `retirement = ${birthMonth} + ${formatAgeMonths(retirementAgeMonths)} = ${retirementMonth}; ${flexibleText}; ` +
        `minimum contributions in ${retirementYear}: ${minContributionMonths} months (${minContributionMonths / 12} years)`,
      inputs: { birthMonth, group: `${group} (${schedule.label})` },
      sources: ['NPC-2024', 'FLEX-RET'],
    },
  };
}
