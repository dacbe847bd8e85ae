import {
  readDeferralRequest,
  recordDeferral,
  type ApproveDeferralInput,
  type Deferral,
  type DeferralDeps,
} from '../modules/deferrals/index.ts';
import { resolvePayer } from '../modules/payers/index.ts';

/**
 * A late-fee deferral approved for force majeure (SIL Art. 60; docs/ARCHITECTURE.md, "Workflows"):
 * 1. check: deferrals reads the request (dates in order);
 * 2. in one transaction: payers finds the payer the code names, and deferrals records the deferral unless
 *    it overlaps another of the payer's (the very same one again returns the first record).
 */
export async function approveDeferral(deps: DeferralDeps, input: ApproveDeferralInput): Promise<Deferral> {
  const request = readDeferralRequest(input);
  const recordedAt = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const payer = await resolvePayer(trx, request.payerCode, 'payerCode');
    return recordDeferral(trx, payer.payerKey, request, recordedAt);
  });
}
