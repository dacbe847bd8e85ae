import { validateCreditCode, validateResidentId } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { selectEmployerPayerByCreditCode, selectPersonPayerByIdNumber } from '../registration/index.ts';

export interface Payer {
  payerKey: string;
  kind: 'employer' | 'person';
  id: number;
  name: string;
  regionCode: string;
}

/**
 * Finds who pays from what a person types or a bank statement carries: an employer's unified social
 * credit code or a person's identity number (a flexible worker pays alone).
 */
export async function resolvePayer(db: Kysely<Database>, code: string, field = 'payer'): Promise<Payer> {
  const text = code.trim().toUpperCase();
  if (validateCreditCode(text).ok) {
    const employer = await selectEmployerPayerByCreditCode(db, text);
    if (!employer)
      throw new AppError(ErrorCode.NOT_FOUND, `${field}: no employer with credit code ${text}`, { field });
    return {
      payerKey: `E${employer.id}`,
      kind: 'employer',
      id: employer.id,
      name: employer.name,
      regionCode: employer.region_code,
    };
  }
  const id = validateResidentId(text);
  if (id.ok) {
    const person = await selectPersonPayerByIdNumber(db, id.id);
    if (!person)
      throw new AppError(ErrorCode.NOT_FOUND, `${field}: no insured person with that identity number`, {
        field,
      });
    return {
      payerKey: `P${person.id}`,
      kind: 'person',
      id: person.id,
      name: person.name,
      regionCode: person.region_code,
    };
  }
  throw new AppError(
    ErrorCode.VALIDATION,
    `${field}: "${code}" is neither a credit code nor an identity number`,
    { field },
  );
}
