import {
  checkEmployeeRegistration,
  dateToPeriod,
  findContributionCycle,
  rangesOverlap,
  type RegistrationTimeliness,
} from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { createVersionCounter } from './base-versions.ts';
import { parseInput, stampNow, type RegistrationContext } from './context.ts';
import { conflict, invalidField, notFound, ruleViolation, withPolicy } from './failures.ts';
import type { ContributionBase, Employment, Person } from './records.ts';
import {
  insertBase,
  insertEmployment,
  selectEmploymentsOfPerson,
  selectEnrolmentsOfPerson,
  selectMaxBaseVersions,
  selectPersonByIdNumber,
  updatePersonCategory,
} from './registration.repository.ts';
import { insertNewPerson } from './register-person.ts';
import { canonicalIdNumber, personField, resolveEmployer, resolvePerson } from './resolve-refs.ts';
import { hireInput, type HireInput } from './registration.schemas.ts';
import { refuseFutureDate, REGISTRATION_AHEAD_DAYS } from '../../shared/business-date.ts';

export interface HireResult {
  employment: Employment;
  /** Registration within 30 days of hiring (SIL Art. 58); a late one is flagged, not refused. */
  registration: RegistrationTimeliness;
  /** Whether the hire registered the person as insured (they were not registered before). */
  registeredPerson: boolean;
  /** The new hire's first-month base, when a wage was given. */
  base: ContributionBase | null;
}

/** 增员: an employer adds an employee. The employment, the person's category and the first base are one transaction. */
export async function hire(context: RegistrationContext, input: HireInput): Promise<HireResult> {
  const request = parseInput(hireInput, input);
  const { today, recordedAt } = stampNow(context);
  // Registered up to a quarter ahead of the first day, no further (docs/RULES.md 10.4).
  refuseFutureDate(request.hiredOn, today, 'hiredOn', { allowDays: REGISTRATION_AHEAD_DAYS });
  const book = request.monthlyWageFen === undefined ? undefined : await context.loadBook();

  const work = async (trx: Kysely<Database>): Promise<HireResult> => {
    const employer = await resolveEmployer(trx, request);
    const { person, registered } = await resolveOrRegisterPerson(trx, request, employer.regionCode, {
      today,
      recordedAt,
    });
    if (request.hiredOn < employer.establishedOn) {
      throw invalidField(
        'hiredOn',
        `${request.hiredOn} is before the employer was established, ${employer.establishedOn}`,
      );
    }
    if (request.hiredOn < person.birthDate) {
      throw invalidField('hiredOn', `${request.hiredOn} is before the person was born`);
    }
    const hiredFrom = { from: request.hiredOn, to: null };
    const clash = (await selectEmploymentsOfPerson(trx, person.id, employer.id)).find((employment) =>
      rangesOverlap(hiredFrom, { from: employment.hiredOn, to: employment.leftOn }),
    );
    if (clash) {
      const until = clash.leftOn === null ? 'and has not left' : `until ${clash.leftOn}`;
      throw conflict('hiredOn', `the person is employed by this employer from ${clash.hiredOn} ${until}`);
    }
    // Pension insurance is held once: a flexible enrolment must end before employment starts.
    const hireMonth = dateToPeriod(request.hiredOn);
    const enrolment = (await selectEnrolmentsOfPerson(trx, person.id)).find((row) =>
      rangesOverlap({ from: hireMonth, to: null }, { from: row.startPeriod, to: row.endPeriod }),
    );
    if (enrolment) {
      throw ruleViolation(
        personField(request),
        `the person is enrolled as a flexible worker from ${enrolment.startPeriod}` +
          `${enrolment.endPeriod ? ` to ${enrolment.endPeriod}` : ''}; stop the enrolment before ${hireMonth} first`,
      );
    }

    const employment = await insertEmployment(trx, {
      person_id: person.id,
      employer_id: employer.id,
      region_code: employer.regionCode,
      hired_on: request.hiredOn,
      hire_reason: request.reason,
      left_on: null,
      leave_reason: null,
      registered_on: today,
      recorded_at: recordedAt,
    });
    if (person.category !== 'employee') await updatePersonCategory(trx, person.id, 'employee');

    let base: ContributionBase | null = null;
    if (request.monthlyWageFen !== undefined && book) {
      const cycle = withPolicy('hiredOn', () => findContributionCycle(book, employer.regionCode, hireMonth));
      const versions = createVersionCounter(await selectMaxBaseVersions(trx, [person.id]));
      base = await insertBase(trx, {
        person_id: person.id,
        employer_id: employer.id,
        region_code: employer.regionCode,
        cycle_start: cycle.start,
        declared_fen: request.monthlyWageFen,
        source: 'new_hire',
        version: versions.next(person.id, employer.id, cycle.start),
        declared_on: today,
        recorded_at: recordedAt,
      });
    }
    return {
      employment,
      registeredPerson: registered,
      registration: checkEmployeeRegistration(employment.hiredOn, employment.registeredOn),
      base,
    };
  };
  // Joins the caller's transaction (a granted correction of the record applies inside the approval's).
  return context.db.isTransaction ? work(context.db) : context.db.transaction().execute(work);
}

type HireRequest = ReturnType<typeof hireInput.parse>;

/**
 * The person a hire names. An employer hiring someone not insured yet registers them with the hire
 * (SIL Art. 58), given their name and hukou; a name that differs from the register's is refused, as a
 * mistyped identity number would otherwise add a stranger to the staff.
 */
async function resolveOrRegisterPerson(
  trx: Kysely<Database>,
  request: HireRequest,
  regionCode: string,
  stamp: { today: string; recordedAt: string },
): Promise<{ person: Person; registered: boolean }> {
  const known =
    request.idNumber === undefined
      ? await resolvePerson(trx, request)
      : await selectPersonByIdNumber(trx, canonicalIdNumber(request.idNumber));
  if (known) {
    if (request.name !== undefined && request.name !== known.name) {
      throw invalidField('name', `does not match the name registered under this ${personField(request)}`);
    }
    return { person: known, registered: false };
  }
  const missing = (['name', 'hukouType', 'hukouRegionCode'] as const).filter(
    (field) => request[field] === undefined,
  );
  if (missing.length > 0) {
    throw notFound(
      'idNumber',
      `no person is registered with this identity number; give ${missing.join(', ')} to register them with the hire`,
    );
  }
  const { person } = await insertNewPerson(
    trx,
    {
      idNumber: request.idNumber!,
      name: request.name!,
      hukouType: request.hukouType!,
      hukouRegionCode: request.hukouRegionCode!,
      category: 'employee',
      regionCode,
    },
    stamp,
  );
  return { person, registered: true };
}
