import {
  checkEmployerRegistration,
  checkPoolingRegion,
  validateCreditCode,
  type RegistrationTimeliness,
} from '@shebao/domain';
import { parseInput, stampNow, type RegistrationContext } from './context.ts';
import { conflict, invalidField, isUniqueViolation, ruleViolation } from './failures.ts';
import type { Employer } from './records.ts';
import { insertEmployer, selectEmployerByCreditCode } from './registration.repository.ts';
import { registerEmployerInput, type RegisterEmployerInput } from './registration.schemas.ts';

export interface EmployerRegistration {
  employer: Employer;
  /** Registration within 30 days of establishment (SIL Art. 57); a late one is recorded, not refused. */
  registration: RegistrationTimeliness;
}

export async function registerEmployer(
  context: RegistrationContext,
  input: RegisterEmployerInput,
): Promise<EmployerRegistration> {
  const request = parseInput(registerEmployerInput, input);
  const { today, recordedAt } = stampNow(context);
  const creditCode = validateCreditCode(request.creditCode);
  if (!creditCode.ok) throw invalidField('creditCode', creditCode.reason);
  const regionProblem = checkPoolingRegion(request.regionCode);
  if (regionProblem) throw invalidField('regionCode', regionProblem);
  if (request.establishedOn > today) {
    throw invalidField('establishedOn', `${request.establishedOn} is after today, ${today}`);
  }
  // RSB-2015-71: class 1 (the lowest risk) may float up only.
  if (request.industryClass === 1 && request.injuryFloatPpm < 1_000_000) {
    throw ruleViolation(
      'injuryFloatPpm',
      'industry class 1 may float up only, so the float must be at least 100%',
    );
  }

  const employer = await context.db.transaction().execute(async (trx) => {
    if (await selectEmployerByCreditCode(trx, creditCode.code)) {
      throw conflict('creditCode', `an employer with credit code ${creditCode.code} is already registered`);
    }
    try {
      return await insertEmployer(trx, {
        credit_code: creditCode.code,
        name: request.name,
        region_code: request.regionCode,
        industry_class: request.industryClass,
        injury_float_ppm: request.injuryFloatPpm,
        bank_account: request.bankAccount ?? null,
        contact_name: request.contactName ?? null,
        contact_phone: request.contactPhone ?? null,
        established_on: request.establishedOn,
        registered_on: today,
        recorded_at: recordedAt,
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw conflict('creditCode', `an employer with credit code ${creditCode.code} is already registered`);
      }
      throw error;
    }
  });
  return { employer, registration: checkEmployerRegistration(employer.establishedOn, employer.registeredOn) };
}
