import { roundRatio, type Fen, type Ppm } from '../../money/index.ts';
import { calculateRetirement } from '../../retirement/index.ts';
import { addMonths, parsePeriod, periodYear, type Period } from '../../time/index.ts';
import {
  assessPensionClaim,
  type PensionClaimInput,
  type PensionClaimOutcome,
} from './assess-pension-claim.ts';
import type { PensionMonth } from './contribution-index.ts';

/** What a forecast assumes about the years until retirement; every figure is stated with the result. */
export interface ForecastAssumptions {
  /** The monthly pension base from this month on (grows with wages). */
  futureBaseFen: Fen;
  /** Yearly growth of wages, bases, average wages and the calculation base, each January. */
  wageGrowthPpm: Ppm;
  /** Yearly interest credited on the personal account. */
  interestPpm: Ppm;
  /** The share of the base credited to the personal account (8% for employees). */
  accountRatePpm: Ppm;
}

export interface ForecastInput extends Omit<
  PensionClaimInput,
  'chosenMonth' | 'averageWageOf' | 'calcBaseFen' | 'accountBalanceFen'
> {
  /** The first month not yet in the record: projected from here. */
  fromMonth: Period;
  /** The average wage of the record's months (policy), and the latest one, projected on from there. */
  averageWageOf: (period: Period) => Fen;
  /** The pension calculation base in force now. */
  calcBaseNowFen: Fen;
  /** The personal account's balance now. */
  accountBalanceNowFen: Fen;
  assumptions: ForecastAssumptions;
}

export interface ForecastCase {
  label: 'earliest' | 'statutory' | 'latest';
  startMonth: Period;
  projectedMonths: number;
  accountBalanceFen: Fen;
  calcBaseFen: Fen;
  outcome: PensionClaimOutcome;
}

/** An amount grown by `ppm` once a year for `years` years, rounded half up to the fen each year. */
function grow(amountFen: Fen, ppm: Ppm, years: number): Fen {
  let amount = amountFen;
  for (let year = 0; year < years; year += 1)
    amount = roundRatio(BigInt(amount) * BigInt(1_000_000 + ppm), 1_000_000n, 'half-up-fen');
  return amount;
}

/**
 * A what-if on the person's own record (docs/RULES.md 14.8): the months from `fromMonth` to a start month
 * are projected at the assumed base, growing with wages each January, against average wages growing the
 * same way; the account grows by its share of those bases and by a year's interest each December (on
 * the year's contributions, half a year's); the calculation base grows with wages. Each case is then
 * judged by the same calculator as a claim (assessPensionClaim): the earliest flexible start, the statutory
 * month and the latest, side by side.
 */
export function forecastPension(input: ForecastInput): ForecastCase[] {
  const from = parsePeriod(input.fromMonth, 'fromMonth');
  const { assumptions } = input;
  const retirement = calculateRetirement({ birthMonth: input.birthMonth, group: input.group });
  const birthMonth = parsePeriod(input.birthMonth, 'birthMonth');
  const starts = [
    { label: 'earliest' as const, startMonth: addMonths(birthMonth, retirement.earliestAgeMonths) },
    { label: 'statutory' as const, startMonth: retirement.retirementMonth },
    { label: 'latest' as const, startMonth: addMonths(birthMonth, retirement.latestAgeMonths) },
  ];
  const lastKnownWage = input.averageWageOf(addMonths(from, -1));
  const baseYear = periodYear(from);
  const wageIn = (period: Period) =>
    period < from
      ? input.averageWageOf(period)
      : grow(lastKnownWage, assumptions.wageGrowthPpm, periodYear(period) - baseYear);
  return starts.map(({ label, startMonth }) => {
    const projected: PensionMonth[] = [];
    let balance = input.accountBalanceNowFen;
    let yearContributions = 0;
    for (let month = from; month < startMonth; month = addMonths(month, 1)) {
      const baseFen = grow(
        assumptions.futureBaseFen,
        assumptions.wageGrowthPpm,
        periodYear(month) - baseYear,
      );
      projected.push({ period: month, baseFen });
      yearContributions += roundRatio(
        BigInt(baseFen) * BigInt(assumptions.accountRatePpm),
        1_000_000n,
        'half-up-fen',
      );
      if (month.endsWith('-12') || addMonths(month, 1) === startMonth) {
        // A year's interest at its end: the opening balance for the year, the year's contributions for half.
        const fullYear = month.endsWith('-12');
        const interest = fullYear
          ? roundRatio(
              BigInt(balance) * BigInt(assumptions.interestPpm) * 2n +
                BigInt(yearContributions) * BigInt(assumptions.interestPpm),
              2_000_000n,
              'half-up-fen',
            )
          : 0;
        balance += yearContributions + interest;
        yearContributions = 0;
      }
    }
    const calcBaseFen = grow(
      input.calcBaseNowFen,
      assumptions.wageGrowthPpm,
      periodYear(startMonth) - baseYear,
    );
    const outcome = assessPensionClaim({
      ...input,
      chosenMonth: startMonth,
      months: [...input.months, ...projected],
      averageWageOf: wageIn,
      calcBaseFen,
      accountBalanceFen: balance,
    });
    return {
      label,
      startMonth,
      projectedMonths: projected.length,
      accountBalanceFen: balance,
      calcBaseFen,
      outcome,
    };
  });
}
