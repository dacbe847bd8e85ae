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

export function assessPersonMonth(schedule: ContributionSchedule, declaredFen: Fen): PersonMonthAmounts {
  const row = emptyPersonMonth();
  const { bands } = schedule;
  if (bands.pension) row.pensionBaseFen = clampBase(bands.pension, declaredFen).baseFen;
  if (bands.medical) row.medicalBaseFen = clampBase(bands.medical, declaredFen).baseFen;
  if (bands.unemployment) row.unemploymentBaseFen = clampBase(bands.unemployment, declaredFen).baseFen;
  if (bands.work_injury) row.workInjuryBaseFen = clampBase(bands.work_injury, declaredFen).baseFen;
  const maternityBaseFen = bands.maternity ? clampBase(bands.maternity, declaredFen).baseFen : 0;
  for (const line of schedule.lines) {
    const baseFen =
      line.insurance === 'pension'
        ? row.pensionBaseFen
        : line.insurance === 'medical'
          ? row.medicalBaseFen
          : line.insurance === 'unemployment'
            ? row.unemploymentBaseFen
            : line.insurance === 'work_injury'
              ? row.workInjuryBaseFen
              : maternityBaseFen;
    const { amountFen, personalAccountFen } = applyScheduleLine(line, baseFen);
    const field = AMOUNT_FIELD[`${line.insurance}/${line.party}` as keyof typeof AMOUNT_FIELD];
    if (field === undefined) continue;
    row[field] += amountFen;
    if (line.insurance === 'pension') row.pensionAccountFen += personalAccountFen;
    if (line.insurance === 'medical') row.medicalAccountFen += personalAccountFen;
  }
  return row;
}
