import { INSURANCE_COLUMNS, type LineColumnTuple } from '../contribution/insurance-columns.ts';

/**
 * What a rights record is made from, as a database reads it (compact tuples, one JSON array per kind):
 * the person, their years as month masks, the months with a line on an unpaid bill, the range's lines with
 * their bills, and the personal-account movements. assembleRecord turns them into the record.
 */

/** A year of the person: per insurance, a 12-bit mask of the months with a contribution (bit 0 = January). */
export type YearSummaryTuple = [
  year: number,
  pensionMonths: number,
  medicalMonths: number,
  maternityMonths: number,
  unemploymentMonths: number,
  workInjuryMonths: number,
  contributedMonths: number,
];

/**
 * A contribution line with its bill's payer and payment state: the period, the bill, the line's columns in
 * the order of the catalogue (INSURANCE_COLUMNS), then the bill's fields.
 */
export type LineTuple = [
  period: string,
  billId: number,
  ...columns: LineColumnTuple,
  payerKey: string,
  employerId: number | null,
  kind: string,
  billPaidFen: number,
  billTotalFen: number,
  employerName: string | null,
  billDueDate: string,
];

/** Where the catalogue's columns start in a LineTuple, and where the bill's fields start after them. */
export const LINE_TUPLE_COLUMNS_AT = 2;
export const LINE_TUPLE_BILL_AT = LINE_TUPLE_COLUMNS_AT + INSURANCE_COLUMNS.length;

/** Everything credited to the accounts before the range's first year: its opening balances. */
export type AccountOpeningTuple = [pensionFen: number, medicalFen: number];

/** A personal-account entry in the range: a credit, a reversal or the year's interest. */
export type AccountEntryTuple = [period: string, kind: string, pensionFen: number, medicalFen: number];

export interface RecordRows {
  person: [id: number, idNumber: string, name: string, regionCode: string];
  from: string;
  to: string;
  /** Today (China time): a gap runs up to the month before its month; bills due before it are overdue. */
  today: string;
  /** Oldest first (the month count stops at the first year after `to`). */
  years: YearSummaryTuple[];
  unpaidPeriods: string[];
  lines: LineTuple[];
  accountOpening: AccountOpeningTuple | undefined;
  accountEntries: AccountEntryTuple[];
}
