import { emptyPersonMonth, type FundAmounts, type PersonMonthAmounts } from '@shebao/domain';

/** The base columns of a contribution line, one per insurance (the clamped base used). */
export const LINE_BASE_COLUMNS = [
  'pension_base_fen',
  'medical_base_fen',
  'unemployment_base_fen',
  'work_injury_base_fen',
] as const;

/** The amount columns of a contribution line: the insurance-and-party lines and the personal-account parts. */
export const LINE_AMOUNT_COLUMNS = [
  'pension_employer_fen',
  'pension_employee_fen',
  'medical_employer_fen',
  'medical_employee_fen',
  'maternity_employer_fen',
  'unemployment_employer_fen',
  'unemployment_employee_fen',
  'work_injury_employer_fen',
  'pension_account_fen',
  'medical_account_fen',
] as const;

/** Columns of contribution_lines in the order toLineRow writes them, with their PostgreSQL types. */
export const LINE_COLUMNS = [
  'bill_id',
  'person_id',
  'region_code',
  'period',
  ...LINE_BASE_COLUMNS,
  ...LINE_AMOUNT_COLUMNS,
] as const;

export const LINE_TYPES = LINE_COLUMNS.map((column) =>
  column === 'region_code' || column === 'period' ? 'text' : 'bigint',
) as ('text' | 'bigint')[];

export function toLineRow(
  billId: number,
  personId: number | null,
  regionCode: string,
  period: string,
  amounts: PersonMonthAmounts,
): (string | number | null)[] {
  return [
    billId,
    personId,
    regionCode,
    period,
    amounts.pensionBaseFen,
    amounts.medicalBaseFen,
    amounts.unemploymentBaseFen,
    amounts.workInjuryBaseFen,
    amounts.pensionEmployerFen,
    amounts.pensionEmployeeFen,
    amounts.medicalEmployerFen,
    amounts.medicalEmployeeFen,
    amounts.maternityEmployerFen,
    amounts.unemploymentEmployerFen,
    amounts.unemploymentEmployeeFen,
    amounts.workInjuryEmployerFen,
    amounts.pensionAccountFen,
    amounts.medicalAccountFen,
  ];
}

/** A bill's totals, kept in step with its lines (ledger verify proves they match). */
export interface BillTotals {
  employerFen: number;
  employeeFen: number;
  totalFen: number;
  funds: FundAmounts;
}

export function emptyTotals(): BillTotals {
  return {
    employerFen: 0,
    employeeFen: 0,
    totalFen: 0,
    funds: { pension: 0, medical: 0, unemployment: 0, work_injury: 0 },
  };
}

export function addToTotals(totals: BillTotals, amounts: PersonMonthAmounts): void {
  const employerFen =
    amounts.pensionEmployerFen +
    amounts.medicalEmployerFen +
    amounts.maternityEmployerFen +
    amounts.unemploymentEmployerFen +
    amounts.workInjuryEmployerFen;
  const employeeFen =
    amounts.pensionEmployeeFen + amounts.medicalEmployeeFen + amounts.unemploymentEmployeeFen;
  totals.employerFen += employerFen;
  totals.employeeFen += employeeFen;
  totals.totalFen += employerFen + employeeFen;
  totals.funds.pension += amounts.pensionEmployerFen + amounts.pensionEmployeeFen;
  totals.funds.medical +=
    amounts.medicalEmployerFen + amounts.medicalEmployeeFen + amounts.maternityEmployerFen;
  totals.funds.unemployment += amounts.unemploymentEmployerFen + amounts.unemploymentEmployeeFen;
  totals.funds.work_injury += amounts.workInjuryEmployerFen;
}

/** Regular bills are numbered by month and payer, so the number itself is a business key. */
export function regularBillNo(period: string, payerKey: string): string {
  return `${period.replace('-', '')}-${payerKey}`;
}

/** A row of line columns (snake_case, as stored or summed) as the calculator's amounts. */
export function lineRowToAmounts(row: Record<string, number | string | null>): PersonMonthAmounts {
  const amounts = emptyPersonMonth();
  for (const key of Object.keys(amounts) as (keyof PersonMonthAmounts)[]) {
    amounts[key] = Number(
      row[key.replace(/Fen$/, '_fen').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] ?? 0,
    );
  }
  return amounts;
}
