import {
  chinaDateOf,
  dateToPeriod,
  postMedicalClaim,
  reversePosting,
  type MedicalLedger,
} from '@shebao/domain';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { insertMedicalAccountEntries } from '../accounts/index.ts';
import { insertPostings } from '../ledger/index.ts';
import { claimViews } from './claim-views.ts';
import type { ClaimView } from './claims.schemas.ts';
import { insertCancellation, selectCancellations, selectClaimByNo } from './claims.repository.ts';
import type { MedicalDeps } from './medical-deps.ts';
import { lockYearTotals, personYearKey, writeYearTotals } from './year-totals.repository.ts';

/**
 * Cancels a settled claim (the patient's refund at the institution; docs/RULES.md 16.3) in one
 * transaction: the claim's share of the year's deductible and pool goes back to the person's totals, the
 * account's share back to the account it came from, and the claim's posting is reversed. The same
 * cancellation again changes nothing and answers as the first did. An institution's account may cancel
 * only its own claims (`institutionId`).
 */
export async function cancelClaim(
  deps: MedicalDeps,
  claimNo: string,
  reason: string,
  by: { loginKey: string; institutionId: number | null },
): Promise<{ claim: ClaimView; replayed: boolean }> {
  const now = deps.clock.now();
  const today = chinaDateOf(now);
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const claim = await selectClaimByNo(trx, claimNo);
    if (!claim || (by.institutionId !== null && Number(claim.institution_id) !== by.institutionId))
      throw new AppError(ErrorCode.NOT_FOUND, `claimNo: no claim ${claimNo}`, { field: 'claimNo' });
    const id = Number(claim.id);
    const year = Number(claim.visit_date.slice(0, 4));
    const personId = Number(claim.person_id);
    const holderId = claim.account_person_id === null ? null : Number(claim.account_person_id);
    const years = await lockYearTotals(trx, [
      { personId, year },
      ...(holderId === null ? [] : [{ personId: holderId, year }]),
    ]);
    const [earlier] = await selectCancellations(trx, [id]);
    if (earlier) return { id, replayed: true };

    const totals = years.get(personYearKey(personId, year))!;
    if (claim.line === 'outpatient' || claim.line === 'inpatient' || claim.line === 'chronic') {
      totals.totals.deductibleUsedFen[claim.line] -= Number(claim.deductible_fen);
      totals.totals.pooledFen[claim.line] -= Number(claim.pooled_fen);
    }
    totals.claims -= 1;
    await writeYearTotals(trx, [totals]);
    await insertCancellation(trx, {
      claim_id: id,
      cancelled_on: today,
      reason,
      recorded_by: by.loginKey,
      recorded_at: now.toISOString(),
    });
    if (holderId !== null && Number(claim.account_fen) > 0)
      await insertMedicalAccountEntries(trx, [
        {
          personId: holderId,
          regionCode: claim.region_code,
          kind: 'medical-refund',
          period: dateToPeriod(today),
          medicalFen: Number(claim.account_fen),
          medicalClaimId: id,
        },
      ]);
    const [original] = postMedicalClaim(
      {
        eventKey: `medical-claim:${claim.claim_no}`,
        businessDate: claim.settled_on,
        regionCode: claim.region_code,
      },
      claim.ledger as MedicalLedger,
      { pooledFen: Number(claim.pooled_fen), accountFen: Number(claim.account_fen) },
    );
    if (original)
      await insertPostings(
        trx,
        [
          reversePosting(original, {
            eventKey: `medical-claim-cancelled:${claim.claim_no}`,
            businessDate: today,
            regionCode: claim.region_code,
          }),
        ],
        now.toISOString(),
      );
    return { id, replayed: false };
  });
  const views = await claimViews(deps.db, [outcome.id]);
  return { claim: views.get(outcome.id)!, replayed: outcome.replayed };
}
