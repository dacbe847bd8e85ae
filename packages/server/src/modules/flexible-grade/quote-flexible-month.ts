import {
  calculateContributions,
  checkFlexibleBase,
  PolicyMissingError,
  type FlexibleBaseRange,
  type PolicyBook,
} from '@shebao/domain';
import { AppError, ErrorCode } from '../../errors/index.ts';
import type { MonthlyQuote } from './flexible-grade.schemas.ts';

/**
 * What one month costs a flexible worker at a grade: the base from the grade and the region's average
 * wage, then the same calculator the monthly assessment's schedule is compiled from (category flexible),
 * so the amount shown before confirming is the amount billed.
 */
export function quoteFlexibleMonth(
  book: PolicyBook,
  query: { regionCode: string; period: string; gradePpm: number },
): { quote: MonthlyQuote; allowed: FlexibleBaseRange } {
  return withPolicy(() => {
    const averageWage = book.require<number>('base.averageWage', query);
    const check = checkFlexibleBase(averageWage.value, { gradePpm: query.gradePpm });
    const allowed = {
      averageWageFen: check.averageWageFen,
      minFen: check.minFen,
      maxFen: check.maxFen,
    };
    if (!check.ok)
      throw new AppError(ErrorCode.VALIDATION, `gradePpm: ${check.reason}`, { field: 'gradePpm' });
    const result = calculateContributions(book, {
      regionCode: query.regionCode,
      period: query.period,
      category: 'flexible',
      baseFen: check.baseFen,
    });
    const quote: MonthlyQuote = {
      period: query.period,
      gradePpm: check.gradePpm,
      baseFen: check.baseFen,
      lines: result.lines.map((line) => ({
        insurance: line.insurance,
        party: line.party,
        baseFen: line.baseFen,
        ratePpm: line.ratePpm,
        amountFen: line.amountFen,
        personalAccountFen: line.personalAccountFen,
        formula: line.explanation.formula,
      })),
      totalFen: result.totals.totalFen,
      personalAccountFen: result.totals.personalAccountFen,
      notes: result.notes,
      sources: [
        averageWage.parameter.source,
        ...new Set(result.lines.flatMap((line) => line.explanation.sources)),
      ],
    };
    return { quote, allowed };
  });
}

/** A parameter missing for the region and month is the agency's gap, said as such (not a 500). */
function withPolicy<T>(lookup: () => T): T {
  try {
    return lookup();
  } catch (error) {
    if (error instanceof PolicyMissingError)
      throw new AppError(ErrorCode.POLICY_MISSING, `gradePpm: ${error.message}`, {
        field: 'gradePpm',
        cause: error,
      });
    throw error;
  }
}
