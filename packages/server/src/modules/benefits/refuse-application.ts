import { fromZodError } from '../../errors/index.ts';
import { moveApplication } from './application-transition.ts';
import { refusalInput, type ApplicationView, type DecisionReason } from './applications.schemas.ts';
import type { Actor, BenefitsDeps } from './benefits-deps.ts';
import { getApplication } from './read-application.ts';

/**
 * Refuses an application with its reasons, each with its legal source (docs/RULES.md 14.4). A refusal
 * pays nothing, so it takes no second person; an award does.
 */
export async function refuseApplication(
  deps: BenefitsDeps,
  applicationId: number,
  input: { reasons: DecisionReason[] },
  actor: Actor,
): Promise<ApplicationView> {
  const parsed = refusalInput.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  await moveApplication(
    deps,
    applicationId,
    {
      from: ['under-review', 'awaiting-material'],
      to: 'decided',
      event: 'decided',
      note: parsed.data.reasons.map((reason) => reason.message).join(' '),
      decision: { decision: 'refusal', decision_reasons: JSON.stringify(parsed.data.reasons) },
    },
    actor,
  );
  return getApplication(deps, applicationId);
}

/** The applicant takes the application back while it is still open. */
export async function withdrawApplication(
  deps: BenefitsDeps,
  applicationId: number,
  actor: Actor,
): Promise<ApplicationView> {
  await moveApplication(
    deps,
    applicationId,
    { from: ['under-review', 'awaiting-material'], to: 'withdrawn', event: 'withdrawn' },
    actor,
  );
  return getApplication(deps, applicationId);
}
