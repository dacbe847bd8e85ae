import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { moveApplication } from './application-transition.ts';
import type { Actor, BenefitsDeps } from './benefits-deps.ts';

/** Records that an award was proposed for approval: the application waits for the second person. */
export function markAwardProposed(
  deps: BenefitsDeps,
  applicationId: number,
  approvalId: number,
  actor: Actor,
): Promise<void> {
  return moveApplication(
    deps,
    applicationId,
    { from: ['under-review'], to: 'proposed', event: 'decision-proposed', approvalId },
    actor,
  );
}

/**
 * A rejected proposal sends the application back to review, the clock still running; inside the
 * rejection's transaction.
 */
export function returnToReview(
  deps: BenefitsDeps,
  applicationId: number,
  actor: Actor,
  trx: Kysely<Database>,
): Promise<void> {
  return moveApplication(
    deps,
    applicationId,
    { from: ['proposed'], to: 'under-review', event: 'proposal-rejected' },
    actor,
    trx,
  );
}
