import type { FastifyRequest } from 'fastify';
import type { App } from '../app/index.ts';
import { selectPersonRegionCode } from '../modules/registration/index.ts';
import type { Scope } from './access.ts';

/**
 * What a request is about, looked up from the ids it names, for the access check (http/access.ts).
 * A record that does not exist has no owner: the check refuses persons and employers (so they learn
 * nothing), and staff reach the handler, which answers 404.
 */

export async function employerScope(app: App, employerId: number): Promise<Scope> {
  const employer = await app.registration.getEmployer(employerId).catch(() => undefined);
  return employer ? { employerId, regionCode: employer.regionCode } : {};
}

export async function personScope(app: App, personId: number): Promise<Scope> {
  const regionCode = await selectPersonRegionCode(app.database.db, personId);
  return regionCode === undefined ? {} : { personId, regionCode };
}

/** A payer named by credit code or identity number. */
export async function payerCodeScope(app: App, code: string): Promise<Scope> {
  const text = code.trim().toUpperCase();
  if (text.length === 18) {
    const employer = await app.registration.findEmployerByCreditCode(text).catch(() => undefined);
    if (employer) return { employerId: employer.id, regionCode: employer.regionCode };
  }
  const person = await app.registration.findPersonByIdNumber(text).catch(() => undefined);
  return person ? { personId: person.id, regionCode: person.regionCode } : {};
}

/** A payer key 'E<employer id>' or 'P<person id>'. */
export async function payerKeyScope(app: App, payerKey: string): Promise<Scope> {
  const id = Number(payerKey.slice(1));
  if (!Number.isSafeInteger(id) || id <= 0) return {};
  if (payerKey.startsWith('E')) return employerScope(app, id);
  if (payerKey.startsWith('P')) return personScope(app, id);
  return {};
}

/*
 * The resolvers routes hand to `accessTo` (http/access-rules.ts): each reads one place of the validated
 * request, so the shape of what it reads is written once, here, rather than cast in every route.
 */
type Resolver = (request: FastifyRequest) => Scope | Promise<Scope>;
const fieldOf = (source: unknown, name: string): unknown => (source as Record<string, unknown>)[name];

/** The person named by the path's `:personId`. */
export const personInParams =
  (app: App): Resolver =>
  (request) =>
    personScope(app, fieldOf(request.params, 'personId') as number);

/** The employer named by the path's `:employerId`. */
export const employerInParams =
  (app: App): Resolver =>
  (request) =>
    employerScope(app, fieldOf(request.params, 'employerId') as number);

/** The region named by the body's `regionCode`. */
export const regionInBody: Resolver = (request) => ({
  regionCode: fieldOf(request.body, 'regionCode') as string,
});

/** The region named by the query's `regionCode`. */
export const regionInQuery: Resolver = (request) => ({
  regionCode: fieldOf(request.query, 'regionCode') as string,
});

/** The region named by the path's `:regionCode`. */
export const regionInParams: Resolver = (request) => ({
  regionCode: fieldOf(request.params, 'regionCode') as string,
});

/** The payer named by the body's `payerCode` (credit code or identity number). */
export const payerCodeInBody =
  (app: App): Resolver =>
  (request) =>
    payerCodeScope(app, fieldOf(request.body, 'payerCode') as string);

/** A list's payer in the query: `employerId`, else `personId`, else (for staff) `regionCode`. */
export const payerInQuery =
  (app: App): Resolver =>
  (request) => {
    const employerId = fieldOf(request.query, 'employerId') as number | undefined;
    if (employerId !== undefined) return employerScope(app, employerId);
    const personId = fieldOf(request.query, 'personId') as number | undefined;
    if (personId !== undefined) return personScope(app, personId);
    const regionCode = fieldOf(request.query, 'regionCode') as string | undefined;
    return regionCode === undefined ? {} : { regionCode };
  };

/** A designated institution: its own accounts, or staff covering its region (docs/RULES.md 16.1). */
export async function institutionScope(app: App, institutionId: number): Promise<Scope> {
  const regionCode = await app.medical.institutionRegion(institutionId);
  return regionCode === undefined ? {} : { institutionId, regionCode };
}

/** The institution named by the path's `:institutionId`. */
export const institutionInParams =
  (app: App): Resolver =>
  (request) =>
    institutionScope(app, fieldOf(request.params, 'institutionId') as number);

/** The institution named by the body's `institutionId` (a claim settled). */
export const institutionInBody =
  (app: App): Resolver =>
  (request) =>
    institutionScope(app, fieldOf(request.body, 'institutionId') as number);

/** The institution named by the query's `institutionId` (a list of its claims). */
export const institutionInQuery =
  (app: App): Resolver =>
  (request) =>
    institutionScope(app, fieldOf(request.query, 'institutionId') as number);

/** The institution of the claim named by the path's `:claimNo`. */
export const claimInParams =
  (app: App): Resolver =>
  async (request) => {
    const institutionId = await app.medical.institutionOfClaim(fieldOf(request.params, 'claimNo') as string);
    return institutionId === undefined ? {} : institutionScope(app, institutionId);
  };
