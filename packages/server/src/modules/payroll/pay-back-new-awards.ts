import { addMonths, periodToIndex, splitMonth } from '@shebao/domain';
import type { Insertable } from 'kysely';
import type { PaymentAdjustmentsTable } from '../../db/index.ts';
import { insertAdjustments } from './adjustments.repository.ts';
import { insertWithheldLines } from './lines.repository.ts';
import type { PayrollDeps } from './payroll-deps.ts';
import { clearBackPay, selectRollsAwaitingBackPay } from './roll.repository.ts';

/**
 * An award decided after its first months (a pension from the retirement month, approved weeks later) is
 * owed those months: the run of `period` pays each month from the award's first owed month up to the one
 * before it as arrears netted into this month's line, split between the account and the pooling fund as
 * each month would have been (docs/RULES.md 14.14, 14.15); months beyond the last verified one are written
 * withheld, to be paid back once verified. One transaction; the roll forgets the months once scheduled, so
 * a re-run pays them once.
 */
export async function payBackNewAwards(
  deps: PayrollDeps,
  run: { runId: number; regionPrefix: string; period: string },
): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const rolls = await selectRollsAwaitingBackPay(trx, run.regionPrefix, run.period);
    if (rolls.length === 0) return 0;
    const now = deps.clock.now().toISOString();
    const items: Insertable<PaymentAdjustmentsTable>[] = [];
    const withheld: { rollId: number; period: string; dueFen: number }[] = [];
    for (const roll of rolls) {
      for (let month = roll.back_pay_from!; month < run.period; month = addMonths(month, 1)) {
        if (roll.stopped_after !== null && month > roll.stopped_after) break;
        const dueFen = Number(month >= roll.monthly_from ? roll.monthly_fen : roll.prior_monthly_fen);
        if (month > roll.verified_through) {
          withheld.push({ rollId: Number(roll.id), period: month, dueFen });
          continue;
        }
        const split = splitMonth({
          monthlyFen: dueFen,
          accountPartFen: Number(roll.account_part_fen),
          balanceFen: Number(roll.account_balance_fen),
          monthsBefore: periodToIndex(month) - roll.first_month_index,
        });
        items.push({
          roll_id: Number(roll.id),
          for_period: month,
          pooled_fen: split.pooledFen,
          account_fen: split.accountFen,
          reason: 'back-pay',
          note: `${month}: owed from the award's first month, decided after it`,
          source_key: `back-pay:${roll.id}`,
          recorded_at: now,
        });
      }
    }
    await insertAdjustments(trx, items);
    await insertWithheldLines(trx, run.runId, withheld);
    await clearBackPay(
      trx,
      rolls.map((roll) => Number(roll.id)),
    );
    return items.length;
  });
}
