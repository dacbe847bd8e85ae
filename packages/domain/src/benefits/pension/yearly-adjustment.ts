import type { Explanation } from '../../explain/index.ts';
import {
  assertFen,
  assertPpm,
  formatFenAsYuan,
  formatPpmAsPercent,
  isRoundingMode,
  roundRatio,
  ROUNDING_MODE_LABELS,
  type Fen,
  type Ppm,
  type RoundingMode,
} from '../../money/index.ts';
import {
  dateToPeriod,
  monthsBetween,
  parseBusinessDate,
  parsePeriod,
  type Period,
} from '../../time/index.ts';

/** How the contribution years of the per-year sum are counted (docs/RULES.md 14.11). */
export const YEAR_COUNTINGS = ['full-years', 'started-years'] as const;
export type YearCounting = (typeof YEAR_COUNTINGS)[number];

/** Extra fen for pensioners who have reached an age by the effective month (倾斜调整). */
export interface AgeTiltBracket {
  minAgeYears: number;
  extraFen: Fen;
}

/**
 * One year's adjustment of the pensions in payment (docs/RULES.md 14.11): a share of the current pension
 * (挂钩调整 by the pension level), a fixed sum for everyone (定额调整), a sum per contribution year (挂钩调整
 * by years) and extra sums for the old (倾斜调整), each set by the region's notice under the national one.
 */
export interface YearlyAdjustmentPolicy {
  /** The first month paid at the new amount (usually January of the year). */
  effectiveMonth: Period;
  /** The day the notice was published; when it is after the effective month, the months between are owed back. */
  publishedOn: string;
  /** Only pensions that started in or before this month are adjusted (e.g. the previous December). */
  startedBy: Period;
  percentPpm: Ppm;
  fixedFen: Fen;
  perYearFen: Fen;
  yearCounting: YearCounting;
  /** Brackets by age; the highest bracket reached applies alone (they do not add up). */
  ageTilt: readonly AgeTiltBracket[];
  /** The rounding of the percentage part, the only part that is not whole fen. */
  rounding: RoundingMode;
  /** The notice, e.g. the MOHRSS/MOF notice of the year and the province's own. */
  source: string;
}

export interface PensionToAdjust {
  /** The monthly pension in force in the month before the effective month. */
  monthlyFen: Fen;
  /** Contribution months of the award (paid and deemed), as the award counted them. */
  contributionMonths: number;
  /** YYYY-MM-DD. */
  birthDate: string;
  /** The month the pension started (its first version). */
  startMonth: Period;
}

export interface YearlyAdjustment {
  eligible: boolean;
  percentFen: Fen;
  fixedFen: Fen;
  perYearFen: Fen;
  ageTiltFen: Fen;
  increaseFen: Fen;
  newMonthlyFen: Fen;
  /** Months of the adjustment already past when it was published: the payroll owes them back. */
  lateMonths: number;
  explanation: Record<'percent' | 'fixed' | 'perYear' | 'ageTilt' | 'total', Explanation>;
}

const NATIONAL_SOURCE = 'MOHRSS and MOF yearly notice on adjusting retirees’ basic pensions';

/** Checks a policy's figures; the message names the field, as the server's problem does. */
export function checkYearlyAdjustmentPolicy(policy: YearlyAdjustmentPolicy): YearlyAdjustmentPolicy {
  parsePeriod(policy.effectiveMonth, 'effectiveMonth');
  parsePeriod(policy.startedBy, 'startedBy');
  parseBusinessDate(policy.publishedOn, 'publishedOn');
  if (policy.startedBy >= policy.effectiveMonth)
    throw new RangeError('startedBy: must be before the effective month');
  assertPpm(policy.percentPpm, 'percentPpm');
  if (policy.percentPpm > 200_000)
    throw new RangeError('percentPpm: more than 20% is not a yearly adjustment');
  for (const [field, fen] of [
    ['fixedFen', policy.fixedFen],
    ['perYearFen', policy.perYearFen],
  ] as const)
    if (assertFen(fen, field) < 0) throw new RangeError(`${field}: must not be negative`);
  if (!(YEAR_COUNTINGS as readonly string[]).includes(policy.yearCounting))
    throw new RangeError(`yearCounting: must be one of ${YEAR_COUNTINGS.join(', ')}`);
  if (!isRoundingMode(policy.rounding))
    throw new RangeError(`rounding: "${policy.rounding}" is not a rounding mode`);
  const ages = new Set<number>();
  policy.ageTilt.forEach((bracket, index) => {
    if (!Number.isInteger(bracket.minAgeYears) || bracket.minAgeYears < 40 || bracket.minAgeYears > 120)
      throw new RangeError(`ageTilt.${index}.minAgeYears: must be a whole age from 40 to 120`);
    if (ages.has(bracket.minAgeYears))
      throw new RangeError(`ageTilt.${index}.minAgeYears: age ${bracket.minAgeYears} is given twice`);
    ages.add(bracket.minAgeYears);
    if (assertFen(bracket.extraFen, `ageTilt.${index}.extraFen`) < 0)
      throw new RangeError(`ageTilt.${index}.extraFen: must not be negative`);
  });
  if (policy.source.trim() === '') throw new RangeError('source: the notice is needed');
  return policy;
}

/** Whole years of age reached by the effective month: the birthday month counts as reached. */
function ageInYears(birthDate: string, month: Period): number {
  return Math.floor(monthsBetween(dateToPeriod(parseBusinessDate(birthDate, 'birthDate')), month) / 12);
}

/**
 * The yearly adjustment of one pension (docs/RULES.md 14.11): percentage of the current pension (rounded
 * with the policy's named rounding) + fixed sum + per contribution year (full or started years, as the
 * policy says) + the highest age bracket reached by the effective month. A pension that started after the
 * policy's `startedBy` month is not adjusted this year (its amount was worked out on this year's base).
 */
export function adjustPension(pension: PensionToAdjust, policy: YearlyAdjustmentPolicy): YearlyAdjustment {
  checkYearlyAdjustmentPolicy(policy);
  assertFen(pension.monthlyFen, 'monthlyFen');
  if (pension.monthlyFen < 0) throw new RangeError('monthlyFen: must not be negative');
  if (!Number.isInteger(pension.contributionMonths) || pension.contributionMonths < 0)
    throw new RangeError('contributionMonths: must be a whole number of months, at least 0');
  parsePeriod(pension.startMonth, 'startMonth');
  const sources = [policy.source, NATIONAL_SOURCE];
  const eligible = pension.startMonth <= policy.startedBy;
  const age = ageInYears(pension.birthDate, policy.effectiveMonth);
  const years =
    policy.yearCounting === 'full-years'
      ? Math.floor(pension.contributionMonths / 12)
      : Math.ceil(pension.contributionMonths / 12);
  const bracket = [...policy.ageTilt]
    .sort((a, b) => b.minAgeYears - a.minAgeYears)
    .find((candidate) => age >= candidate.minAgeYears);
  const percentFen = eligible
    ? roundRatio(BigInt(pension.monthlyFen) * BigInt(policy.percentPpm), 1_000_000n, policy.rounding)
    : 0;
  const fixedFen = eligible ? policy.fixedFen : 0;
  const perYearFen = eligible ? policy.perYearFen * years : 0;
  const ageTiltFen = eligible && bracket ? bracket.extraFen : 0;
  const increaseFen = percentFen + fixedFen + perYearFen + ageTiltFen;
  const current = formatFenAsYuan(pension.monthlyFen);
  // Published in July for January: January to June were paid at the old amount (the publication month's
  // own payroll may still be run at the new one, which the payroll settles either way, docs/RULES.md 14.5).
  const lateMonths = Math.max(0, monthsBetween(policy.effectiveMonth, dateToPeriod(policy.publishedOn)));
  const notEligible = `not adjusted: the pension started in ${pension.startMonth}, after ${policy.startedBy}`;
  const explanation: YearlyAdjustment['explanation'] = {
    percent: {
      rule: `A share of the pension in force before ${policy.effectiveMonth}, rounded ${ROUNDING_MODE_LABELS[policy.rounding]}.`,
      formula: eligible
        ? `${current} × ${formatPpmAsPercent(policy.percentPpm)} = ${formatFenAsYuan(percentFen)}`
        : notEligible,
      inputs: {
        monthlyPension: `${current} yuan`,
        percent: formatPpmAsPercent(policy.percentPpm),
        rounding: policy.rounding,
      },
      sources,
    },
    fixed: {
      rule: 'The same sum for every pensioner (定额调整).',
      formula: eligible ? `${formatFenAsYuan(fixedFen)}` : notEligible,
      inputs: { fixedSum: `${formatFenAsYuan(policy.fixedFen)} yuan` },
      sources,
    },
    perYear: {
      rule:
        policy.yearCounting === 'full-years'
          ? 'A sum for each full contribution year (a part year does not count).'
          : 'A sum for each contribution year begun (a part year counts as one).',
      formula: eligible
        ? `${years} × ${formatFenAsYuan(policy.perYearFen)} = ${formatFenAsYuan(perYearFen)}`
        : notEligible,
      inputs: {
        contributionMonths: `${pension.contributionMonths} months`,
        years: `${years} (${policy.yearCounting})`,
        perYear: `${formatFenAsYuan(policy.perYearFen)} yuan`,
      },
      sources,
    },
    ageTilt: {
      rule: 'Extra for the old: the highest age bracket reached by the effective month applies alone (倾斜调整).',
      formula: !eligible
        ? notEligible
        : bracket
          ? `age ${age} ≥ ${bracket.minAgeYears}: ${formatFenAsYuan(ageTiltFen)}`
          : `age ${age}: no bracket reached, 0.00`,
      inputs: {
        birthDate: pension.birthDate,
        ageAtEffectiveMonth: `${age} years`,
        brackets:
          policy.ageTilt.length === 0
            ? 'none'
            : policy.ageTilt
                .map((tilt) => `≥ ${tilt.minAgeYears}: ${formatFenAsYuan(tilt.extraFen)}`)
                .join('; '),
      },
      sources,
    },
    total: {
      rule: 'The increase is the sum of the parts; the new pension is paid from the effective month.',
      formula: `${formatFenAsYuan(percentFen)} + ${formatFenAsYuan(fixedFen)} + ${formatFenAsYuan(perYearFen)} + ${formatFenAsYuan(ageTiltFen)} = ${formatFenAsYuan(increaseFen)}; ${current} + ${formatFenAsYuan(increaseFen)} = ${formatFenAsYuan(pension.monthlyFen + increaseFen)}`,
      inputs: {
        effectiveMonth: policy.effectiveMonth,
        publishedOn: policy.publishedOn,
        startedBy: policy.startedBy,
        lateMonths: `${lateMonths} months owed back`,
      },
      sources,
    },
  };
  return {
    eligible,
    percentFen,
    fixedFen,
    perYearFen,
    ageTiltFen,
    increaseFen,
    newMonthlyFen: pension.monthlyFen + increaseFen,
    lateMonths,
    explanation,
  };
}
