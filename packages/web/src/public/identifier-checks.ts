import {
  computeResidentIdCheck,
  CREDIT_CODE_ALPHABET,
  validateCreditCode,
  validateResidentId,
  type BusinessDate,
  type CreditCodeRule,
  type ResidentIdRule,
} from '@shebao/domain';

/**
 * What a login form says about an identifier while it is typed: nothing yet, a problem (an i18n key with
 * its values), or that it is well formed. The rules are the domain's (GB 11643 and GB 32100 check
 * characters), imported from @shebao/domain, which is pure TypeScript and bundles for the browser.
 */
export type IdentifierProblem =
  `idNumber.${ResidentIdRule | 'required'}` | `creditCode.${CreditCodeRule | 'required'}`;

export type IdentifierCheck =
  | { state: 'incomplete' }
  | { state: 'invalid'; key: IdentifierProblem; values: Record<string, string | number> }
  | { state: 'valid'; values: Record<string, string> };

const INCOMPLETE: IdentifierCheck = { state: 'incomplete' };

/**
 * A resident identity number as typed. While typing (`complete` false) only wrong characters and a too
 * long number are reported, and the full check runs as soon as 18 characters are there; on leaving the
 * field or submitting (`complete` true) every rule applies, 15-digit legacy numbers included.
 */
export function checkIdNumber(text: string, complete: boolean, today: BusinessDate): IdentifierCheck {
  const input = text.trim().toUpperCase();
  if (input === '') return complete ? { state: 'invalid', key: 'idNumber.required', values: {} } : INCOMPLETE;
  const bad = [...input].findIndex((char, i) => !(/\d/.test(char) || (i === 17 && char === 'X')));
  if (bad >= 0 && bad < 18) {
    return {
      state: 'invalid',
      key: 'idNumber.characters',
      values: { position: bad + 1, character: input[bad]! },
    };
  }
  if (!complete && input.length < 18) return INCOMPLETE;
  const result = validateResidentId(input, { today });
  if (result.ok) return { state: 'valid', values: { birthDate: result.birthDate } };
  const full = input.length === 15 ? `${input.slice(0, 6)}19${input.slice(6)}` : input;
  const values: Record<string, string | number> = {
    count: input.length,
    prefix: input.slice(0, 2),
    date: `${full.slice(6, 10)}-${full.slice(10, 12)}-${full.slice(12, 14)}`,
  };
  if (result.rule === 'check-character') values.expected = computeResidentIdCheck(input.slice(0, 17));
  return { state: 'invalid', key: `idNumber.${result.rule}`, values };
}

/** A unified social credit code as typed, with the same timing as checkIdNumber. */
export function checkCreditCode(text: string, complete: boolean): IdentifierCheck {
  const input = text.trim().toUpperCase();
  if (input === '')
    return complete ? { state: 'invalid', key: 'creditCode.required', values: {} } : INCOMPLETE;
  const bad = [...input].findIndex((char) => !CREDIT_CODE_ALPHABET.includes(char));
  if (bad >= 0 && bad < 18) {
    return {
      state: 'invalid',
      key: 'creditCode.characters',
      values: { position: bad + 1, character: input[bad]! },
    };
  }
  if (!complete && input.length < 18) return INCOMPLETE;
  const result = validateCreditCode(input);
  if (result.ok) return { state: 'valid', values: {} };
  return { state: 'invalid', key: `creditCode.${result.rule}`, values: { count: input.length } };
}
