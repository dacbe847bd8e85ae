import { validateResidentId } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { notFound } from './failures.ts';
import type { Employer, Person } from './records.ts';
import {
  selectEmployerByCreditCode,
  selectEmployerById,
  selectPersonById,
  selectPersonByIdNumber,
} from './registration.repository.ts';
import type { EmployerRef, PersonRef } from './registration.schemas.ts';

/**
 * The stored form of an identity number as typed: trimmed, upper-case, and a 15-digit legacy number
 * converted to 18 digits, so it finds the person whichever form was registered.
 */
export function canonicalIdNumber(text: string): string {
  const result = validateResidentId(text);
  return result.ok ? result.id : canonicalCreditCode(text);
}

/** Identifiers are pasted from spreadsheets and typed in lower case; stored ones are trimmed upper case. */
export function canonicalCreditCode(text: string): string {
  return text.trim().toUpperCase();
}

export async function resolveEmployer(db: Kysely<Database>, ref: EmployerRef): Promise<Employer> {
  if (ref.employerId !== undefined) {
    const employer = await selectEmployerById(db, ref.employerId);
    if (!employer) throw notFound('employerId', `no employer has id ${ref.employerId}`);
    return employer;
  }
  const code = canonicalCreditCode(ref.creditCode ?? '');
  const employer = await selectEmployerByCreditCode(db, code);
  if (!employer) throw notFound('creditCode', `no employer is registered with credit code ${code}`);
  return employer;
}

export async function resolvePerson(db: Kysely<Database>, ref: PersonRef): Promise<Person> {
  if (ref.personId !== undefined) {
    const person = await selectPersonById(db, ref.personId);
    if (!person) throw notFound('personId', `no person has id ${ref.personId}`);
    return person;
  }
  const person = await selectPersonByIdNumber(db, canonicalIdNumber(ref.idNumber ?? ''));
  // The number itself is personal data; the message says only that it is unknown.
  if (!person) throw notFound('idNumber', 'no person is registered with this identity number');
  return person;
}

/** The field a person reference was given by, for refusals about that person. */
export function personField(ref: PersonRef): 'personId' | 'idNumber' {
  return ref.personId !== undefined ? 'personId' : 'idNumber';
}
