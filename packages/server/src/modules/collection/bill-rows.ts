import {
  ACCOUNT_COLUMNS,
  AMOUNT_COLUMNS,
  amountColumnsOfFund,
  amountsFromColumns,
  BASE_COLUMNS,
  EMPLOYEE_COLUMNS,
  EMPLOYER_COLUMNS,
  FUNDS,
  INSURANCE_COLUMNS,
  sumColumns,
  type FundAmounts,
  type PersonMonthAmounts,
} from '@shebao/domain';

/** The base columns of a contribution line, one per fund (the clamped base used), from the catalogue. */
export const LINE_BASE_COLUMNS = BASE_COLUMNS.map((column) => column.column);

/** The amount columns of a contribution line: the insurance-and-party amounts, then the account parts. */
export const LINE_AMOUNT_COLUMNS = [...AMOUNT_COLUMNS, ...ACCOUNT_COLUMNS].map((column) => column.column);

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

/** A line as the row bulk writers take it: LINE_COLUMNS order, the amounts in catalogue order. */
export function toLineRow(
  billId: number,
  personId: number | null,
  regionCode: string,
  period: string,
  amounts: PersonMonthAmounts,
): (string | number | null)[] {
  const row: (string | number | null)[] = [billId, personId, regionCode, period];
  for (const { key } of INSURANCE_COLUMNS) row.push(amounts[key]);
  return row;
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

const FUND_COLUMNS = FUNDS.map((fund) => [fund, amountColumnsOfFund(fund)] as const);

export function addToTotals(totals: BillTotals, amounts: PersonMonthAmounts): void {
  const employerFen = sumColumns(amounts, EMPLOYER_COLUMNS);
  const employeeFen = sumColumns(amounts, EMPLOYEE_COLUMNS);
  totals.employerFen += employerFen;
  totals.employeeFen += employeeFen;
  totals.totalFen += employerFen + employeeFen;
  for (const [fund, columns] of FUND_COLUMNS) totals.funds[fund] += sumColumns(amounts, columns);
}

/** Regular bills are numbered by month and payer, so the number itself is a business key. */
export function regularBillNo(period: string, payerKey: string): string {
  return `${period.replace('-', '')}-${payerKey}`;
}

/** A row of line columns (snake_case, as stored or summed) as the calculator's amounts. */
export const lineRowToAmounts = (row: Record<string, number | string | null>): PersonMonthAmounts =>
  amountsFromColumns(row);
