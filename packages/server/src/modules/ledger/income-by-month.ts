import {
  addMonths,
  chinaDateOf,
  dateToPeriod,
  FUNDS,
  monthsBetween,
  type Fund,
  type Period,
} from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { INCOME_MONTHS_MAX } from './income.schemas.ts';
import { selectIncomeByMonth } from './journal.repository.ts';

/** One fund's money in one month, as the fund dashboard charts it. */
export interface FundMonth {
  period: Period;
  fund: Fund;
  /** Cash basis: what reached the fund's bank account (allocated payments), net of reversals. */
  receivedFen: number;
  /** Accrual basis: contributions and late fees billed to the fund (adjustments net), by business date. */
  billedFen: number;
}

/**
 * Income of every fund, month by month from `from` to `to` (business dates), every month and fund present
 * (zero when nothing moved) so a chart's lines have no gaps (journal.repository.ts says what counts).
 */
export async function incomeByMonth(db: Kysely<Database>, from: Period, to: Period): Promise<FundMonth[]> {
  const found = new Map(
    (await selectIncomeByMonth(db, from, to)).map((row) => [`${row.period}|${row.fund}`, row]),
  );
  const months: FundMonth[] = [];
  for (let index = 0; index <= monthsBetween(from, to); index++) {
    const period = addMonths(from, index);
    for (const fund of FUNDS) {
      const row = found.get(`${period}|${fund}`);
      months.push({
        period,
        fund,
        receivedFen: row?.receivedFen ?? 0,
        billedFen: row?.billedFen ?? 0,
      });
    }
  }
  return months;
}

export const INCOME_MONTHS_DEFAULT = 24;

/** The months asked for: by default the 24 months up to the current one (China time). */
export function incomeWindow(query: { from?: string; to?: string }, now: Date): { from: Period; to: Period } {
  const to = query.to ?? dateToPeriod(chinaDateOf(now));
  const from = query.from ?? addMonths(to, 1 - INCOME_MONTHS_DEFAULT);
  const span = monthsBetween(from, to);
  if (span < 0)
    throw new AppError(ErrorCode.VALIDATION, `query.from: ${from} is after query.to, ${to}`, {
      field: 'query.from',
    });
  if (span >= INCOME_MONTHS_MAX)
    throw new AppError(ErrorCode.VALIDATION, `query.from: at most ${INCOME_MONTHS_MAX} months at a time`, {
      field: 'query.from',
    });
  return { from, to };
}
