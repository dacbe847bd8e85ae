import { isRoundingMode } from '../money/index.ts';
import type { ParameterValue } from './parameter.ts';

/** How a parameter's value is to be read; each kind has one validation rule. */
export type ParameterKind = 'fen' | 'ppm' | 'months' | 'integer' | 'rounding-mode' | 'table';

export interface ParameterDefinition {
  kind: ParameterKind;
  description: string;
  /** Which scope dimensions the parameter may be narrowed by. */
  dimensions: readonly ('insurance' | 'party' | 'category')[];
}

/**
 * Every parameter the calculators read. A parameter not listed here cannot be stored, so a typo in
 * an administrator's new version is refused instead of silently ignored.
 */
export const PARAMETER_CATALOGUE = {
  'contribution.rate': {
    kind: 'ppm',
    description: 'Contribution rate as a share of the contribution base',
    dimensions: ['insurance', 'party', 'category'],
  },
  'contribution.fixedMonthly': {
    kind: 'fen',
    description:
      'Fixed monthly amount added on top of the rate (e.g. Beijing 3 yuan large-amount medical aid)',
    dimensions: ['insurance', 'party', 'category'],
  },
  'contribution.personalAccountRate': {
    kind: 'ppm',
    description: 'Share of the base credited to the personal account out of this contribution',
    dimensions: ['insurance', 'party', 'category'],
  },
  'contribution.rounding': {
    kind: 'rounding-mode',
    description: 'Rounding of a contribution amount',
    dimensions: ['insurance', 'party', 'category'],
  },
  'base.floor': {
    kind: 'fen',
    description: 'Lowest monthly contribution base (usually 60% of the average wage)',
    dimensions: ['insurance', 'category'],
  },
  'base.ceiling': {
    kind: 'fen',
    description: 'Highest monthly contribution base (usually 300% of the average wage)',
    dimensions: ['insurance', 'category'],
  },
  'base.rounding': {
    kind: 'rounding-mode',
    description: 'Rounding of a declared contribution base',
    dimensions: ['insurance'],
  },
  'base.averageWage': {
    kind: 'fen',
    description:
      'Average monthly wage of urban employees (全口径) behind floors, ceilings and flexible grades',
    dimensions: [],
  },
  'base.cycleStartMonth': {
    kind: 'integer',
    description: 'Calendar month in which the yearly contribution-base cycle starts (7 = July to June)',
    dimensions: [],
  },
  'workInjury.classRates': {
    kind: 'table',
    description: 'Work-injury base rate per industry risk class 1-8, in ppm',
    dimensions: [],
  },
  'collection.dueDay': {
    kind: 'integer',
    description: 'Day of the month after the contribution month by which a bill is due',
    dimensions: ['category'],
  },
  'collection.undeclaredEstimateRate': {
    kind: 'ppm',
    description: "Share of the previous month's amount owed by an employer that has not declared the month",
    dimensions: [],
  },
  'collection.bankAccount': {
    kind: 'table',
    description:
      'The agency\'s collection account payers transfer to ({"bank": …, "accountName": …, "accountNo": …})',
    dimensions: [],
  },
  'lateFee.dailyRate': {
    kind: 'ppm',
    description: 'Late fee per day on overdue contributions',
    dimensions: [],
  },
  'pension.calculationBase': {
    kind: 'fen',
    description: 'Pension calculation base (计发基数) for people retiring in the period',
    dimensions: [],
  },
  'pension.divisors': {
    kind: 'table',
    description: 'Personal-account divisor (计发月数) by retirement age in whole years',
    dimensions: [],
  },
  'pension.divisorPolicy': {
    kind: 'table',
    description: 'How a divisor is chosen for an age with extra months ({"name": "whole-years"})',
    dimensions: [],
  },
  'pension.transitional': {
    kind: 'table',
    description: 'Transitional pension plug-in and its coefficients ({"name": "none"})',
    dimensions: [],
  },
  'pension.rounding': {
    kind: 'rounding-mode',
    description: 'Rounding of each part of a monthly pension',
    dimensions: [],
  },
  'pension.minContributionMonths': {
    kind: 'months',
    description: 'Minimum contribution months for a pension, by retirement month',
    dimensions: [],
  },
  'pension.creditingRate': {
    kind: 'ppm',
    description: 'Yearly crediting (interest) rate of the pension personal account',
    dimensions: ['category'],
  },
  'pension.creditingMethod': {
    kind: 'table',
    description:
      'How contributions made during the year earn interest ({"name": "half-year-factor", "factorPpm": 1083000})',
    dimensions: [],
  },
  'residents.pension.grades': {
    kind: 'table',
    description: "Residents' pension yearly contribution grades in fen",
    dimensions: [],
  },
  'residents.pension.basicMinimum': {
    kind: 'fen',
    description: "Residents' basic pension national minimum per month",
    dimensions: [],
  },
  'residents.medical.individualMinimum': {
    kind: 'fen',
    description: "Residents' medical insurance minimum individual contribution per year",
    dimensions: [],
  },
  'residents.medical.subsidyMinimum': {
    kind: 'fen',
    description: "Residents' medical insurance minimum fiscal subsidy per person per year",
    dimensions: [],
  },
  'benefits.decisionClock': {
    kind: 'table',
    description:
      'Days the agency has to decide an application, per kind ({"pension": {"days": 20, "unit": "working-days", "source": "..."}})',
    dimensions: [],
  },
  'unemployment.medicalPremium': {
    kind: 'table',
    description:
      'Medical insurance premiums the unemployment fund pays for each month of unemployment benefit (SIL Art. 48): a share in ppm of a base, the month’s benefit or a fixed base ({"ratePpm": 118000, "base": "benefit"} or {"ratePpm": 110000, "base": "fixed", "baseFen": 454600})',
    dimensions: [],
  },
  'benefits.statutoryClocks': {
    kind: 'table',
    description:
      'Clocks of work injury, unemployment and maternity: decision clocks by application kind and the parties’ deadlines ({"work-injury": {"days": 60, "unit": "calendar-days", "source": "..."}, "injury-report-person": {"months": 12, "unit": "months", "source": "..."}})',
    dimensions: [],
  },
  'calendar.workingDays': {
    kind: 'table',
    description:
      'Public holidays and the weekend days worked in their place ({"holidays": ["2025-01-01"], "workingWeekendDays": ["2025-01-26"]})',
    dimensions: [],
  },
  'death.funeralGrant': {
    kind: 'table',
    description:
      'Funeral grant on a member’s death, the region’s standard ({"kind": "fixed", "amountFen": 500000} or {"kind": "months-of-base", "months": 2, "monthlyBaseFen": 700000, "base": "..."})',
    dimensions: [],
  },
  'death.survivorsBenefit': {
    kind: 'table',
    description:
      'Survivors’ one-time benefit: months of a monthly base by whole contribution years ({"monthlyBaseFen", "base", "bands": [{"fromYears", "months", "extraMonthsPerYear"}], "maxMonths"})',
    dimensions: [],
  },
  'death.inheritance': {
    kind: 'table',
    description: 'What heirs inherit of personal accounts ({"excludeResidentsGovernmentSubsidy": false})',
    dimensions: [],
  },
  'workInjury.benefitTables': {
    kind: 'table',
    description:
      'Work-injury disability benefits (WIIR Arts. 34-37, 64): own-wage bounds in ppm of the average wage, per grade the one-time subsidy months, the monthly allowance ppm, its payer and whether the minimum wage is its floor, and the nursing ppm per level ({"ownWage": {"floorPpm", "ceilingPpm"}, "grades": [{"grade", "subsidyMonths", "allowancePpm", "allowancePayer", "minimumWageFloor"}], "nursingPpm": {"full", "most", "part"}})',
    dimensions: [],
  },
  'workInjury.deathBenefits': {
    kind: 'table',
    description:
      'Work-injury death benefits (WIIR Art. 39): {"funeralMonths", "oneTimeIncomeYears", "spousePpm", "otherDependentPpm", "extraPpm"}',
    dimensions: [],
  },
  'statistics.urbanDisposableIncome': {
    kind: 'fen',
    description:
      'National per-capita disposable income of urban residents for the year (yearly, in fen), behind the one-time work-death subsidy',
    dimensions: [],
  },
  'unemployment.duration': {
    kind: 'table',
    description:
      'National maximum months of unemployment benefit by contribution years ({"minContributionMonths": 12, "tiers": [{"fromYears", "maxMonths"}], "totalMaxMonths": 24})',
    dimensions: [],
  },
  'unemployment.regionalSchedule': {
    kind: 'table',
    description:
      'A region\'s own months of unemployment benefit, by claim start date ({"entries": [{"from": "2026-08-16", "monthsPerYear": 2, "maxMonths": 24}]})',
    dimensions: [],
  },
  'unemployment.monthlyStandard': {
    kind: 'table',
    description:
      'Monthly unemployment benefit: bands by month of the claim ({"kind": "bands", "bands": [{"fromMonth": 1, "amountFen": 230500, "label": "..."}]}) or a share of the minimum wage ({"kind": "share-of-minimum-wage", "sharePpm": 900000, "rounding": "half-up-fen"})',
    dimensions: [],
  },
  'maternity.leave': {
    kind: 'table',
    description:
      'Statutory maternity leave days (WLP Art. 7): {"baseDays": 98, "dystociaDays": 15, "perExtraBabyDays": 15, "miscarriageEarlyDays": 15, "miscarriageLateDays": 42}',
    dimensions: [],
  },
  'maternity.leaveExtension': {
    kind: 'table',
    description:
      'A region\'s extra maternity leave days and whether the fund pays the allowance for them ({"days": 60, "fundPays": true})',
    dimensions: [],
  },
  'maternity.allowance': {
    kind: 'table',
    description:
      'How the maternity allowance is paid: days a month behind the daily rate and who receives it ({"daysPerMonth": 30, "payee": "employer" or "person"})',
    dimensions: [],
  },
  'maternity.medical': {
    kind: 'table',
    description:
      'Maternity medical costs: a lump sum by kind of birth ({"kind": "lump-sum", "amountsFen": {"normal", "dystocia", "miscarriageEarly", "miscarriageLate"}}) or actual costs up to a cap ({"kind": "actual", "capFen"})',
    dimensions: [],
  },
  'medical.employeeBenefits': {
    kind: 'table',
    description:
      "What the employees' pooling fund pays on a claim: per person type (in-service, retired) the annual cap and, per line (outpatient, inpatient, chronic), the year's deductible and the ratio by institution level and the line's cap; the line and level of pharmacy purchases; the rounding (docs/RULES.md 16.2)",
    dimensions: [],
  },
  'medical.residentBenefits': {
    kind: 'table',
    description:
      "What the residents' pooling fund pays on a claim, in the shape of medical.employeeBenefits with the person type resident",
    dimensions: [],
  },
  'medical.retireeAccountCredit': {
    kind: 'fen',
    description:
      "The fixed monthly credit from the pooling fund to a retiree's medical personal account (GBF-2021-14)",
    dimensions: [],
  },
  'medical.retireeMinimumYears': {
    kind: 'table',
    description:
      'Medical contribution months a retiree needs to keep the scheme without premiums (SIL Art. 27): {"maleMonths", "femaleMonths"}',
    dimensions: [],
  },
  'medical.accountForRelatives': {
    kind: 'integer',
    description:
      'Whether the medical personal account may pay for close relatives (1) or not (0) (GBF-2021-14)',
    dimensions: [],
  },
  'medical.supervision': {
    kind: 'table',
    description:
      'Thresholds of the claim review rules: {"readmissionDays", "normMultiplePpm"} (docs/RULES.md 16.7)',
    dimensions: [],
  },
  'cards.replacementFee': {
    kind: 'table',
    description:
      'Social security card fees in fen: a lost or damaged card replaced, a generation upgrade, and the exemptions granted ({"lostFen": 2000, "damagedFen": 2000, "upgradeFen": 0, "exemptions": ["subsistence-allowance", "disability"]}; docs/RULES.md 18.4)',
    dimensions: [],
  },
  'cards.temporaryLossDays': {
    kind: 'integer',
    description:
      'Days after the day of a temporary loss report that it blocks the card before it lapses (docs/RULES.md 18.5)',
    dimensions: [],
  },
  'cards.productionClock': {
    kind: 'table',
    description:
      'The days promised from applying for a card to its being ready ({"days": 15, "unit": "working-days", "source": "..."}; docs/RULES.md 18.6)',
    dimensions: [],
  },
  'cards.numbering': {
    kind: 'table',
    description:
      'The letter that starts the region’s card numbers, one capital ({"letter": "A"}; docs/RULES.md 18.1)',
    dimensions: [],
  },
  minimumWage: {
    kind: 'fen',
    description: 'Monthly minimum wage',
    dimensions: [],
  },
} as const satisfies Record<string, ParameterDefinition>;

export type ParameterName = keyof typeof PARAMETER_CATALOGUE;

export function isParameterName(name: string): name is ParameterName {
  return Object.hasOwn(PARAMETER_CATALOGUE, name);
}

/** Returns the reason a value does not fit the parameter, or null when it does. */
export function checkParameterValue(name: string, value: ParameterValue): string | null {
  if (!isParameterName(name)) return `unknown parameter "${name}"`;
  const { kind } = PARAMETER_CATALOGUE[name] as ParameterDefinition;
  switch (kind) {
    case 'fen':
    case 'ppm':
    case 'months':
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
        ? null
        : `must be a non-negative whole number (${kind})`;
    case 'rounding-mode':
      return isRoundingMode(value) ? null : 'must be a rounding mode such as half-up-fen or up-jiao';
    case 'table':
      return typeof value === 'object' && value !== null ? null : 'must be a table (JSON object or array)';
  }
}
