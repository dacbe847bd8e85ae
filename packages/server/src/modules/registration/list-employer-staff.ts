import { maskResidentId } from '@shebao/domain';
import type { RegistrationContext } from './context.ts';
import { notFound } from './failures.ts';
import type { Employment } from './records.ts';
import {
  selectEmployerById,
  selectEmploymentsOfEmployer,
  selectPersonsByIds,
} from './registration.repository.ts';

/** An employment as an employer's staff list shows it: who, by name and masked identity number. */
export type StaffEmployment = Employment & { name: string; idNumberMasked: string };

/**
 * An employer's employments (or only those that include `activeOn`), in order of hiring, each with the
 * person's name and identity number masked (docs/RULES.md 9.5). NOT_FOUND when there is no such employer.
 */
export async function listEmployerStaff(
  context: Pick<RegistrationContext, 'db'>,
  employerId: number,
  options: { activeOn?: string } = {},
): Promise<StaffEmployment[]> {
  const employer = await selectEmployerById(context.db, employerId);
  if (!employer) throw notFound('employerId', `no employer has id ${employerId}`);
  const employments = await selectEmploymentsOfEmployer(context.db, employerId, options.activeOn);
  const persons = new Map(
    (await selectPersonsByIds(context.db, [...new Set(employments.map((item) => item.personId))])).map(
      (person) => [person.id, person],
    ),
  );
  return employments.map((item) => {
    const who = persons.get(item.personId);
    if (!who) throw notFound('personId', `no person has id ${item.personId}`);
    return { ...item, name: who.name, idNumberMasked: maskResidentId(who.idNumber) };
  });
}
