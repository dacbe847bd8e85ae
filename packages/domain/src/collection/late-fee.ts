import type { Explanation } from '../explain/index.ts';
import { formatFenAsYuan, formatPpmAsPercent, roundRatio, type Fen, type Ppm } from '../money/index.ts';
import { addDays, daysBetween, type BusinessDate } from '../time/index.ts';

export interface DateRange {
  from: BusinessDate;
  to: BusinessDate;
}

export interface LateFeeInput {
  principalFen: Fen;
  dueDate: BusinessDate;
  paidOn: BusinessDate;
  dailyRatePpm: Ppm;
  /** Approved deferrals (SIL Art. 60, force majeure): their days earn no late fee. */
  deferrals?: readonly DateRange[];
}

export interface LateFee {
  days: number;
  feeFen: Fen;
  /** First and last day counted. */
  fromDate: BusinessDate;
  toDate: BusinessDate;
  deferredDays: number;
  explanation: Explanation;
}

/**
 * SIL Art. 86: 0.05% a day on the overdue amount, from the day after the due date to the payment date,
 * both included (docs/RULES.md 6.8; the day count convention is configurable only through the dates given),
 * simple interest, minus the days of an approved deferral. Rounded half-up to the fen.
 */
export function calculateLateFee(input: LateFeeInput): LateFee {
  const fromDate = addDays(input.dueDate, 1);
  const toDate = input.paidOn;
  const overdueDays = Math.max(0, daysBetween(input.dueDate, input.paidOn));
  let deferredDays = 0;
  for (const deferral of input.deferrals ?? []) {
    const start = deferral.from > fromDate ? deferral.from : fromDate;
    const end = deferral.to < toDate ? deferral.to : toDate;
    if (end >= start) deferredDays += daysBetween(start, end) + 1;
  }
  const days = Math.max(0, overdueDays - deferredDays);
  const feeFen = roundRatio(
    BigInt(input.principalFen) * BigInt(input.dailyRatePpm) * BigInt(days),
    1_000_000n,
    'half-up-fen',
  );
  return {
    days,
    feeFen,
    fromDate,
    toDate,
    deferredDays,
    explanation: {
      rule: 'late fee = overdue amount × daily rate × days late (from the day after the due date to the payment date), half-up to the fen',
      formula: `${formatFenAsYuan(input.principalFen)} × ${formatPpmAsPercent(input.dailyRatePpm)} × ${days} = ${formatFenAsYuan(feeFen)}`,
      inputs: {
        overdue: formatFenAsYuan(input.principalFen),
        dueDate: input.dueDate,
        paidOn: input.paidOn,
        daysLate: String(overdueDays),
        deferredDays: String(deferredDays),
      },
      sources: [
        'SIL Art. 86',
        ...(deferredDays ? ['SIL Art. 60 (deferral approved for force majeure)'] : []),
      ],
    },
  };
}
