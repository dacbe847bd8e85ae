import { parseInput, type RegistrationContext } from './context.ts';
import { conflict, invalidField } from './failures.ts';
import type { FlexibleEnrolment } from './records.ts';
import { closeEnrolment, selectEnrolmentsOfPerson } from './registration.repository.ts';
import { personField, resolvePerson } from './resolve-refs.ts';
import { stopFlexibleInput, type StopFlexibleInput } from './registration.schemas.ts';

/** A flexible worker stops paying after `endPeriod` (the last month paid); resuming is a new enrolment. */
export async function stopFlexible(
  context: RegistrationContext,
  input: StopFlexibleInput,
): Promise<FlexibleEnrolment> {
  const request = parseInput(stopFlexibleInput, input);
  return context.db.transaction().execute(async (trx) => {
    const person = await resolvePerson(trx, request);
    const open = (await selectEnrolmentsOfPerson(trx, person.id)).find((row) => row.endPeriod === null);
    if (!open) throw conflict(personField(request), 'the person has no open flexible enrolment to stop');
    if (request.endPeriod < open.startPeriod) {
      throw invalidField(
        'endPeriod',
        `${request.endPeriod} is before the enrolment started, ${open.startPeriod}`,
      );
    }
    if ((await closeEnrolment(trx, open.id, request.endPeriod)) === 0) {
      throw conflict(personField(request), 'the enrolment was stopped by another request just now');
    }
    return { ...open, endPeriod: request.endPeriod };
  });
}
