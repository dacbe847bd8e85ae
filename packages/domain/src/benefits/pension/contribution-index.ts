import type { Explanation } from '../../explain/index.ts';
import { formatFenAsYuan, type Fen, type Ppm } from '../../money/index.ts';
import { parsePeriod, type Period } from '../../time/index.ts';

/** One month of the pension record: the base the month's pension contribution was assessed on. */
export interface PensionMonth {
  period: Period;
  /** The pension base of the month (all payers of the month together). */
  baseFen: Fen;
}

/** One calendar year of the index: its months, their bases and the average wage they are measured against. */
export interface IndexYear {
  year: number;
  months: number;
  baseFen: Fen;
  averageWageFen: Fen;
}

export interface ContributionIndex {
  /** Months with a pension base, each month once. */
  months: number;
  /** I_avg in parts per million, half-up once at the end; 0 when there are no months. */
  averageIndexPpm: Ppm;
  years: IndexYear[];
  explanation: Explanation;
}

/**
 * The average contribution index (docs/RULES.md 4.13): the mean over the contribution months of the month's
 * pension base divided by the average wage its base was measured against (the `base.averageWage` of that
 * month). Months of one year share one average wage, so the sum is kept as an exact fraction, year by year,
 * and rounded once: no month's index is rounded on its own.
 */
export function averageContributionIndex(
  months: readonly PensionMonth[],
  averageWageOf: (period: Period) => Fen,
): ContributionIndex {
  const byPeriod = new Map<Period, Fen>();
  for (const month of months) {
    const period = parsePeriod(month.period, 'months.period');
    if (!Number.isSafeInteger(month.baseFen) || month.baseFen < 0)
      throw new RangeError(`months.baseFen: ${month.baseFen} for ${period} is not a whole number of fen`);
    if (month.baseFen > 0) byPeriod.set(period, (byPeriod.get(period) ?? 0) + month.baseFen);
  }
  // Group by average wage (in practice one per contribution cycle): sum of bases over the wage.
  const byWage = new Map<Fen, Fen>();
  // A year whose months straddle two wages (a July contribution cycle) is listed once per wage.
  const years = new Map<string, IndexYear>();
  for (const [period, baseFen] of [...byPeriod].sort(([a], [b]) => a.localeCompare(b))) {
    const averageWageFen = averageWageOf(period);
    if (!Number.isSafeInteger(averageWageFen) || averageWageFen <= 0)
      throw new RangeError(`averageWage: ${averageWageFen} for ${period} is not a positive number of fen`);
    byWage.set(averageWageFen, (byWage.get(averageWageFen) ?? 0) + baseFen);
    const year = Number(period.slice(0, 4));
    const key = `${year}|${averageWageFen}`;
    const entry = years.get(key);
    if (entry) {
      entry.months += 1;
      entry.baseFen += baseFen;
    } else years.set(key, { year, months: 1, baseFen, averageWageFen });
  }
  const count = byPeriod.size;
  let numerator = 0n;
  let denominator = 1n;
  for (const [wage, bases] of byWage) {
    // numerator/denominator + bases/wage
    numerator = numerator * BigInt(wage) + BigInt(bases) * denominator;
    denominator *= BigInt(wage);
  }
  // mean = numerator / (denominator × count); in ppm, half up.
  const scaledDenominator = denominator * BigInt(Math.max(count, 1));
  const averageIndexPpm =
    count === 0 ? 0 : Number((numerator * 2_000_000n + scaledDenominator) / (2n * scaledDenominator));
  const listed = [...years.values()];
  return {
    months: count,
    averageIndexPpm,
    years: listed,
    explanation: {
      rule: 'Average contribution index = the mean, over the contribution months, of each month’s pension base ÷ the average wage of that month; rounded half up to six decimals once.',
      formula:
        count === 0
          ? 'no contribution months: index 0'
          : `(${listed
              .map((year) => `${formatFenAsYuan(year.baseFen)} ÷ ${formatFenAsYuan(year.averageWageFen)}`)
              .join(' + ')}) ÷ ${count} = ${(averageIndexPpm / 1_000_000).toFixed(6)}`,
      inputs: {
        months: String(count),
        ...Object.fromEntries(
          listed.map((year) => [
            `${year.year} at ${formatFenAsYuan(year.averageWageFen)}`,
            `${year.months} months, bases ${formatFenAsYuan(year.baseFen)} yuan yuan`,
          ]),
        ),
      },
      sources: ['GF-2005-38'],
    },
  };
}
