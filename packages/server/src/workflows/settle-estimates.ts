import { chinaDateOf } from '@shebao/domain';
import {
  findEstimatesToSettle,
  settleEstimate,
  type CollectionDeps,
  type SettlementResult,
} from '../modules/collection/index.ts';
import { applyHeldCredits } from '../modules/payments/index.ts';

/**
 * Settling the estimated months (SIL Art. 62) that employers have declared since (docs/ARCHITECTURE.md,
 * "Workflows"). For each such month, in one transaction:
 * 1. settle: collection bills the month's real lines and takes the estimate back with a credit;
 * 2. apply held credits: payments sets the employer's credits against its oldest open bills, fund by fund,
 *    which is how an estimate already paid pays the real month, and an unpaid one disappears.
 * Months already settled are not found again, so re-running changes nothing.
 */
export async function settleEstimates(
  deps: CollectionDeps,
  input: { regionCode: string; employerId?: number },
): Promise<SettlementResult> {
  const estimates = await findEstimatesToSettle(deps, input);
  const book = await deps.policy.loadBook();
  const result: SettlementResult = { settlements: [] };
  for (const estimate of estimates) {
    await deps.db.transaction().execute(async (trx) => {
      const recordedAt = deps.clock.now().toISOString();
      const settlement = await settleEstimate(trx, book, estimate, recordedAt);
      await applyHeldCredits(
        trx,
        { payerKeys: [settlement.payerKey] },
        chinaDateOf(deps.clock.now()),
        recordedAt,
      );
      result.settlements.push(settlement);
    });
  }
  return result;
}
