import {
  chinaDateOf,
  daysInMonth,
  periodMonth,
  periodYear,
  postRetireeAccountCredit,
  regionCodePrefix,
} from '@shebao/domain';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { insertMedicalAccountEntries, selectRetireeCredited } from '../accounts/index.ts';
import { insertPostings } from '../ledger/index.ts';
import { selectMedicalMonthTotals } from './coverage.repository.ts';
import { selectPensionersOfMonth } from './pensioners.repository.ts';
import type { MedicalDeps } from './medical-deps.ts';

/*
 * The retirees' monthly credit to their medical personal accounts (GBF-2021-14; docs/RULES.md 16.4), a
 * batch per region and month: every pensioner who keeps the scheme without premiums (their medical months
 * reach the region's minimum) gets the region's fixed amount from the pooling fund, once per month; a
 * re-run credits only whoever was missed.
 */

export interface RetireeCreditRun {
  regionCode: string;
  period: string;
  credited: number;
  amountFen: number;
  /** Pensioners left out because their medical years fall short (they must top up first). */
  short: number;
}

export async function creditRetireeAccounts(
  deps: MedicalDeps,
  input: { regionCode: string; period: string },
): Promise<RetireeCreditRun> {
  const now = deps.clock.now();
  const today = chinaDateOf(now);
  if (input.period > today.slice(0, 7))
    throw new AppError(ErrorCode.VALIDATION, `period: ${input.period} has not begun`, {
      field: 'period',
      detailCode: 'period-in-future',
    });
  const book = await deps.policy.loadBook();
  const at = { regionCode: input.regionCode, period: input.period };
  const credit = book.find<number>('medical.retireeAccountCredit', at);
  if (!credit)
    throw new AppError(
      ErrorCode.POLICY_MISSING,
      `the region ${input.regionCode} has no retirees' medical account credit for ${input.period}`,
    );
  const minimum = book.find<{ maleMonths: number; femaleMonths: number }>('medical.retireeMinimumYears', at);
  return deps.db.transaction().execute(async (trx) => {
    const pensioners = await selectPensionersOfMonth(trx, regionCodePrefix(input.regionCode), input.period);
    const ids = pensioners.map((row) => row.id);
    const [credited, months] = await Promise.all([
      selectRetireeCredited(trx, input.period, ids),
      selectMedicalMonthTotals(trx, ids),
    ]);
    const needed = (sex: 'male' | 'female') =>
      minimum ? (sex === 'male' ? minimum.value.maleMonths : minimum.value.femaleMonths) : 0;
    const due = pensioners.filter((row) => !credited.has(row.id));
    const eligible = due.filter((row) => (months.get(row.id) ?? 0) >= needed(row.sex));
    await insertMedicalAccountEntries(
      trx,
      eligible.map((row) => ({
        personId: row.id,
        regionCode: row.regionCode,
        kind: 'retiree-credit' as const,
        period: input.period,
        medicalFen: credit.value,
        medicalClaimId: null,
      })),
    );
    const amountFen = credit.value * eligible.length;
    const monthEnd = `${input.period}-${String(daysInMonth(periodYear(input.period), periodMonth(input.period))).padStart(2, '0')}`;
    await insertPostings(
      trx,
      postRetireeAccountCredit(
        {
          eventKey: `retiree-credit:${input.regionCode}:${input.period}:${eligible[0]?.id ?? 0}:${eligible.length}`,
          businessDate: monthEnd < today ? monthEnd : today,
          regionCode: input.regionCode,
        },
        amountFen,
      ),
      now.toISOString(),
    );
    return {
      regionCode: input.regionCode,
      period: input.period,
      credited: eligible.length,
      amountFen,
      short: due.length - eligible.length,
    };
  });
}
