import { chinaDateOf } from '@shebao/domain';
import {
  assessMonth,
  closeRun,
  type CollectionDeps,
  type CollectionRunResult,
  type RunCollectionInput,
} from '../modules/collection/index.ts';
import { applyHeldCredits } from '../modules/payments/index.ts';
import { settleEstimates } from './settle-estimates.ts';

/**
 * The month's run of a region (docs/ARCHITECTURE.md, "Workflows"):
 * 1. assess: collection bills every employer and flexible worker for the month (estimates for employers
 *    that have not declared it, SIL Art. 62), chunk by chunk, resuming an unfinished run;
 * 2. settle estimates: months declared since they were estimated are settled (workflows/settle-estimates.ts);
 * 3. apply held credits: payments sets the credits payers hold against the new bills, in one transaction;
 * 4. close the run.
 */
export async function runCollection(
  deps: CollectionDeps,
  input: RunCollectionInput,
): Promise<CollectionRunResult> {
  const result = await assessMonth(deps, input);
  await settleEstimates(deps, { regionCode: result.regionCode });
  await deps.db
    .transaction()
    .execute((trx) =>
      applyHeldCredits(
        trx,
        { regionCode: result.regionCode },
        chinaDateOf(deps.clock.now()),
        deps.clock.now().toISOString(),
      ),
    );
  await closeRun(deps, result);
  return result;
}
