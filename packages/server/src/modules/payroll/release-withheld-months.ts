import { periodToIndex, splitMonth } from '@shebao/domain';
import { insertAdjustments, selectReleasableLines } from './adjustments.repository.ts';
import { updateLineState } from './lines.repository.ts';
import type { PayrollDeps } from './payroll-deps.ts';

/**
 * Months withheld while survival was not verified are paid back once a verification allows them
 * (docs/RULES.md 14.6, 14.14): each becomes arrears for its own month, split between the account and the
 * pooling fund as that month would have been, and the withheld line is marked released, in one
 * transaction, so the same month is never paid back twice.
 */
export async function releaseWithheldMonths(deps: PayrollDeps, regionPrefix: string): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const lines = await selectReleasableLines(trx, regionPrefix);
    if (lines.length === 0) return 0;
    const now = deps.clock.now().toISOString();
    await insertAdjustments(
      trx,
      lines.map((line) => {
        const split = splitMonth({
          monthlyFen: Number(line.due_fen),
          accountPartFen: Number(line.account_part_fen),
          balanceFen: Number(line.account_balance_fen),
          monthsBefore: periodToIndex(line.period) - Number(line.first_month_index),
        });
        return {
          roll_id: Number(line.roll_id),
          for_period: line.period,
          pooled_fen: split.pooledFen,
          account_fen: split.accountFen,
          reason: 'withheld-month-released',
          note: `${line.period} withheld until survival was verified`,
          source_key: `release:${line.id}`,
          recorded_at: now,
        };
      }),
    );
    return updateLineState(
      trx,
      lines.map((line) => Number(line.id)),
      'released',
      ['withheld'],
    );
  });
}
