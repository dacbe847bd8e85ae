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

/** A rejected proposal sends the application back to review, the clock still running. */
export function returnToReview(deps: BenefitsDeps, applicationId: number, actor: Actor): Promise<void> {
  return moveApplication(
    deps,
    applicationId,
    {
      from: ['proposed'],
      to: 'under-review',
      event: 'decision-proposed',
      note: 'the proposed award was rejected',
    },
    actor,
  );
}
