import { checkHukouRegion, checkPoolingRegion, validateResidentId, type BusinessDate } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/index.ts';
import { parseInput, stampNow, type RegistrationContext } from './context.ts';
import { conflict, invalidField, isUniqueViolation } from './failures.ts';
import type { Person } from './records.ts';
import { insertPerson, selectPersonByIdNumber } from './registration.repository.ts';
import { registerPersonInput, type RegisterPersonInput } from './registration.schemas.ts';

export interface PersonRegistration {
  person: Person;
  /** True when a 15-digit legacy number was given and stored in its 18-digit form. */
  converted: boolean;
}

/** Registers an insured person under their identity number, which is also the social security number (SIL Art. 58). */
export async function registerPerson(
  context: RegistrationContext,
  input: RegisterPersonInput,
): Promise<PersonRegistration> {
  const request = parseInput(registerPersonInput, input);
  const stamp = stampNow(context);
  return context.db.transaction().execute((trx) => insertNewPerson(trx, request, stamp));
}

/**
 * The registration itself, inside the caller's transaction: a hire registers a person not insured yet
 * in the same transaction as the employment. The identity number, the hukou region and the pooling
 * region are checked first; an identity number registered already is a conflict.
 */
export async function insertNewPerson(
  trx: Kysely<Database>,
  request: z.output<typeof registerPersonInput>,
  stamp: { today: BusinessDate; recordedAt: string },
): Promise<PersonRegistration> {
  const identity = validateResidentId(request.idNumber, { today: stamp.today });
  if (!identity.ok) throw invalidField('idNumber', identity.reason);
  const hukouProblem = checkHukouRegion(request.hukouRegionCode);
  if (hukouProblem) throw invalidField('hukouRegionCode', hukouProblem);
  const regionProblem = checkPoolingRegion(request.regionCode);
  if (regionProblem) throw invalidField('regionCode', regionProblem);

  // The message leaves the number out: it is personal data, and the caller has it already.
  const duplicate = () => conflict('idNumber', 'a person with this identity number is already registered');
  if (await selectPersonByIdNumber(trx, identity.id)) throw duplicate();
  try {
    const person = await insertPerson(trx, {
      id_number: identity.id,
      name: request.name,
      sex: identity.sex,
      birth_date: identity.birthDate,
      hukou_region_code: request.hukouRegionCode,
      hukou_type: request.hukouType,
      category: request.category,
      region_code: request.regionCode,
      registered_on: stamp.today,
      recorded_at: stamp.recordedAt,
    });
    return { person, converted: identity.converted };
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}
