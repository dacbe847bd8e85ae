import { dateToPeriod, rangesOverlap } from '@shebao/domain';
import type { BaseFileTemplateRow } from './base-file.ts';
import type { RegistrationContext } from './context.ts';
import { employerContributionYear } from './employer-contribution-year.ts';
import {
  selectEmploymentsOfEmployer,
  selectLatestBasesOfEmployer,
  selectPersonsByIds,
} from './registration.repository.ts';

/**
 * What the employer's file should hold for a contribution year: everyone employed at some time in it,
 * in order of hiring, with the latest base already declared (empty where none is).
 */
export async function baseFileTemplate(
  context: RegistrationContext,
  employerId: number,
  cycleStart: string,
): Promise<BaseFileTemplateRow[]> {
  const cycle = await employerContributionYear(context, employerId, cycleStart);
  const employments = (await selectEmploymentsOfEmployer(context.db, employerId)).filter((employment) =>
    rangesOverlap(
      {
        from: dateToPeriod(employment.hiredOn),
        to: employment.leftOn === null ? null : dateToPeriod(employment.leftOn),
      },
      { from: cycle.start, to: cycle.end },
    ),
  );
  const personIds = [...new Set(employments.map((employment) => employment.personId))];
  const persons = new Map((await selectPersonsByIds(context.db, personIds)).map((p) => [p.id, p]));
  const bases = new Map(
    (await selectLatestBasesOfEmployer(context.db, employerId, cycle.start)).map((b) => [b.personId, b]),
  );
  return personIds.map((personId) => {
    const person = persons.get(personId)!;
    return {
      personId,
      idNumber: person.idNumber,
      name: person.name,
      declaredFen: bases.get(personId)?.declaredFen ?? null,
    };
  });
}
