import { roundRatioSafe, type Fen } from '../money/index.ts';
import { clampBase } from './contribution-base.ts';
import type { ContributionSchedule, ScheduleLine } from './contribution-schedule.ts';
import {
  ACCOUNT_COLUMNS,
  amountColumnOf,
  BASE_COLUMNS,
  emptyPersonMonth,
  type LineAmountKey,
  type PersonMonthAmounts,
} from './insurance-columns.ts';

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

/** What one schedule line adds to a row: precomputed once per schedule, so the per-person loop only adds. */
interface LinePlan {
  line: ScheduleLine;
  base: 'pension' | 'medical' | 'unemployment' | 'work_injury' | 'maternity';
  field: LineAmountKey;
  accountField: LineAmountKey | null;
}

const plans = new WeakMap<ContributionSchedule, LinePlan[]>();

function planOf(schedule: ContributionSchedule): LinePlan[] {
  let plan = plans.get(schedule);
  if (!plan) {
    plan = [];
    for (const line of schedule.lines) {
      const field = amountColumnOf(line.insurance, line.party)?.key;
      if (field === undefined) continue;
      plan.push({
        line,
        base: line.insurance,
        field,
        accountField: ACCOUNT_COLUMNS.find((column) => column.insurance === line.insurance)?.key ?? null,
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
  for (const column of BASE_COLUMNS) row[column.key] = bases[column.fund];
  for (const { line, base, field, accountField } of planOf(schedule)) {
    const { amountFen, personalAccountFen } = applyScheduleLine(line, bases[base]);
    row[field] += amountFen;
    if (accountField) row[accountField] += personalAccountFen;
  }
  return row;
}
