import { isValidDate, parseBusinessDate, type BusinessDate } from '../time/index.ts';
import { invalid, normaliseIdentifierText, type InvalidIdentifier } from './invalid.ts';
import { RESIDENT_ID_PROVINCE_PREFIXES } from './province-prefixes.ts';

/**
 * Resident identity number (GB 11643-1999), which is also the social security number (SIL Art. 58):
 * 6-digit address code + birth date YYYYMMDD + 3-digit sequence (odd male, even female) + check character.
 */
export type ResidentIdRule =
  'length' | 'characters' | 'province' | 'birth-date' | 'birth-date-future' | 'check-character';

export type Sex = 'male' | 'female';

export interface ValidResidentId {
  ok: true;
  /** The 18-character form, upper-case; a 15-digit legacy number comes back converted. */
  id: string;
  birthDate: BusinessDate;
  sex: Sex;
  /** First two digits of the address code, e.g. "11" for Beijing. */
  provinceCode: string;
  /** True when the input was a 15-digit legacy number (GB 11643-1989). */
  converted: boolean;
}

export type ResidentIdResult = ValidResidentId | InvalidIdentifier<ResidentIdRule>;

export interface ResidentIdOptions {
  /** The business date to check the birth date against; without it the future check is skipped. */
  today?: BusinessDate;
}

// ISO 7064 MOD 11-2: weight of position i is 2^(17−i) mod 11.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
// IDs were first issued in 1984; no one then alive was born before 1800. The floor also keeps
// two-digit years away from Date, which would read them as 19xx.
const EARLIEST_BIRTH_YEAR = 1800;

export function computeResidentIdCheck(body17: string): string {
  if (!/^\d{17}$/.test(body17)) {
    throw new RangeError(`computeResidentIdCheck: "${body17}" is not 17 digits`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

export function validateResidentId(text: string, options: ResidentIdOptions = {}): ResidentIdResult {
  const today = options.today === undefined ? undefined : parseBusinessDate(options.today, 'today');
  const input = normaliseIdentifierText(text);
  if (input.length === 15) return validateLegacy(input, today);
  if (input.length !== 18) {
    return invalid(
      'length',
      `A resident ID has 18 characters (or 15 digits for an old one), but this one has ${input.length}.`,
    );
  }
  const badPosition = firstBadCharacter(input, 17);
  if (badPosition !== undefined) {
    const allowed = badPosition === 18 ? 'a digit or X' : 'a digit';
    return invalid(
      'characters',
      `Character ${badPosition} is "${input[badPosition - 1]}", but only ${allowed} may stand there.`,
    );
  }
  // Field rules come before the check character: they name the part that is wrong, the check only
  // that something is.
  const fieldProblem = checkFields(input, today);
  if (fieldProblem) return fieldProblem;
  const expected = computeResidentIdCheck(input.slice(0, 17));
  if (input[17] !== expected) {
    return invalid('check-character', `The check character should be ${expected}, not ${input[17]}.`);
  }
  return describe(input, false);
}

/** Masks an ID for lists: the address code and the last four characters stay visible. */
export function maskResidentId(id: string): string {
  const text = normaliseIdentifierText(id);
  if (text.length <= 10) return '*'.repeat(text.length);
  return `${text.slice(0, 6)}${'*'.repeat(text.length - 10)}${text.slice(-4)}`;
}

/** GB 11643-1989 numbers have no century and no check character; the conversion rule fixes both. */
function validateLegacy(input: string, today: BusinessDate | undefined): ResidentIdResult {
  const badPosition = firstBadCharacter(input, 15);
  if (badPosition !== undefined) {
    return invalid(
      'characters',
      `Character ${badPosition} of the 15-digit ID is "${input[badPosition - 1]}", but only digits may stand there.`,
    );
  }
  const body = `${input.slice(0, 6)}19${input.slice(6)}`;
  const converted = body + computeResidentIdCheck(body);
  return checkFields(converted, today) ?? describe(converted, true);
}

/** 1-based position of the first character that breaks "digits, then a digit or X at the end". */
function firstBadCharacter(input: string, digitCount: number): number | undefined {
  for (let i = 0; i < input.length; i++) {
    const char = input[i]!;
    const isDigit = char >= '0' && char <= '9';
    if (!isDigit && !(i === digitCount && char === 'X')) return i + 1;
  }
  return undefined;
}

function checkFields(
  id: string,
  today: BusinessDate | undefined,
): InvalidIdentifier<ResidentIdRule> | undefined {
  const prefix = id.slice(0, 2);
  if (!RESIDENT_ID_PROVINCE_PREFIXES.has(prefix)) {
    return invalid(
      'province',
      `The address code ${id.slice(0, 6)} starts with ${prefix}, which is not a province code.`,
    );
  }
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birthDate = toBusinessDate(id);
  if (!isValidDate(year, month, day)) {
    return invalid('birth-date', `The birth date ${birthDate} is not a real calendar date.`);
  }
  if (year < EARLIEST_BIRTH_YEAR) {
    return invalid(
      'birth-date',
      `The birth year ${year} is before ${EARLIEST_BIRTH_YEAR}, so the birth date cannot be right.`,
    );
  }
  if (today !== undefined && birthDate > today) {
    return invalid('birth-date-future', `The birth date ${birthDate} is after today, ${today}.`);
  }
  return undefined;
}

function describe(id: string, converted: boolean): ValidResidentId {
  return {
    ok: true,
    id,
    birthDate: toBusinessDate(id),
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
    provinceCode: id.slice(0, 2),
    converted,
  };
}

function toBusinessDate(id: string): BusinessDate {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}
