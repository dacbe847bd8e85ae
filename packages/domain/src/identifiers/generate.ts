import { parseBusinessDate, type BusinessDate } from '../time/index.ts';
import { CREDIT_CODE_ALPHABET, computeCreditCodeCheck } from './credit-code.ts';
import { computeOrganisationCodeCheck } from './organisation-code.ts';
import { computeResidentIdCheck } from './resident-id.ts';

/**
 * Builders of valid identifiers for tests and demo data. They are deterministic: the caller supplies
 * every part (a seeded generator, a counter), so the same arguments always give the same identifier.
 */

/** An 18-character resident ID; an odd sequence gives a man, an even one a woman. */
export function makeResidentId(regionCode6: string, birthDate: BusinessDate, sequence3: number): string {
  if (!/^\d{6}$/.test(regionCode6))
    throw new RangeError(`makeResidentId: region "${regionCode6}" is not 6 digits`);
  parseBusinessDate(birthDate, 'makeResidentId: birth date');
  if (!Number.isInteger(sequence3) || sequence3 < 0 || sequence3 > 999) {
    throw new RangeError(`makeResidentId: sequence ${sequence3} is not a whole number from 0 to 999`);
  }
  const body = `${regionCode6}${birthDate.replaceAll('-', '')}${String(sequence3).padStart(3, '0')}`;
  return body + computeResidentIdCheck(body);
}

export interface CreditCodeParts {
  /** Position 1; defaults to "9", market regulation. */
  registrationAuthority?: string;
  /** Position 2; defaults to "1", enterprise. */
  entityCategory?: string;
}

/**
 * An 18-character unified social credit code. The organisation part is either a number (0 to
 * 99 999 999, written as 8 digits) or 8 characters from the credit code alphabet; its GB 11714 check
 * and the final check character are computed.
 */
export function makeCreditCode(
  regionCode6: string,
  organisation: number | string,
  parts: CreditCodeParts = {},
): string {
  const { registrationAuthority = '9', entityCategory = '1' } = parts;
  if (!/^\d{6}$/.test(regionCode6))
    throw new RangeError(`makeCreditCode: region "${regionCode6}" is not 6 digits`);
  for (const [name, value] of [
    ['registration authority', registrationAuthority],
    ['entity category', entityCategory],
  ] as const) {
    if (value.length !== 1 || !CREDIT_CODE_ALPHABET.includes(value)) {
      throw new RangeError(`makeCreditCode: ${name} "${value}" is not one credit code character`);
    }
  }
  const body8 = typeof organisation === 'number' ? organisationDigits(organisation) : organisation;
  if (body8.length !== 8 || [...body8].some((char) => !CREDIT_CODE_ALPHABET.includes(char))) {
    throw new RangeError(`makeCreditCode: organisation "${body8}" is not 8 credit code characters`);
  }
  const body17 = `${registrationAuthority}${entityCategory}${regionCode6}${body8}${computeOrganisationCodeCheck(body8)}`;
  return body17 + computeCreditCodeCheck(body17);
}

function organisationDigits(serial: number): string {
  if (!Number.isInteger(serial) || serial < 0 || serial > 99_999_999) {
    throw new RangeError(
      `makeCreditCode: organisation serial ${serial} is not a whole number from 0 to 99999999`,
    );
  }
  return String(serial).padStart(8, '0');
}
