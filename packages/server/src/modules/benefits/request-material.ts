import type { Actor, BenefitsDeps } from './benefits-deps.ts';
import { moveApplication } from './application-transition.ts';
import { getApplication } from './read-application.ts';
import type { ApplicationView } from './applications.schemas.ts';

/** Asks the applicant for missing material: the clock stops until it arrives (docs/RULES.md 14.1). */
export async function requestMaterial(
  deps: BenefitsDeps,
  applicationId: number,
  note: string,
  actor: Actor,
): Promise<ApplicationView> {
  await moveApplication(
    deps,
    applicationId,
    { from: ['under-review'], to: 'awaiting-material', event: 'material-requested', note },
    actor,
  );
  return getApplication(deps, applicationId);
}

/** Records that the material asked for has come: the clock runs again from today. */
export async function recordMaterialReceived(
  deps: BenefitsDeps,
  applicationId: number,
  note: string,
  actor: Actor,
): Promise<ApplicationView> {
  await moveApplication(
    deps,
    applicationId,
    { from: ['awaiting-material'], to: 'under-review', event: 'material-received', note },
    actor,
  );
  return getApplication(deps, applicationId);
}
