import type { FastifyRequest } from 'fastify';
import type { App } from '../../app/index.ts';
import type { Scope } from '../../http/access.ts';
import { employerScope, payerCodeScope, personScope } from '../../http/scopes.ts';

/** What a registration body may name: an employer and a person, each by id or by code, or an employment. */
export interface NamedInBody {
  employerId?: number;
  creditCode?: string;
  personId?: number;
  idNumber?: string;
  employmentId?: number;
}

/** The employer and person a registration body names, by id or by code. */
export async function scopeOfBody(app: App, body: NamedInBody): Promise<Scope> {
  const ofEmployer =
    typeof body.employerId === 'number'
      ? await employerScope(app, body.employerId)
      : typeof body.creditCode === 'string'
        ? await payerCodeScope(app, body.creditCode)
        : {};
  const ofPerson =
    typeof body.personId === 'number'
      ? await personScope(app, body.personId)
      : typeof body.idNumber === 'string'
        ? await payerCodeScope(app, body.idNumber)
        : {};
  // The employer is what an employer user acts for; staff are checked against its region.
  if (ofEmployer.employerId !== undefined) return ofEmployer;
  // A leave may name only the employment: it is about that employment's employer.
  if (ofPerson.personId === undefined && typeof body.employmentId === 'number') {
    const employment = await app.registration.findEmployment(body.employmentId);
    if (employment) return employerScope(app, employment.employerId);
  }
  return ofPerson;
}

/**
 * The resolver `accessTo` takes for a hire, leave, base, declaration or flexible enrolment: the employer
 * the validated body names, else its person. Every such body is one of the NamedInBody shapes.
 */
export const employerOrPersonInBody =
  (app: App) =>
  (request: FastifyRequest): Promise<Scope> =>
    scopeOfBody(app, request.body as NamedInBody);
