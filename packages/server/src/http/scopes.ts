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
