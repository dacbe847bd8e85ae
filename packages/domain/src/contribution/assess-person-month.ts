import { roundRatioSafe, type Fen } from '../money/index.ts';
import { clampBase } from './contribution-base.ts';
import type { ContributionSchedule, ScheduleLine } from './contribution-schedule.ts';

/** The amounts of one line for a clamped base: the rated part, the fixed part, and the personal-account part. */
export function applyScheduleLine(
  line: ScheduleLine,
  baseFen: Fen,
): { amountFen: Fen; personalAccountFen: Fen } {
  const ratedFen = roundRatioSafe(baseFen * line.numerator, line.denominator, line.rounding);
  const personalAccountFen =
    line.accountRatePpm === null
      ? 0
      : Math.min(ratedFen, roundRatioSafe(baseFen * line.accountRatePpm, 1_000_000, line.rounding));
  return { amountFen: ratedFen + line.fixedFen, personalAccountFen };
}

/**
 * One person-month as the columns of a stored contribution line. This is the assessment's hot path:
 * plain integer arithmetic over a schedule compiled once for thousands of people.
 */
export interface PersonMonthAmounts {
  pensionBaseFen: Fen;
  medicalBaseFen: Fen;
  unemploymentBaseFen: Fen;
  workInjuryBaseFen: Fen;
  pensionEmployerFen: Fen;
  pensionEmployeeFen: Fen;
  medicalEmployerFen: Fen;
  medicalEmployeeFen: Fen;
  maternityEmployerFen: Fen;
  unemploymentEmployerFen: Fen;
  unemploymentEmployeeFen: Fen;
  workInjuryEmployerFen: Fen;
  pensionAccountFen: Fen;
  medicalAccountFen: Fen;
}

const AMOUNT_FIELD = {
  'pension/employer': 'pensionEmployerFen',
  'pension/employee': 'pensionEmployeeFen',
  'medical/employer': 'medicalEmployerFen',
  'medical/employee': 'medicalEmployeeFen',
  'maternity/employer': 'maternityEmployerFen',
  'unemployment/employer': 'unemploymentEmployerFen',
  'unemployment/employee': 'unemploymentEmployeeFen',
  'work_injury/employer': 'workInjuryEmployerFen',
} as const satisfies Record<string, keyof PersonMonthAmounts>;

export function emptyPersonMonth(): PersonMonthAmounts {
  return {
    pensionBaseFen: 0,
    medicalBaseFen: 0,
    unemploymentBaseFen: 0,
    workInjuryBaseFen: 0,
    pensionEmployerFen: 0,
    pensionEmployeeFen: 0,
    medicalEmployerFen: 0,
    medicalEmployeeFen: 0,
    maternityEmployerFen: 0,
    unemploymentEmployerFen: 0,
    unemploymentEmployeeFen: 0,
    workInjuryEmployerFen: 0,
    pensionAccountFen: 0,
    medicalAccountFen: 0,
  };
}

/** What one schedule line adds to a row: precomputed once per schedule, so the per-person loop only adds. */
interface LinePlan {
  line: ScheduleLine;
  base: 'pension' | 'medical' | 'unemployment' | 'work_injury' | 'maternity';
  field: keyof PersonMonthAmounts;
  accountField: 'pensionAccountFen' | 'medicalAccountFen' | null;
}

const plans = new WeakMap<ContributionSchedule, LinePlan[]>();

function planOf(schedule: ContributionSchedule): LinePlan[] {
  let plan = plans.get(schedule);
  if (!plan) {
    plan = [];
    for (const line of schedule.lines) {
      const field = AMOUNT_FIELD[`${line.insurance}/${line.party}` as keyof typeof AMOUNT_FIELD];
      if (field === undefined) continue;
      plan.push({
        line,
        base: line.insurance,
        field,
        accountField:
          line.insurance === 'pension'
            ? 'pensionAccountFen'
            : line.insurance === 'medical'
              ? 'medicalAccountFen'
              : null,
      });
    }
    plans.set(schedule, plan);
  }
  return plan;
}

export function assessPersonMonth(schedule: ContributionSchedule, declaredFen: Fen): PersonMonthAmounts {
  const row = emptyPersonMonth();
  const { bands } = schedule;
  const bases = {
    pension: bands.pension ? clampBase(bands.pension, declaredFen).baseFen : 0,
    medical: bands.medical ? clampBase(bands.medical, declaredFen).baseFen : 0,
    unemployment: bands.unemployment ? clampBase(bands.unemployment, declaredFen).baseFen : 0,
    work_injury: bands.work_injury ? clampBase(bands.work_injury, declaredFen).baseFen : 0,
    maternity: bands.maternity ? clampBase(bands.maternity, declaredFen).baseFen : 0,
  };
  row.pensionBaseFen = bases.pension;
  row.medicalBaseFen = bases.medical;
  row.unemploymentBaseFen = bases.unemployment;
  row.workInjuryBaseFen = bases.work_injury;
  for (const { line, base, field, accountField } of planOf(schedule)) {
    const { amountFen, personalAccountFen } = applyScheduleLine(line, bases[base]);
    row[field] += amountFen;
    if (accountField) row[accountField] += personalAccountFen;
  }
  return row;
}
