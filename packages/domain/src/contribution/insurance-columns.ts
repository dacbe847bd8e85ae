import type { Fen } from '../money/index.ts';
import type { Fund, Insurance, Party } from '../policy/dimensions.ts';

/**
 * The one catalogue of a contribution line's per-insurance columns: the clamped base of each fund, the
 * amount of each insurance and party, and the personal-account parts. Everything that spells a line out
 * (the calculator's amount type, the stored columns, the row tuples the rights record reads, the sums the
 * ledger checks) derives from it, in this order, so a column is named once.
 *
 * - `base`: the base used for a fund's insurances (maternity is assessed on the medical fund's base);
 * - `amount`: what one party pays for one insurance, into the insurance's fund;
 * - `account`: the part of the fund's amounts credited to the person's own account (SIL Art. 14, 23).
 */
export type InsuranceColumnKind = 'base' | 'amount' | 'account';

export interface InsuranceColumn {
  /** The field of the calculator's amounts (`PersonMonthAmounts`). */
  readonly key: string;
  /** The column of `contribution_lines`. */
  readonly column: string;
  readonly kind: InsuranceColumnKind;
  /** The insurance an amount is for; for a base or an account part, the fund's own insurance. */
  readonly insurance: Insurance;
  /** Who pays an amount; null for a base or an account part. */
  readonly party: Party | null;
  /** The fund the column belongs to (medical and maternity share one). */
  readonly fund: Fund;
}

export const INSURANCE_COLUMNS = [
  base('pensionBaseFen', 'pension_base_fen', 'pension'),
  base('medicalBaseFen', 'medical_base_fen', 'medical'),
  base('unemploymentBaseFen', 'unemployment_base_fen', 'unemployment'),
  base('workInjuryBaseFen', 'work_injury_base_fen', 'work_injury'),
  amount('pensionEmployerFen', 'pension_employer_fen', 'pension', 'employer', 'pension'),
  amount('pensionEmployeeFen', 'pension_employee_fen', 'pension', 'employee', 'pension'),
  amount('medicalEmployerFen', 'medical_employer_fen', 'medical', 'employer', 'medical'),
  amount('medicalEmployeeFen', 'medical_employee_fen', 'medical', 'employee', 'medical'),
  amount('maternityEmployerFen', 'maternity_employer_fen', 'maternity', 'employer', 'medical'),
  amount('unemploymentEmployerFen', 'unemployment_employer_fen', 'unemployment', 'employer', 'unemployment'),
  amount('unemploymentEmployeeFen', 'unemployment_employee_fen', 'unemployment', 'employee', 'unemployment'),
  amount('workInjuryEmployerFen', 'work_injury_employer_fen', 'work_injury', 'employer', 'work_injury'),
  account('pensionAccountFen', 'pension_account_fen', 'pension'),
  account('medicalAccountFen', 'medical_account_fen', 'medical'),
] as const;

type Catalogue = (typeof INSURANCE_COLUMNS)[number];
type OfKind<K extends InsuranceColumnKind> = Extract<Catalogue, { kind: K }>;

/** A column of `contribution_lines` in the catalogue. */
export type LineColumn = Catalogue['column'];
/** A field of the calculator's amounts. */
export type LineAmountKey = Catalogue['key'];

/** One person-month as the columns of a stored contribution line, in the calculator's names. */
export type PersonMonthAmounts = { [C in Catalogue as C['key']]: Fen };
/** The same columns under their stored names (a row of `contribution_lines`, a summed row). */
export type LineColumnValues = { [C in Catalogue as C['column']]: number };
/** The catalogue's columns as a tuple of numbers, in catalogue order (a row tuple reads them so). */
export type LineColumnTuple = NumbersFor<typeof INSURANCE_COLUMNS>;
type NumbersFor<T extends readonly unknown[]> = { -readonly [I in keyof T]: number };

/** The base columns, one per fund. */
export const BASE_COLUMNS = INSURANCE_COLUMNS.filter((c): c is OfKind<'base'> => c.kind === 'base');
/** What the parties pay: the insurance-and-party amounts (no bases, no account parts). */
export const AMOUNT_COLUMNS = INSURANCE_COLUMNS.filter((c): c is OfKind<'amount'> => c.kind === 'amount');
/** The personal-account parts. */
export const ACCOUNT_COLUMNS = INSURANCE_COLUMNS.filter((c): c is OfKind<'account'> => c.kind === 'account');
/** The amounts the employer pays, and those the person pays (a flexible worker pays as 'employee'). */
export const EMPLOYER_COLUMNS = AMOUNT_COLUMNS.filter((c) => c.party === 'employer');
export const EMPLOYEE_COLUMNS = AMOUNT_COLUMNS.filter((c) => c.party === 'employee');

/** The amounts paid into one fund (the medical fund takes maternity too). */
export function amountColumnsOfFund(fund: Fund): readonly OfKind<'amount'>[] {
  return AMOUNT_COLUMNS.filter((c) => c.fund === fund);
}

/** The amounts of one insurance (maternity apart from medical). */
export function amountColumnsOfInsurance(insurance: Insurance): readonly OfKind<'amount'>[] {
  return AMOUNT_COLUMNS.filter((c) => c.insurance === insurance);
}

/** The amount one party pays for one insurance, if the catalogue has it ('pension/employer'). */
export function amountColumnOf(insurance: Insurance, party: Party): OfKind<'amount'> | undefined {
  return AMOUNT_COLUMNS.find((c) => c.insurance === insurance && c.party === party);
}

/** The base an insurance is assessed on: its fund's (maternity: the medical fund's). */
export function baseColumnOf(insurance: Insurance): OfKind<'base'> {
  const fund = INSURANCE_COLUMNS.find((c) => c.kind === 'amount' && c.insurance === insurance)?.fund;
  return BASE_COLUMNS.find((c) => c.fund === (fund ?? insurance))!;
}

/** Every column zero. */
export function emptyPersonMonth(): PersonMonthAmounts {
  const amounts = {} as Record<LineAmountKey, Fen>;
  for (const { key } of INSURANCE_COLUMNS) amounts[key] = 0;
  return amounts;
}

/** The sum of some columns of one person-month. */
export function sumColumns(amounts: PersonMonthAmounts, columns: readonly { key: LineAmountKey }[]): Fen {
  let sum = 0;
  for (const { key } of columns) sum += amounts[key];
  return sum;
}

/** Employer plus employee amounts of one line (bases and personal-account parts excluded). */
export function personMonthTotalFen(amounts: PersonMonthAmounts): Fen {
  return sumColumns(amounts, AMOUNT_COLUMNS);
}

/** A row of stored columns (a line, a sum of lines) as the calculator's amounts; a missing column is 0. */
export function amountsFromColumns(
  row: Partial<Record<LineColumn, number | string | null>>,
): PersonMonthAmounts {
  const amounts = {} as Record<LineAmountKey, Fen>;
  for (const { key, column } of INSURANCE_COLUMNS) amounts[key] = Number(row[column] ?? 0);
  return amounts;
}

/** The stored columns of some amounts (a missing one is 0): a line to write, a fixture's line. */
export function lineColumnsOf(amounts: Partial<PersonMonthAmounts>): LineColumnValues {
  const row = {} as Record<LineColumn, number>;
  for (const { key, column } of INSURANCE_COLUMNS) row[column] = amounts[key] ?? 0;
  return row;
}

function base<K extends string, C extends string, F extends Fund>(key: K, column: C, fund: F) {
  return { key, column, kind: 'base', insurance: fund, party: null, fund } as const;
}

function amount<K extends string, C extends string, I extends Insurance, P extends Party, F extends Fund>(
  key: K,
  column: C,
  insurance: I,
  party: P,
  fund: F,
) {
  return { key, column, kind: 'amount', insurance, party, fund } as const;
}

function account<K extends string, C extends string, F extends 'pension' | 'medical'>(
  key: K,
  column: C,
  fund: F,
) {
  return { key, column, kind: 'account', insurance: fund, party: null, fund } as const;
}
