import { invalid, normaliseIdentifierText, type InvalidIdentifier } from './invalid.ts';
import { computeOrganisationCodeCheck } from './organisation-code.ts';

/**
 * Unified social credit code (GB 32100-2015), the employer's identifier: registration authority,
 * entity category, region code of the registering authority, organisation code (GB 11714) and a
 * check character.
 *
 * Both checks are enforced. Many public validators (python-stdnum, hutool) test only position 18, but
 * positions 9–17 are a GB 11714 organisation code with its own check character; the worked example
 * 91350100M000100Y43 passes it, as do real codes (Huawei 914403001922038216, Tencent
 * 9144030071526726XG, Baidu 91110000802100433B). Position 18 already catches every single-character
 * typo; the inner check catches codes whose organisation part was made up or copied wrongly.
 * Some pre-2016 local registrations are reported to carry codes that fail (hutool issue #4119:
 * 91350203M0001QKT19 fails position 18). They are refused here; accepting one is a decision for the
 * caller, e.g. after staff confirm it against the registry.
 */
export type CreditCodeRule =
  'length' | 'characters' | 'region-code' | 'check-character' | 'organisation-code-check';

export interface ValidCreditCode {
  ok: true;
  /** The 18-character code, upper-case. */
  code: string;
  /** Position 1, e.g. "9" market regulation, "5" civil affairs, "1" organisation staffing. */
  registrationAuthority: string;
  /** Position 2, read under the authority, e.g. "1" enterprise under "9". */
  entityCategory: string;
  /** Positions 3–8, the GB/T 2260 code of the registering authority ("100000" for national bodies). */
  regionCode: string;
  /** Positions 9–17, the GB 11714 organisation code with its check character. */
  organisationCode: string;
}

export type CreditCodeResult = ValidCreditCode | InvalidIdentifier<CreditCodeRule>;

/** The 31 symbols; I, O, S, V and Z are left out because they read like 1, 0, 5, U and 2. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// w_i = 3^(i−1) mod 31
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function computeCreditCodeCheck(body17: string): string {
  if (body17.length !== 17 || [...body17].some((char) => !CREDIT_CODE_ALPHABET.includes(char))) {
    throw new RangeError(`computeCreditCodeCheck: "${body17}" is not 17 credit code characters`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_ALPHABET.indexOf(body17[i]!) * WEIGHTS[i]!;
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!;
}

export function validateCreditCode(text: string): CreditCodeResult {
  const code = normaliseIdentifierText(text);
  if (code.length !== 18) {
    return invalid(
      'length',
      `A unified social credit code has 18 characters, but this one has ${code.length}.`,
    );
  }
  const badIndex = [...code].findIndex((char) => !CREDIT_CODE_ALPHABET.includes(char));
  if (badIndex >= 0) {
    return invalid(
      'characters',
      `Character ${badIndex + 1} is "${code[badIndex]}", but only digits and capital letters other than I, O, S, V and Z may stand there.`,
    );
  }
  const regionCode = code.slice(2, 8);
  if (!/^\d{6}$/.test(regionCode)) {
    return invalid('region-code', `Characters 3–8 should be a six-digit region code, not ${regionCode}.`);
  }
  const expected = computeCreditCodeCheck(code.slice(0, 17));
  if (code[17] !== expected) {
    return invalid('check-character', `The check character should be ${expected}, not ${code[17]}.`);
  }
  const organisationCode = code.slice(8, 17);
  const organisationCheck = computeOrganisationCodeCheck(organisationCode.slice(0, 8));
  if (organisationCode[8] !== organisationCheck) {
    return invalid(
      'organisation-code-check',
      `The organisation code ${organisationCode} (characters 9–17) should end in ${organisationCheck}, not ${organisationCode[8]}.`,
    );
  }
  return {
    ok: true,
    code,
    registrationAuthority: code[0]!,
    entityCategory: code[1]!,
    regionCode,
    organisationCode,
  };
}
