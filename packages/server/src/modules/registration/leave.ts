import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { parseInput, stampNow, type RegistrationContext } from './context.ts';
import { refuseFutureDate, REGISTRATION_AHEAD_DAYS } from '../../shared/business-date.ts';
import { conflict, invalidField, notFound } from './failures.ts';
import type { Employment } from './records.ts';
import {
  closeEmployment,
  selectEmploymentById,
  selectEmploymentsOfPerson,
} from './registration.repository.ts';
import { personField, resolveEmployer, resolvePerson } from './resolve-refs.ts';
import { leaveInput, type LeaveInput } from './registration.schemas.ts';

/** 减员: an employee leaves. `leftOn` is the last day employed. */
export async function leave(context: RegistrationContext, input: LeaveInput): Promise<Employment> {
  const request = parseInput(leaveInput, input);
  // A leave is recorded up to a quarter ahead of the last day, no further (docs/RULES.md 10.4).
  refuseFutureDate(request.leftOn, stampNow(context).today, 'leftOn', { allowDays: REGISTRATION_AHEAD_DAYS });

  const work = async (trx: Kysely<Database>): Promise<Employment> => {
    let employment: Employment | undefined;
    let field: string;
    if (request.employmentId !== undefined) {
      field = 'employmentId';
      employment = await selectEmploymentById(trx, request.employmentId);
      if (!employment) throw notFound(field, `no employment has id ${request.employmentId}`);
      // An employer or person named beside the id must be the employment's own: access is granted
      // for the employer named, so an employment elsewhere is as unknown as a missing one.
      const employerNamed = request.employerId !== undefined || request.creditCode !== undefined;
      const personNamed = request.personId !== undefined || request.idNumber !== undefined;
      if (
        (employerNamed && (await resolveEmployer(trx, request)).id !== employment.employerId) ||
        (personNamed && (await resolvePerson(trx, request)).id !== employment.personId)
      ) {
        throw notFound(field, `no employment has id ${request.employmentId}`);
      }
    } else {
      const employer = await resolveEmployer(trx, request);
      const person = await resolvePerson(trx, request);
      field = personField(request);
      const employments = await selectEmploymentsOfPerson(trx, person.id, employer.id);
      if (employments.length === 0)
        throw notFound(field, 'the person has never been employed by this employer');
      employment = employments.find((row) => row.leftOn === null) ?? employments.at(-1)!;
    }
    if (employment.leftOn !== null) {
      throw conflict(
        field,
        `the employment from ${employment.hiredOn} already ended on ${employment.leftOn}`,
      );
    }
    if (request.leftOn < employment.hiredOn) {
      throw invalidField('leftOn', `${request.leftOn} is before the hire date, ${employment.hiredOn}`);
    }
    const reportedOn = stampNow(context).today;
    if ((await closeEmployment(trx, employment.id, request.leftOn, request.reason, reportedOn)) === 0) {
      throw conflict(field, 'the employment was ended by another request just now');
    }
    return {
      ...employment,
      leftOn: request.leftOn,
      leaveReason: request.reason,
      leaveReportedOn: reportedOn,
    };
  };
  // Joins the caller's transaction (a granted correction of the record applies inside the approval's).
  return context.db.isTransaction ? work(context.db) : context.db.transaction().execute(work);
}
