import { canonicalCreditCode, canonicalIdNumber } from './resolve-refs.ts';
import type { EmployerSearch, PersonSearch } from './registration.repository.ts';

/**
 * What staff type into one search box, read as the search it means: a whole credit code or identity
 * number finds exactly that record (both are unique), anything else is the start of a name.
 */

const CREDIT_CODE_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const ID_NUMBER_SHAPE = /^(\d{15}|\d{17}[\dX])$/;

export function employerSearchOf(text: string | undefined): EmployerSearch {
  const typed = text?.trim() ?? '';
  if (typed === '') return {};
  const code = canonicalCreditCode(typed);
  return CREDIT_CODE_SHAPE.test(code) ? { creditCode: code } : { namePrefix: typed };
}

export function personSearchOf(text: string | undefined): PersonSearch {
  const typed = text?.trim() ?? '';
  if (typed === '') return {};
  return ID_NUMBER_SHAPE.test(typed.toUpperCase())
    ? { idNumber: canonicalIdNumber(typed) }
    : { namePrefix: typed };
}
