import { validateCreditCode, validateResidentId } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { selectEmployersByCreditCode, selectPersonsByIdNumber } from '../registration/index.ts';
import { reason, type RowReason } from './row-reasons.ts';

/**
 * The payer behind a code, with the region it is registered in; or why there is none (notFound: the code
 * is well-formed but nobody is registered with it).
 */
export type PayerMatch = { payerKey: string; regionCode: string } | { reason: RowReason; notFound: boolean };

/**
 * Finds the payer behind each code a statement carries, in two queries for the whole file: an employer's
 * unified social credit code, or the identity number of a person who pays alone (a flexible worker).
 * The set-based sibling of resolvePayer (modules/payers), with the same reading of a code.
 */
export async function resolvePayerCodes(
  db: Kysely<Database>,
  codes: readonly string[],
): Promise<Map<string, PayerMatch>> {
  const creditCodes = new Map<string, string>();
  const idNumbers = new Map<string, string>();
  const matches = new Map<string, PayerMatch>();
  for (const code of new Set(codes)) {
    const credit = validateCreditCode(code);
    if (credit.ok) {
      creditCodes.set(code, credit.code);
      continue;
    }
    const resident = validateResidentId(code);
    if (resident.ok) idNumbers.set(code, resident.id);
    else
      matches.set(code, {
        reason: reason('payer-code-unreadable', { code }),
        notFound: false,
      });
  }

  const employers = new Map(
    (await selectEmployersByCreditCode(db, [...creditCodes.values()])).map((row) => [row.credit_code, row]),
  );
  const persons = new Map(
    (await selectPersonsByIdNumber(db, [...idNumbers.values()])).map((row) => [row.id_number, row]),
  );
  for (const [code, creditCode] of creditCodes) {
    const employer = employers.get(creditCode);
    matches.set(
      code,
      employer === undefined
        ? { reason: reason('no-employer', { creditCode }), notFound: true }
        : { payerKey: `E${employer.id}`, regionCode: employer.region_code },
    );
  }
  for (const [code, idNumber] of idNumbers) {
    const person = persons.get(idNumber);
    matches.set(
      code,
      person === undefined
        ? { reason: reason('no-person'), notFound: true }
        : { payerKey: `P${person.id}`, regionCode: person.region_code },
    );
  }
  return matches;
}
