import {
  planReassessment,
  reassessPeriod,
  type CollectionDeps,
  type ReassessInput,
  type ReassessResult,
} from '../modules/collection/index.ts';
import { applyHeldCredits } from '../modules/payments/index.ts';

/**
 * Reassessing months already billed after a retroactive change (a late hire, a corrected base, a parameter
 * published late; docs/ARCHITECTURE.md, "Workflows"):
 * 1. plan: collection checks the region, the months and the employer;
 * 2. for each month, in one transaction: collection bills the difference per person as an adjustment bill,
 *    then payments sets a credit found there against what the employer owes at once.
 * Nothing billed is edited, and a second run finds no difference, so re-running changes nothing.
 */
export async function reassessMonths(deps: CollectionDeps, input: ReassessInput): Promise<ReassessResult> {
  const plan = await planReassessment(deps, input);
  const result: ReassessResult = { adjustmentBills: [], personMonthsChanged: 0 };
  for (const period of plan.periods) {
    await deps.db.transaction().execute(async (trx) => {
      const adjusted = await reassessPeriod(trx, deps.clock, plan, period, result);
      if (adjusted.recordedAt === null) return;
      await applyHeldCredits(trx, { payerKeys: adjusted.payerKeys }, plan.today, adjusted.recordedAt);
    });
  }
  return result;
}
