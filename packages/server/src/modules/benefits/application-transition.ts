import { chinaDateOf } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { ApplicationEventKind, ApplicationState, Database } from '../../db/index.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { insertEvent, updateApplicationState, type ApplicationRow } from './applications.repository.ts';
import type { Actor, BenefitsDeps } from './benefits-deps.ts';
import { requireApplication } from './read-application.ts';
import { tellApplicant } from './tell-applicant.ts';

export interface Transition {
  from: readonly ApplicationState[];
  to: ApplicationState;
  event: ApplicationEventKind;
  note?: string | null;
  decision?: Pick<ApplicationRow, 'decision' | 'decision_reasons'>;
  approvalId?: number;
}

/**
 * Moves an application to its next state and records the event, in one transaction (the caller's, when it
 * gives one: an approval applies its change in its own). Refused, with nothing written, when the application
 * is not in a state the move starts from, also when another officer moved it a moment before.
 */
export async function moveApplication(
  deps: BenefitsDeps,
  id: number,
  transition: Transition,
  actor: Actor,
  trx?: Kysely<Database>,
): Promise<void> {
  const row = await requireApplication({ ...deps, db: trx ?? deps.db }, id);
  const refuse = () =>
    new AppError(
      ErrorCode.CONFLICT,
      `application ${row.application_no} is ${row.state}: it cannot be ${transition.event} now`,
      {
        field: 'applicationId',
        detailCode: 'application-state',
      },
    );
  if (!transition.from.includes(row.state)) throw refuse();
  const today = chinaDateOf(deps.clock.now());
  const recordedAt = deps.clock.now().toISOString();
  const work = async (db: Kysely<Database>) => {
    const moved = await updateApplicationState(db, id, transition.from, {
      state: transition.to,
      ...(transition.decision ? { ...transition.decision, decided_on: today } : {}),
      ...(transition.approvalId === undefined ? {} : { approval_id: transition.approvalId }),
      updated_at: recordedAt,
    });
    if (!moved) throw refuse();
    await insertEvent(db, {
      application_id: id,
      kind: transition.event,
      on_date: today,
      by_login: actor.login,
      note: transition.note ?? null,
      recorded_at: recordedAt,
    });
    await tellApplicant(
      db,
      row,
      transition.event,
      transition.decision?.decision ?? null,
      transition.note ?? null,
      recordedAt,
    );
  };
  if (trx) await work(trx);
  else await deps.db.transaction().execute(work);
}
